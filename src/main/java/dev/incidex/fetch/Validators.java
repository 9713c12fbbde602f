package dev.incidex.fetch;

/** What the previous answer said about itself, sent back so an unchanged document costs a 304. */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);
}
