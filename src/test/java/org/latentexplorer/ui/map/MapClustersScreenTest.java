package org.latentexplorer.ui.map;

import org.latentexplorer.ui.fakes.TestWindows;
import static org.latentexplorer.ui.fakes.TestWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.ui.clusters.ClustersViewModel;
import org.latentexplorer.ui.common.Palette;
import org.latentexplorer.ui.fakes.ClusterServices;
import org.latentexplorer.ui.fakes.FakeClusterModel;
import org.latentexplorer.ui.fakes.FakeFileDialogs;
import org.latentexplorer.ui.fakes.FakeServices;
import org.latentexplorer.ui.services.Projection;
import org.latentexplorer.ui.shell.MainWindow;
import org.latentexplorer.ui.shell.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The map coloured by a "GMVAE"'s clusters, driven with the mouse: the legend hides a cluster, a click
 * on the map picks a cluster in the sampler, and a cluster picked in the sampler lights up on the map.
 */
@ExtendWith(ApplicationExtension.class)
class MapClustersScreenTest {
    @TempDir
    static Path dir;

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        ClusterServices services = new ClusterServices();
        services.ownClusters = new FakeClusterModel(10, "gmvae");
        services.base.defaultModel = FakeServices.writeBundle(dir.resolve("gmvae.lexb"), 2);
        window = TestWindows.open(stage, services, Files.createTempDirectory(dir, "config"), new FakeFileDialogs());
    }

    /** How many pixels of the drawn map have exactly this colour. */
    private int pixelsOf(FxRobot robot, int argb) {
        Pane plot = robot.lookup("#map-plot").queryAs(Pane.class);
        Image img = ((ImageView) plot.getChildren().get(0)).getImage();
        int n = 0;
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                n += img.getPixelReader().getArgb(x, y) == argb ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void legendHidesAClusterAndTheMapAndTheSamplerShareOneClusterSelection(FxRobot robot) throws Exception {
        MapViewModel map = window.mapViewModel();
        ClustersViewModel sampler = window.clustersViewModel();
        waitFor(() -> window.session().workspace() != null && window.mapView().frameTimes().count() > 0);
        robot.clickOn("#map-colouring").clickOn(MapViewModel.Colouring.CLUSTER.toString());
        waitFor(() -> map.legend().size() == 10 && robot.lookup("#legend-name-2").tryQuery().isPresent());
        assertThat(robot.lookup("#map-cluster-note").queryAs(Label.class).getText()).contains("10 clusters");

        // The legend's box hides the cluster's points from the drawing.
        int red = Palette.clusterArgb(2); // the cluster palette, not the labels'
        waitFor(() -> pixelsOf(robot, red) > 0);
        robot.clickOn("#legend-2");
        waitFor(() -> pixelsOf(robot, red) == 0);
        assertThat(map.legend().get(2).shown()).isFalse();
        robot.clickOn("#legend-2");
        waitFor(() -> pixelsOf(robot, red) > 0);

        // Map → sampler: a click on a point picks its cluster; the Clusters screen shows it and samples from it.
        Projection p = map.projectionProperty().get();
        var v = window.mapView().viewport();
        Node plot = robot.lookup("#map-plot").query();
        int target = IntStream.range(0, p.size()).filter(i -> map.clusterOf(i) == 7).findFirst().orElseThrow();
        robot.clickOn(plot.localToScreen(v.toScreenX(p.x()[target]), v.toScreenY(p.y()[target])));
        waitFor(() -> window.session().selection().length == 1);
        int picked = map.clusterOf(window.session().selection()[0]);
        assertThat(sampler.selection()).containsExactly(picked);
        assertThat(map.legend().get(picked).highlighted()).isTrue();
        robot.clickOn("Clusters");
        waitFor(() -> sampler.gridProperty().get() != null
                && sampler.gridProperty().get().caption().contains("cluster " + picked));
        assertThat(robot.lookup("#cluster-card-" + picked).queryAs(Node.class).getStyle()).contains("#4e79a7");

        // Sampler → map: a card clicked on the Clusters screen is the cluster the map lights up.
        robot.clickOn("#cluster-card-4");
        waitFor(() -> sampler.selection().equals(List.of(4)));
        robot.clickOn("Latent map");
        waitFor(() -> map.legend().get(4).highlighted() && !map.legend().get(picked).highlighted());
        assertThat(robot.lookup("#legend-name-4").queryAs(Label.class).getStyle()).contains("bold");
        int[] four = IntStream.range(0, p.size()).filter(i -> map.clusterOf(i) == 4).toArray();
        assertThat(map.front()).containsExactly(four);
        waitFor(() -> pixelsOf(robot, MapViewModel.FADED) > 0);

        // And the legend's name picks a cluster for the sampler too.
        robot.clickOn("#legend-name-6");
        waitFor(() -> sampler.selection().equals(List.of(6)));
        Screenshots.save(stage.getScene(), "map-clusters-fake");
    }
}
