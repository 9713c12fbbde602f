package dev.incidex.feed;

import jakarta.ws.rs.NotFoundException;

/** The two feed formats Incidex writes, with Rome's name for each and the media type served. */
public enum FeedFormat {
    RSS("rss", "rss_2.0", "application/rss+xml; charset=utf-8"),
    ATOM("atom", "atom_1.0", "application/atom+xml; charset=utf-8");

    private final String extension;
    private final String romeType;
    private final String mediaType;

    FeedFormat(String extension, String romeType, String mediaType) {
        this.extension = extension;
        this.romeType = romeType;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    String romeType() {
        return romeType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format a URL's extension names; anything else is a page that does not exist. */
    public static FeedFormat fromExtension(String extension) {
        for (FeedFormat f : values()) {
            if (f.extension.equals(extension)) {
                return f;
            }
        }
        throw new NotFoundException("no feed format '" + extension + "'");
    }
}
