package dev.incidex.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Real vendor documents archived by public repositories (src/test/resources/real/README.md lists each
 * with repository, path and commit). They are kept outside this repository, beside it in the shared
 * folder ({@code ../shared/real/<kind>/<file>}) or where {@code -Dincidex.real-documents=DIR} says;
 * a test that needs one is skipped, saying so, where the corpus is not present.
 */
public final class RealDocuments {

    private RealDocuments() {}

    public static Path folder() {
        return Path.of(System.getProperty("incidex.real-documents", "../shared/real"));
    }

    /** The document's bytes; the test is skipped when the corpus is not on this machine. */
    public static byte[] bytes(String kindAndFile) {
        Path file = folder().resolve(kindAndFile);
        Assumptions.assumeTrue(
                Files.isRegularFile(file),
                "real document " + file.toAbsolutePath() + " is not here (see src/test/resources/real/README.md)");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
