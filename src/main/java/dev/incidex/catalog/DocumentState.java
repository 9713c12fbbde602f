package dev.incidex.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** What the last good answer for one document said about itself: validators and a content hash. */
@Embeddable
public class DocumentState {

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    /** SHA-256 of the body, so a 200 with the same bytes costs no parsing. */
    @Column(name = "content_sha256")
    public String contentSha256;

    public DocumentState() {}

    public DocumentState(String etag, String lastModified, String contentSha256) {
        this.etag = etag;
        this.lastModified = lastModified;
        this.contentSha256 = contentSha256;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentState d
                && Objects.equals(etag, d.etag)
                && Objects.equals(lastModified, d.lastModified)
                && Objects.equals(contentSha256, d.contentSha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(etag, lastModified, contentSha256);
    }
}
