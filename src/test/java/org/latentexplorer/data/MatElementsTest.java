package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.InputException;

/** The fuzzer's MAT finding, refused by size before MFL reserves anything (whatever the test heap). */
class MatElementsTest {
    @Test
    void aNestedElementDeclaringMoreThanItsCompressedParentHoldsIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("faces.mat");
        try (InputStream in = getClass().getResourceAsStream(
                "/org/latentexplorer/fuzz/ReaderFuzzTestInputs/mat/crash-881b52eaadeb13a2d91efe775e70bbefd387f91b")) {
            Files.copy(in, file);
        }
        assertThatThrownBy(() -> MatReader.read("faces", file, null)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": corrupt .mat file (an element declares");
    }
}
