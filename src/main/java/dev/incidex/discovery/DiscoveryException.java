package dev.incidex.discovery;

/** Why a URL could not be added, with the HTTP status to answer (400 bad or refused URL, 409 duplicate, 422 nothing found). */
public class DiscoveryException extends RuntimeException {

    /** Messages name what the user sent; however long that was, the answer stays short. */
    static final int MAX_MESSAGE = 1000;

    private final int status;
    private final String existingSlug;

    public DiscoveryException(int status, String message) {
        this(status, message, null);
    }

    public DiscoveryException(int status, String message, String existingSlug) {
        super(message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message);
        this.status = status;
        this.existingSlug = existingSlug;
    }

    public int status() {
        return status;
    }

    /** For a duplicate: the vendor that already has the source. */
    public String existingSlug() {
        return existingSlug;
    }
}
