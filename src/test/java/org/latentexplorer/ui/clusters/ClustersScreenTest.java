package org.latentexplorer.ui.clusters;

import org.latentexplorer.ui.fakes.TestWindows;
import static org.latentexplorer.ui.fakes.TestWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.ui.fakes.ClusterServices;
import org.latentexplorer.ui.fakes.FakeClusterModel;
import org.latentexplorer.ui.fakes.FakeFileDialogs;
import org.latentexplorer.ui.fakes.FakeServices;
import org.latentexplorer.ui.shell.MainWindow;
import org.latentexplorer.ui.shell.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Clusters tab driven with the mouse, over fake clusters and the real (threaded) executor. */
@ExtendWith(ApplicationExtension.class)
class ClustersScreenTest {
    @TempDir
    static Path dir;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        ClusterServices services = new ClusterServices();
        services.ownClusters = new FakeClusterModel(10, "gmvae");
        services.base.defaultModel = FakeServices.writeBundle(dir.resolve("gmvae.lexb"), 2);
        window = TestWindows.open(stage, services, Files.createTempDirectory(dir, "config"), new FakeFileDialogs());
    }

    @Test
    void clickingAClusterFillsTheGrid(FxRobot robot) throws Exception {
        waitFor(() -> window.session().workspace() != null);
        robot.clickOn("Clusters");
        ClustersViewModel vm = window.clustersViewModel();
        waitFor(() -> vm.stateProperty().get() == ClustersViewModel.State.READY);
        assertThat(window.clustersView().gridView().getImage()).isNull();
        robot.clickOn("#cluster-card-4");
        waitFor(() -> window.clustersView().gridView().getImage() != null);
        assertThat(vm.selection()).containsExactly(4);
        assertThat(window.clustersView().gridView().getImage().getWidth()).isEqualTo(10 * 29 - 1);
        robot.clickOn("#cluster-name").eraseText(20).write("cluster 1").clickOn("#cluster-rename");
        waitFor(() -> vm.messageProperty().get().contains("already"));
        Screenshots.save(window.clustersView().getScene(), "clusters-fake");
    }
}
