package org.latentexplorer.ui.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ModelsFolderTest {
    private static Properties home(String home) {
        Properties p = new Properties();
        p.setProperty("user.home", home);
        return p;
    }

    @Test
    void modelsGoToAVisibleFolderInTheUsersHomeUnlessTheEnvironmentOrAPropertyNamesOne() {
        assertThat(ModelsFolder.folder(home("/home/ada"), Map.of())).isEqualTo(Path.of("/home/ada/LatentExplorer/models"));
        assertThat(ModelsFolder.folder(home("/home/ada"), Map.of(ModelsFolder.ENV, "/data/models")))
                .isEqualTo(Path.of("/data/models"));
        Properties p = home("/home/ada");
        p.setProperty(ModelsFolder.PROPERTY, "/tmp/m");
        assertThat(ModelsFolder.folder(p, Map.of(ModelsFolder.ENV, "/data/models"))).isEqualTo(Path.of("/tmp/m"));
    }
}
