package dev.incidex.fetch;

import dev.incidex.IncidexConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether an untrusted URL may be fetched: only http(s), no user info, and no host that is
 * or resolves to a loopback, private, link-local (cloud metadata), unspecified, multicast or
 * carrier-grade-NAT address, in any spelling. Operators may allow private addresses in configuration.
 */
@ApplicationScoped
public class AddressPolicy {

    /** Looks a host name up; tests replace it so no DNS is needed. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Set<String> METADATA_HOSTS = Set.of(
            "metadata.google.internal",
            "metadata",
            "instance-data",
            "instance-data.ec2.internal",
            "metadata.azure.internal");

    // inet_aton accepts 1 to 4 parts, each decimal, octal (leading 0) or hex (0x): 2130706433, 0177.0.0.1, 0x7f.1,
    // 127.1.
    private static final Pattern NUMERIC_HOST =
            Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}");

    private final boolean allowPrivate;
    private final Set<String> allowedHosts;
    private final List<Network> allowedNetworks;
    private final Resolver resolver;
    /** The origin (scheme, host, port) trusted as is: a catalog source's own server. Null: none. */
    private final URI trustedOrigin;

    @Inject
    public AddressPolicy(IncidexConfig config) {
        this(
                config.fetch().allowPrivateAddresses(),
                config.fetch().allowedHosts().orElse(List.of()),
                config.fetch().allowedNetworks().orElse(List.of()),
                InetAddress::getAllByName);
    }

    public AddressPolicy(boolean allowPrivate, List<String> allowedHosts, Resolver resolver) {
        this(allowPrivate, allowedHosts, List.of(), resolver);
    }

    /** @param allowedNetworks address ranges in CIDR notation ({@code 10.20.0.0/16}) that may be fetched though internal */
    public AddressPolicy(
            boolean allowPrivate, List<String> allowedHosts, List<String> allowedNetworks, Resolver resolver) {
        this(
                allowPrivate,
                allowedHosts.stream().map(AddressPolicy::normalHost).collect(java.util.stream.Collectors.toSet()),
                allowedNetworks.stream().map(Network::parse).toList(),
                resolver,
                null);
    }

    private AddressPolicy(
            boolean allowPrivate,
            Set<String> allowedHosts,
            List<Network> allowedNetworks,
            Resolver resolver,
            URI trustedOrigin) {
        this.allowPrivate = allowPrivate;
        this.allowedHosts = allowedHosts;
        this.allowedNetworks = allowedNetworks;
        this.resolver = resolver;
        this.trustedOrigin = trustedOrigin;
    }

    /**
     * This policy, but trusting the server of {@code catalogUrl} as is: the operator chose that URL,
     * not where its server redirects. A redirect elsewhere is checked like any untrusted URL, so a
     * vendor cannot send Incidex to a metadata service or a port on the operator's own network.
     */
    public AddressPolicy trustingOrigin(URI catalogUrl) {
        return new AddressPolicy(allowPrivate, allowedHosts, allowedNetworks, resolver, catalogUrl);
    }

    /**
     * Why {@code url} may not be fetched, or empty when it may. A host that does not resolve is not
     * refused here: the fetch itself then fails with "unknown host".
     */
    public Optional<String> refusal(URI url) {
        return check(url).refusal();
    }

    /**
     * What checking a URL found.
     *
     * @param refusal why the URL may not be fetched, or empty when it may
     * @param checkedAt when a host name had to be resolved to tell, the address it was found safe at: the fetch
     *     connects there rather than resolve the name again, which a server changing its DNS answer between the two
     *     look-ups (rebinding) could point at an internal address. Null when nothing was resolved.
     * @param unknownHost the host name did not resolve (not a refusal: the fetch fails with "unknown host")
     */
    public record Verdict(Optional<String> refusal, InetAddress checkedAt, boolean unknownHost) {
        static final Verdict ALLOWED = new Verdict(Optional.empty(), null, false);

        static Verdict refused(String why) {
            return new Verdict(Optional.of(why), null, false);
        }
    }

    /** {@link #refusal}, and the address the host name was found safe at (see {@link Verdict}). */
    public Verdict check(URI url) {
        if (trustedOrigin != null && sameServer(trustedOrigin, url)) {
            return Verdict.ALLOWED;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Verdict.refused("only http and https URLs are allowed, not "
                    + (scheme.isEmpty() ? "a URL without a scheme" : scheme + ":"));
        }
        String authority = url.getRawAuthority();
        if (url.getRawUserInfo() != null || (authority != null && authority.contains("@"))) {
            return Verdict.refused("URLs with a user name or password are not allowed");
        }
        // java.net.URI leaves the host null for spellings like 127.1 or 0x7f.1 that resolvers still accept.
        String rawHost =
                url.getHost() != null ? url.getHost() : authority == null ? null : authority.replaceFirst(":\\d*$", "");
        if (rawHost == null || rawHost.isBlank()) {
            return Verdict.refused("URL " + url + " has no host name");
        }
        String host = normalHost(rawHost);
        if (allowPrivate || allowedHosts.contains(host)) {
            return Verdict.ALLOWED;
        }
        if (METADATA_HOSTS.contains(host)) {
            return Verdict.refused("host " + host + " is a cloud metadata service and not allowed");
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return Verdict.refused("host " + host + " is a loopback address and not allowed");
        }
        if (NUMERIC_HOST.matcher(host).matches() && inetAton(host) == null) {
            return Verdict.refused("host " + host + " looks like a number but is not an IP address");
        }
        InetAddress literal = literal(host);
        if (literal != null) {
            return forbiddenHere(literal)
                    .map(kind -> Verdict.refused("address " + host
                            + (host.equals(literal.getHostAddress()) ? "" : " (" + literal.getHostAddress() + ")")
                            + " is " + kind + " and not allowed"))
                    .orElse(Verdict.ALLOWED);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new Verdict(Optional.empty(), null, true);
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = forbiddenHere(address);
            if (kind.isPresent()) {
                return Verdict.refused("host " + host + " resolves to " + address.getHostAddress() + ", " + kind.get()
                        + ", which is not allowed");
            }
        }
        return addresses.length == 0
                ? new Verdict(Optional.empty(), null, true)
                : new Verdict(Optional.empty(), addresses[0], false);
    }

    /**
     * Whether {@code url} is served by the trusted URL's own server: the same port, and the same host
     * or a host name that resolves to one of its addresses (a vendor moving its page to another name
     * on the same machine). A redirect anywhere else is checked like any untrusted URL.
     */
    private boolean sameServer(URI trusted, URI url) {
        if (Fetcher.sameOrigin(trusted, url)) {
            return true;
        }
        if (trusted.getHost() == null || url.getHost() == null || port(trusted) != port(url)) {
            return false;
        }
        try {
            java.util.Set<InetAddress> mine = java.util.Set.of(addresses(trusted.getHost()));
            return Arrays.stream(addresses(url.getHost())).anyMatch(mine::contains);
        } catch (UnknownHostException | IllegalArgumentException unknown) {
            return false;
        }
    }

    private InetAddress[] addresses(String host) throws UnknownHostException {
        InetAddress literal = literal(normalHost(host));
        return literal != null ? new InetAddress[] {literal} : resolver.resolve(normalHost(host));
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** {@link #forbidden}, unless the operator allowed the address's range. */
    private Optional<String> forbiddenHere(InetAddress address) {
        return allowedNetworks.stream().anyMatch(n -> n.contains(address)) ? Optional.empty() : forbidden(address);
    }

    /** An address range in CIDR notation. */
    record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            String[] parts = cidr.strip().split("/", 2);
            InetAddress base = literal(normalHost(parts[0]));
            if (base == null) {
                throw new IllegalArgumentException(
                        "incidex.fetch.allowed-networks: '" + cidr + "' is not an address range like 10.20.0.0/16");
            }
            int max = base.getAddress().length * 8;
            int bits;
            try {
                bits = parts.length == 1 ? max : Integer.parseInt(parts[1].strip());
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException(
                        "incidex.fetch.allowed-networks: '" + cidr + "' has no prefix length from 0 to " + max);
            }
            return new Network(base.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != prefix.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((a[i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Lower case, without IPv6 brackets and trailing dots ({@code localhost.} is {@code localhost}). */
    static String normalHost(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    /** The address a literal host stands for, in every spelling the resolver would accept; null for a name. */
    static InetAddress literal(String host) {
        try {
            if (host.contains(":")) {
                return InetAddress.getByName(host.replaceFirst("%.*$", "")); // an IPv6 literal: parsed, never looked up
            }
            if (NUMERIC_HOST.matcher(host).matches()) {
                byte[] v4 = inetAton(host);
                return v4 == null ? null : InetAddress.getByAddress(v4);
            }
        } catch (UnknownHostException e) {
            return null;
        }
        return null;
    }

    /** The BSD inet_aton reading of a numeric host (what getaddrinfo does with it); null when out of range. */
    private static byte[] inetAton(String host) {
        String[] parts = host.split("\\.", -1);
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].toLowerCase(Locale.ROOT);
            try {
                if (p.startsWith("0x")) {
                    values[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
                } else if (p.length() > 1 && p.startsWith("0")) {
                    values[i] = Long.parseLong(p.substring(1), 8);
                } else {
                    values[i] = Long.parseLong(p);
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        long address = 0;
        int n = values.length;
        for (int i = 0; i < n - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            address |= values[i] << (24 - 8 * i);
        }
        long last = values[n - 1];
        if (last >= (1L << (8 * (5 - n)))) {
            return null;
        }
        address |= last;
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    /** What kind of forbidden address this is ("a loopback address", …), or empty for a public one. */
    static Optional<String> forbidden(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            byte[] embedded = embeddedIpv4(b);
            if (embedded != null) {
                try {
                    return forbidden(InetAddress.getByAddress(embedded))
                            .map(kind -> kind + " (inside an IPv6 address)");
                } catch (UnknownHostException impossible) {
                    return Optional.of("an unreadable address");
                }
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("a private address");
            }
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address (cloud metadata lives there)");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address instanceof Inet4Address) {
            int first = address.getAddress()[0] & 0xff;
            int second = address.getAddress()[1] & 0xff;
            if (first == 0) {
                return Optional.of("the unspecified address");
            }
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("a carrier-grade NAT address");
            }
            if (first >= 240) {
                return Optional.of("a reserved address");
            }
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address an IPv6 one wraps: IPv4-mapped and -compatible (::ffff:a.b.c.d, ::a.b.c.d),
     * NAT64 (64:ff9b::/96), 6to4 (2002::/16) and Teredo (2001:0::/32, client address inverted).
     */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeros80 = Arrays.equals(Arrays.copyOfRange(b, 0, 10), new byte[10]);
        if (zeros80 && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
            boolean allZero = Arrays.equals(Arrays.copyOfRange(b, 12, 16), new byte[4]);
            boolean one = allZero ? false : Arrays.equals(Arrays.copyOfRange(b, 0, 15), new byte[15]) && b[15] == 1;
            if (b[10] == 0 && (allZero || one)) {
                return null; // :: and ::1 themselves
            }
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (b[0] == 0
                && b[1] == 0x64
                && b[2] == (byte) 0xff
                && b[3] == (byte) 0x9b
                && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8])) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
            byte[] client = Arrays.copyOfRange(b, 12, 16);
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return client;
        }
        return null;
    }
}
