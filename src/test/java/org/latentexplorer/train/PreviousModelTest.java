package org.latentexplorer.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviousModelTest {

    @Test
    void anExistingModelIsCopiedBesideItBeforeTraining(@TempDir Path dir) throws IOException {
        Path out = Files.writeString(dir.resolve("fashion.lexb"), "the good model");
        assertThat(PreviousModel.keep(out)).contains(dir.resolve("fashion.previous.lexb"));
        assertThat(dir.resolve("fashion.previous.lexb")).hasContent("the good model");
        assertThat(out).hasContent("the good model");
    }

    @Test
    void aNewOutputNeedsNoCopy(@TempDir Path dir) {
        assertThat(PreviousModel.keep(dir.resolve("new.lexb"))).isEmpty();
        assertThat(PreviousModel.backupOf(Path.of("runs", "model"))).isEqualTo(Path.of("runs", "model.previous"));
    }
}
