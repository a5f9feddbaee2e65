package org.latentexplorer.ui.clusters;

import org.latentexplorer.ui.fakes.TestWindows;
import static org.latentexplorer.ui.fakes.TestWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.KeyCode;
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
    private ClusterServices services;

    @Start
    void start(Stage stage) throws Exception {
        services = new ClusterServices();
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

    /** Issue 21: with two clusters selected the slider raised "these draws hold 100 samples, 200 were asked for". */
    @Test
    void movingTheTemperatureWithTwoClustersSelectedRedrawsBothWithoutAnError(FxRobot robot) throws Exception {
        waitFor(() -> window.session().workspace() != null);
        robot.clickOn("Clusters");
        ClustersViewModel vm = window.clustersViewModel();
        waitFor(() -> vm.stateProperty().get() == ClustersViewModel.State.READY);
        robot.clickOn("#cluster-card-3");
        robot.press(KeyCode.CONTROL).clickOn("#cluster-card-5").release(KeyCode.CONTROL);
        waitFor(() -> vm.gridProperty().get() != null && vm.gridProperty().get().caption().contains("2 clusters"));
        assertThat(vm.selection()).containsExactly(3, 5);

        // All the way left is T = 0, where every sample is its cluster's centre.
        robot.drag("#cluster-temperature .thumb").moveBy(-300, 0).drop();
        waitFor(() -> vm.gridProperty().get().caption().contains("T = 0.00"));
        assertThat(robot.lookup("#error-message").tryQuery()).isEmpty();
        List<float[]> images = vm.gridProperty().get().images();
        float[][] centres = services.ownClusters.centres();
        assertThat(images).hasSize(100);
        assertThat(images.subList(0, 50)).allSatisfy(img -> assertThat(img).isEqualTo(centres[3]));
        assertThat(images.subList(50, 100)).allSatisfy(img -> assertThat(img).isEqualTo(centres[5]));
        assertThat(screenPixels()).isEqualTo(vm.gridProperty().get().argb());

        robot.drag("#cluster-temperature .thumb").moveBy(100, 0).drop();
        waitFor(() -> !vm.gridProperty().get().caption().contains("T = 0.00"));
        assertThat(robot.lookup("#error-message").tryQuery()).isEmpty();
        assertThat(vm.gridProperty().get().caption()).contains("2 clusters");
        assertThat(screenPixels()).isEqualTo(vm.gridProperty().get().argb());
        Screenshots.save(window.clustersView().getScene(), "clusters-two-selected-temperature");
    }

    @Test
    void theFixWGridHasAHeaderOverEachColumnNamingItsCluster(FxRobot robot) throws Exception {
        waitFor(() -> window.session().workspace() != null);
        robot.clickOn("Clusters");
        ClustersViewModel vm = window.clustersViewModel();
        waitFor(() -> vm.stateProperty().get() == ClustersViewModel.State.READY);
        robot.clickOn("#cluster-card-2");
        robot.clickOn("#cluster-name").eraseText(20).write("loops").clickOn("#cluster-rename");
        robot.clickOn("#cluster-mode").clickOn(ClustersViewModel.Mode.FIX_W_VARY_Y.toString());
        waitFor(() -> window.clustersView().headerRow().isVisible() && vm.gridProperty().get().cols() == 10);
        var headers = window.clustersView().headerRow().getChildren().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList();
        assertThat(headers).containsExactly("0", "1", "loops", "3", "4", "5", "6", "7", "8", "9");
        Screenshots.save(window.clustersView().getScene(), "clusters-fix-w-headers");
        // Each header over its column: as wide as a tenth of the image as shown, starting where the image starts.
        var image = window.clustersView().gridView();
        var first = window.clustersView().headerRow().getChildren().get(0);
        double imageLeft = image.localToScene(image.getLayoutBounds()).getMinX();
        double shownWidth = image.getLayoutBounds().getWidth();
        assertThat(first.localToScene(first.getLayoutBounds()).getMinX()).isCloseTo(imageLeft, org.assertj.core.data.Offset.offset(1.0));
        assertThat(first.getLayoutBounds().getWidth()).isCloseTo(shownWidth / 10, org.assertj.core.data.Offset.offset(1.0));
        robot.clickOn("#cluster-mode").clickOn(ClustersViewModel.Mode.SAMPLES.toString());
        waitFor(() -> !window.clustersView().headerRow().isVisible());
    }

    private int[] screenPixels() throws Exception {
        var image = window.clustersView().gridView().getImage();
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        int[] argb = new int[w * h];
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> image.getPixelReader()
                .getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w)).get();
        return argb;
    }
}
