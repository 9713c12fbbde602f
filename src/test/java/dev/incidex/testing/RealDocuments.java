package dev.incidex.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Real vendor documents archived by public repositories, kept in the test resources under
 * {@code real/<kind>/<file>} (src/test/resources/real/README.md lists each with repository, path and
 * commit). A missing document fails the test: the corpus is part of the suite, never optional.
 */
public final class RealDocuments {

    private RealDocuments() {}

    /** The document's bytes, exactly as stored. */
    public static byte[] bytes(String kindAndFile) {
        String resource = "real/" + kindAndFile;
        try (InputStream in = RealDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("real document " + resource
                        + " is not in the test resources (see src/test/resources/real/README.md)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
