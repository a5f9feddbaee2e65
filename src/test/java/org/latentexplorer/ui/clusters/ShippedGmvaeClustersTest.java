package org.latentexplorer.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentexplorer.ui.fakes.TestWindows;
import org.latentexplorer.ui.services.DefaultCoreServices;
import org.latentexplorer.ui.shell.MainWindow;
import org.latentexplorer.ui.shell.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Clusters tab over the shipped MNIST GMVAE (real services): its ten components, and samples from one. */
@ExtendWith(ApplicationExtension.class)
class ShippedGmvaeClustersTest {
    private static final Path MODEL = Path.of(System.getProperty("latentexplorer.home", "."), "models", "mnist-gmvae.lexb");
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestWindows.open(stage, new DefaultCoreServices(MODEL), Files.createTempDirectory("explorer-config"), null);
    }

    @Test
    void theGmvaeBundleShowsItsOwnTenClustersAndSamplesFromOne(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.session().workspace() != null);
        assertThat(window.session().workspace().model().source()).isEqualTo(MODEL);
        robot.clickOn("Clusters");
        ClustersViewModel vm = window.clustersViewModel();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.stateProperty().get() == ClustersViewModel.State.READY);
        assertThat(robot.lookup("#cluster-card-9").tryQuery()).isPresent();
        assertThat(robot.lookup("#cluster-card-10").tryQuery()).isEmpty();
        robot.clickOn("#cluster-card-3");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.clustersView().gridView().getImage() != null);
        assertThat(vm.selection()).containsExactly(3);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "shipped-gmvae-clusters");
    }
}
