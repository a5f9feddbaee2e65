package org.latentexplorer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.latentexplorer.common.InputException;
import org.latentexplorer.model.ModelBundle;

/**
 * Coverage-guided fuzz target (Jazzer) for the model bundle loader: whatever the bytes of a
 * {@code .lexb}, loading ends in a bundle or an {@link InputException}, within the fuzzing JVM's 1 GiB
 * heap ({@code bin/fuzz}). The seed is a tiny VAE bundle; past findings sit beside it.
 */
class BundleFuzzTest {
    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempDirectory("bundle-fuzz").resolve("model.lexb");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void bundle(byte[] data) throws IOException {
        Files.write(FILE, data);
        try (ModelBundle bundle = ModelBundle.load(FILE)) {
            bundle.config();
        } catch (InputException refused) {
            // A clear refusal is the expected answer to a bad file.
        }
    }
}
