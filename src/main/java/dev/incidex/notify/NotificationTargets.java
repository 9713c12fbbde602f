package dev.incidex.notify;

import dev.incidex.IncidexConfig;
import dev.incidex.UserInput;
import dev.incidex.fetch.AddressPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.InstantSource;
import java.util.List;
import java.util.regex.Pattern;

/** Adds, removes and lists a watchlist's notification targets: the only code that writes them. */
@ApplicationScoped
public class NotificationTargets {

    /** The longest URL or address accepted. */
    static final int MAX_ADDRESS = 2000;

    /**
     * An address a mail server will take: one {@code @}, a dotted domain, nothing that could split a
     * header (spaces, commas, angle brackets, quotes, line breaks).
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[^@\\s<>,;:\"()\\[\\]\\\\]{1,64}@[^@\\s<>,;:\"()\\[\\]\\\\]+\\.[^@\\s<>,;:\"()\\[\\]\\\\.]+");

    /** Raised with a message a person can act on; the page shows it with a 400. */
    public static class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    @Inject
    AddressPolicy addresses;

    @Inject
    IncidexConfig config;

    @Inject
    InstantSource clock;

    public List<NotificationTarget> of(long watchlistId) {
        return NotificationTarget.list("watchlistId = ?1 order by id", watchlistId);
    }

    /** @throws Invalid when the kind or address is wrong, or the watchlist has its most targets already */
    @Transactional
    public NotificationTarget add(long watchlistId, String kindCode, String rawAddress) {
        TargetKind kind = TargetKind.fromCode(kindCode == null ? "" : kindCode.strip())
                .orElseThrow(() -> new Invalid("Pick a webhook, a Slack incoming webhook or an email address, not "
                        + UserInput.quote(kindCode) + "."));
        String address = check(kind, rawAddress == null ? "" : rawAddress.strip());
        long count = NotificationTarget.count("watchlistId", watchlistId);
        if (count >= config.notifications().maxTargets()) {
            throw new Invalid("A watchlist notifies at most "
                    + config.notifications().maxTargets() + " targets; remove one first.");
        }
        if (NotificationTarget.count("watchlistId = ?1 and kind = ?2 and address = ?3", watchlistId, kind, address)
                > 0) {
            throw new Invalid("This watchlist already notifies that " + (kind.isUrl() ? "URL." : "address."));
        }
        NotificationTarget target = new NotificationTarget();
        target.watchlistId = watchlistId;
        target.kind = kind;
        target.address = address;
        target.createdAt = clock.instant();
        target.persist();
        return target;
    }

    /** False when the watchlist has no such target. Its deliveries and their log go with it. */
    @Transactional
    public boolean remove(long watchlistId, long targetId) {
        return NotificationTarget.delete("id = ?1 and watchlistId = ?2", targetId, watchlistId) > 0;
    }

    private String check(TargetKind kind, String address) {
        if (address.isEmpty()) {
            throw new Invalid(kind.isUrl() ? "Enter the URL to send to." : "Enter the email address to send to.");
        }
        if (address.length() > MAX_ADDRESS) {
            throw new Invalid("The address is longer than " + MAX_ADDRESS + " characters.");
        }
        if (UserInput.unprintable(address)) {
            throw new Invalid("The address holds a control character (such as NUL); remove it.");
        }
        if (kind == TargetKind.EMAIL) {
            if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
                throw new Invalid(UserInput.quote(address) + " is not an email address like someone@example.com.");
            }
            return address;
        }
        URI url;
        try {
            url = new URI(address);
        } catch (URISyntaxException e) {
            throw new Invalid(UserInput.quote(address) + " is not a URL.");
        }
        if (url.getRawFragment() != null) {
            throw new Invalid("A webhook URL has no #fragment.");
        }
        // The same guard as vendors' URLs: nobody makes Incidex post into the network it runs in.
        addresses.refusal(url).ifPresent(why -> {
            throw new Invalid("Incidex will not send to " + UserInput.quote(address) + ": " + why + ".");
        });
        return address;
    }
}
