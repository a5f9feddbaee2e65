package org.latentexplorer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class UserModelsTest {
    private static Properties home(String home) {
        Properties p = new Properties();
        p.setProperty("user.home", home);
        return p;
    }

    @Test
    void modelsGoToAVisibleFolderInTheUsersHomeUnlessTheEnvironmentOrAPropertyNamesOne() {
        assertThat(UserModels.folder(home("/home/ada"), Map.of())).isEqualTo(Path.of("/home/ada/LatentExplorer/models"));
        assertThat(UserModels.folder(home("/home/ada"), Map.of(UserModels.ENV, "/data/models")))
                .isEqualTo(Path.of("/data/models"));
        Properties p = home("/home/ada");
        p.setProperty(UserModels.PROPERTY, "/tmp/m");
        assertThat(UserModels.folder(p, Map.of(UserModels.ENV, "/data/models"))).isEqualTo(Path.of("/tmp/m"));
    }
}
