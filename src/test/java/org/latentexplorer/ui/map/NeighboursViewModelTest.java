package org.latentexplorer.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.embed.Neighbours;
import org.latentexplorer.ui.fakes.Harness;
import org.latentexplorer.ui.services.Projection;

/** The clicked point's neighbours, without a screen. */
class NeighboursViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aClickedPointShowsItsTenNearestCodesMarkedOnTheMap() {
        Harness h = new Harness(dir).withModel(2);
        MapViewModel map = new MapViewModel(h.services, h.executor, h.session, h.errors);
        NeighboursViewModel vm = new NeighboursViewModel(map, h.executor, h.session, h.errors);
        map.click(13, false);
        assertThat(vm.pointProperty().get()).isEqualTo(13);
        assertThat(vm.neighbours()).hasSize(10);
        float[][] codes = h.session.workspace().codes();
        double last = 0;
        for (NeighboursViewModel.Neighbour n : vm.neighbours()) {
            assertThat(n.index()).isNotEqualTo(13);
            assertThat(n.distance()).isEqualTo(Neighbours.distance(codes[13], codes[n.index()],
                    Neighbours.Metric.EUCLIDEAN)).isGreaterThanOrEqualTo(last);
            last = n.distance();
            // With d = 2 the map is the codes: every neighbour is one on the map too.
            assertThat(n.onMap()).isTrue();
        }
        assertThat(map.marked()).containsExactly(vm.neighbours().stream().mapToInt(NeighboursViewModel.Neighbour::index)
                .toArray());
        assertThat(vm.faithfulnessProperty().get()).startsWith("10 of its 10 nearest in latent space (Euclidean)")
                .contains("the codes themselves");

        vm.kProperty().set(4);
        assertThat(vm.neighbours()).hasSize(4);
        vm.metricProperty().set(Neighbours.Metric.COSINE);
        assertThat(vm.faithfulnessProperty().get()).contains("(cosine)");
        assertThat(vm.neighbours().getFirst().distance()).isLessThan(0.01);
    }

    @Test
    void aLayoutThatTearsNeighboursApartSaysSo() {
        Harness h = new Harness(dir).withModel(5);
        MapViewModel map = new MapViewModel(h.services, h.executor, h.session, h.errors);
        NeighboursViewModel vm = new NeighboursViewModel(map, h.executor, h.session, h.errors);
        h.session.select(42);
        Projection p = map.projectionProperty().get();
        int[] latent = Neighbours.nearest(h.session.workspace().codes(), 42, 10, Neighbours.Metric.EUCLIDEAN, null).index();
        int[] onMap = Neighbours.nearestOnMap(p.x(), p.y(), 42, 10, null).index();
        int shared = Neighbours.overlap(latent, onMap);
        assertThat(vm.faithfulnessProperty().get()).startsWith(shared + " of its 10").contains("(PCA)");
        assertThat(vm.neighbours().stream().filter(NeighboursViewModel.Neighbour::onMap).count()).isEqualTo(shared);
    }

    @Test
    void moreThanOnePointOrNoneSelectedShowsNoNeighboursAndClearsTheMarks() {
        Harness h = new Harness(dir).withModel(2);
        MapViewModel map = new MapViewModel(h.services, h.executor, h.session, h.errors);
        NeighboursViewModel vm = new NeighboursViewModel(map, h.executor, h.session, h.errors);
        h.session.select(7);
        assertThat(map.marked()).hasSize(10);
        h.session.select(7, 8);
        assertThat(vm.neighbours()).isEmpty();
        assertThat(vm.pointProperty().get()).isEqualTo(-1);
        assertThat(map.marked()).isEmpty();
        h.session.select(7);
        map.clearSelection();
        assertThat(map.marked()).isEmpty();
        assertThat(vm.faithfulnessProperty().get()).isEmpty();
    }

    @Test
    void inALayoutOfASelectionAloneNeighboursComeFromThatSelection() {
        Harness h = new Harness(dir).withModel(5);
        MapViewModel map = new MapViewModel(h.services, h.executor, h.session, h.errors);
        NeighboursViewModel vm = new NeighboursViewModel(map, h.executor, h.session, h.errors);
        map.find("three");
        map.reprojectAlone(h.session.selection());
        h.session.select(13);
        assertThat(vm.neighbours()).hasSize(10);
        assertThat(vm.neighbours()).allSatisfy(n -> assertThat(h.session.workspace().dataset().labels()[n.index()])
                .isEqualTo(3));
    }
}
