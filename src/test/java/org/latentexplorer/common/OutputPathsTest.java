package org.latentexplorer.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPathsTest {

    @Test
    void aFileInANewFolderIsFineAndLeavesNoProbeBehind(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("runs/today/model.lexb");
        assertThatCode(() -> OutputPaths.checkWritable(out, "--out")).doesNotThrowAnyException();
        try (var files = Files.list(out.getParent())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFolderOrAPathThroughAFileIsRefusedBeforeAnyWork(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> OutputPaths.checkWritable(dir, "--out")).isInstanceOf(InputException.class)
                .hasMessageContaining("is a folder");
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> OutputPaths.checkWritable(file.resolve("grid.png"), "--out"))
                .isInstanceOf(InputException.class).hasMessageStartingWith("--out " + file.resolve("grid.png"))
                .hasMessageContaining("cannot write in " + file);
    }
}
