package org.latentexplorer.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.ui.clusters.ClustersViewModel;
import org.latentexplorer.ui.fakes.ClusterServices;
import org.latentexplorer.ui.fakes.FakeClusterModel;
import org.latentexplorer.ui.fakes.FakeServices;
import org.latentexplorer.ui.fakes.RecordingErrors;
import org.latentexplorer.ui.library.LibraryViewModel;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.shell.SettingsStore;
import org.latentexplorer.ui.tasks.DirectTaskExecutor;

/** The map coloured by cluster, and its selection kept in step with the Clusters screen's (no screen). */
class MapClustersTest {
    @TempDir
    Path dir;

    private final ClusterServices services = new ClusterServices();
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final Session session = new Session();
    private final RecordingErrors errors = new RecordingErrors();
    private MapViewModel map;
    private ClustersViewModel clusters;

    /** The window's two ViewModels over one session; the Clusters tab has not been opened. */
    private void open(boolean gmvae) {
        if (gmvae) {
            services.ownClusters = new FakeClusterModel(10, "gmvae");
        }
        map = new MapViewModel(services, executor, session, errors);
        clusters = new ClustersViewModel(services, executor, session, errors);
        new LibraryViewModel(services, executor, session, errors, new SettingsStore(dir.resolve("config")))
                .openModel(FakeServices.writeBundle(dir.resolve("model.lexb"), 2));
    }

    private int[] pointsOf(int cluster) {
        return IntStream.range(0, map.colours().length).filter(i -> map.clusterOf(i) == cluster).toArray();
    }

    @Test
    void colouringByClusterReadsTheClustersAndColoursEachPointByItsCluster() {
        open(true);
        assertThat(map.legend().get(0).name()).isEqualTo("zero");
        map.colouringProperty().set(MapViewModel.Colouring.CLUSTER);
        // Read although the Clusters tab was never shown: the map asked for them.
        assertThat(clusters.stateProperty().get()).isEqualTo(ClustersViewModel.State.READY);
        assertThat(map.legend()).hasSize(10);
        assertThat(map.legend().get(4).name()).isEqualTo("cluster 4");
        int[] four = pointsOf(4);
        assertThat(four).isNotEmpty();
        // Hard responsibilities (1 of 10): the cluster's own colour, unfaded.
        assertThat(map.colours()[four[0]]).isEqualTo(org.latentexplorer.ui.common.Palette.clusterArgb(4));
        assertThat(map.clusterNoteProperty().get()).contains("10 clusters");
        assertThat(errors.messages).isEmpty();
        map.colouringProperty().set(MapViewModel.Colouring.LABEL);
        assertThat(map.legend().get(0).name()).isEqualTo("zero");
        assertThat(map.clusterNoteProperty().get()).isEmpty();
    }

    @Test
    void hidingAClusterInTheLegendHidesOnlyItsPoints() {
        open(true);
        map.colouringProperty().set(MapViewModel.Colouring.CLUSTER);
        map.setShown(6, false);
        assertThat(map.legend().get(6).shown()).isFalse();
        int[] six = pointsOf(6);
        for (int i = 0; i < map.colours().length; i++) {
            assertThat(map.visibility()[i]).as("point %d", i).isEqualTo(map.clusterOf(i) != 6);
        }
        // Hidden points are not picked by a box either.
        map.selectInside(new double[] {-100, 100, 100, -100}, new double[] {-100, -100, 100, 100});
        assertThat(session.selection()).hasSize(500 - six.length).doesNotContain(six[0]);
        // The label legend keeps its own choices.
        map.colouringProperty().set(MapViewModel.Colouring.LABEL);
        assertThat(map.visibility()).isNull();
        map.colouringProperty().set(MapViewModel.Colouring.CLUSTER);
        assertThat(map.visibility()[six[0]]).isFalse();
        map.setShown(6, true);
        assertThat(map.visibility()).isNull();
    }

    @Test
    void clickingAPointSelectsItsClusterInTheSamplerAndTheSamplerHighlightsItsClusterOnTheMap() {
        open(true);
        clusters.setActive(true);
        map.colouringProperty().set(MapViewModel.Colouring.CLUSTER);
        int p = pointsOf(7)[0];
        map.click(p, false);
        assertThat(clusters.selection()).containsExactly(7);
        assertThat(clusters.gridProperty().get().caption()).contains("cluster 7");
        assertThat(session.selection()).containsExactly(p);
        assertThat(map.legend().get(7).highlighted()).isTrue();

        clusters.select(List.of(2));
        assertThat(map.legend().get(2).highlighted()).isTrue();
        assertThat(map.legend().get(7).highlighted()).isFalse();
        int[] two = pointsOf(2);
        assertThat(map.front()).containsExactly(two);
        assertThat(map.colours()[p]).isEqualTo(MapViewModel.FADED);
        assertThat(map.colours()[two[0]]).isNotEqualTo(MapViewModel.FADED);

        // Shift-click on the map adds a cluster; the sampler draws from both.
        map.click(p, true);
        assertThat(clusters.selection()).containsExactly(2, 7);
        assertThat(clusters.gridProperty().get().caption()).contains("2 clusters");
        map.pickCluster(2, true);
        assertThat(clusters.selection()).containsExactly(7);
        // A click on empty space clears both selections.
        map.click(-1, false);
        assertThat(clusters.selection()).isEmpty();
        assertThat(clusters.gridProperty().get()).isNull();
        assertThat(map.front()).isNull();
    }

    @Test
    void renamingAClusterRenamesItInTheMapLegend() {
        open(true);
        clusters.setActive(true);
        map.colouringProperty().set(MapViewModel.Colouring.CLUSTER);
        assertThat(clusters.rename(3, "threes")).isTrue();
        assertThat(map.legend().get(3).name()).isEqualTo("threes");
    }

    @Test
    void plainVaeIsFittedOnceFromTheMapAndBothScreensShareTheMixture() {
        open(false);
        map.colouringProperty().set(MapViewModel.Colouring.CLUSTER);
        assertThat(map.clusterNoteProperty().get()).contains("no discrete latent");
        assertThat(map.clusters().fittableProperty().get()).isTrue();
        assertThat(map.colours()[0]).isEqualTo(MapViewModel.PENDING);
        map.clusters().requestFit();
        assertThat(services.fits).isEqualTo(1);
        assertThat(map.legend()).hasSize(10);
        clusters.setActive(true);
        assertThat(clusters.stateProperty().get()).isEqualTo(ClustersViewModel.State.READY);
        assertThat(services.fits).isEqualTo(1);
        assertThat(session.clusters().loaded().clusters()).isSameAs(map.clusters().loaded().clusters());
        map.click(pointsOf(1)[0], false);
        assertThat(clusters.selection()).containsExactly(1);
    }

    @Test
    void openingAnotherModelWithdrawsTheOldClustersAndColoursByTheNewOnes() {
        open(true);
        map.colouringProperty().set(MapViewModel.Colouring.CLUSTER);
        var first = session.clusters().loaded();
        clusters.select(List.of(1));
        services.ownClusters = new FakeClusterModel(5, "gmvae");
        new LibraryViewModel(services, executor, session, errors, new SettingsStore(dir.resolve("config")))
                .openModel(FakeServices.writeBundle(dir.resolve("other.lexb"), 2));
        assertThat(session.clusters().loaded()).isNotSameAs(first);
        assertThat(session.clusters().loaded().model()).isSameAs(session.workspace().model());
        assertThat(map.legend()).hasSize(5);
        assertThat(clusters.selection()).isEmpty();
        assertThat(errors.messages).isEmpty();
    }
}
