package org.latentexplorer.ui.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;

/** The start-up's read-ahead: the first model and its data read while the window is built, as a plain read gives them. */
class ReadAheadTest {
    private static final Path MODEL = Path.of("models", "mnist-d2.lexb");

    @Test
    void theModelAndItsDataReadAheadEqualAPlainRead() {
        DefaultCoreServices ahead = new DefaultCoreServices(MODEL);
        ahead.readAhead(MODEL);
        try (var model = ahead.openModel(MODEL)) {
            String id = model.config().datasetId();
            Dataset early = ahead.loadDataset(id, ahead.defaultSplit());
            Dataset plain = new DefaultCoreServices(MODEL).loadDataset(id, ahead.defaultSplit());
            assertThat(early.size()).isEqualTo(plain.size()).isPositive();
            assertThat(early.rows(0, 3)).isDeepEqualTo(plain.rows(0, 3));
            assertThat(early.labels()).isEqualTo(plain.labels());
            // Taken once: the next request reads again.
            assertThat(ahead.loadDataset(id, ahead.defaultSplit())).isNotSameAs(early);
        }
    }

    @Test
    void aDamagedFileReadAheadGivesItsOwnMessageWhenOpened(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.lexb");
        Files.write(bad, new byte[]{'P', 'K', 3, 4, 0, 0});
        DefaultCoreServices services = new DefaultCoreServices(MODEL);
        services.readAhead(bad);
        assertThatThrownBy(() -> services.openModel(bad)).isInstanceOf(InputException.class)
                .hasMessageContaining("bad.lexb");
    }
}
