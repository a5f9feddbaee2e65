package org.latentexplorer.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.InputException;
import org.latentexplorer.sample.AttributeDirection;
import org.latentexplorer.ui.fakes.FakeModel;
import org.latentexplorer.ui.fakes.Harness;
import org.latentexplorer.ui.services.Projection;

/** Attribute directions between two groups, without a screen. */
class AttributeViewModelTest {
    @TempDir
    Path dir;

    @Test
    void twoLabelsGiveADirectionAndTheClickedPointIsWalkedAlongIt() {
        Harness h = new Harness(dir).withModel(2);
        MapViewModel map = new MapViewModel(h.services, h.executor, h.session, h.errors);
        AttributeViewModel vm = new AttributeViewModel(map, h.executor, h.session, h.errors);
        assertThat(vm.captionProperty().get()).startsWith("Pick two groups");
        vm.setFromLabel(true, 0);
        assertThat(vm.captionProperty().get()).isEqualTo("Now pick group B");
        vm.setFromLabel(false, 5);
        assertThat(vm.groupBProperty().get().name()).isEqualTo("five");
        assertThat(vm.groupBProperty().get().indices()).hasSize(50);
        assertThat(vm.captionProperty().get()).contains("zero → five").contains("click a point");
        assertThat(vm.walkProperty().get()).isNull();

        h.session.select(13);
        AttributeViewModel.Walk walk = vm.walkProperty().get();
        assertThat(walk.point()).isEqualTo(13);
        assertThat(walk.multiples()).hasSize(9).startsWith(-2).endsWith(2);
        assertThat(walk.images()).hasNumberOfRows(9);
        // The middle of the walk is the point's own code, decoded.
        float[] z = h.session.workspace().codes()[13];
        assertThat(walk.images()[4]).containsExactly(new FakeModel(2).decode(new float[][] {z})[0]);
        AttributeDirection dir = vm.direction();
        float[] end = dir.walk(z, new double[] {2})[0];
        assertThat(walk.images()[8]).containsExactly(new FakeModel(2).decode(new float[][] {end})[0]);
        assertThat(vm.captionProperty().get()).startsWith("#13 walked along zero → five");
    }

    @Test
    void selectionsMakeGroupsAndTheDirectionBecomesTheMapsAxis() {
        Harness h = new Harness(dir).withModel(5);
        MapViewModel map = new MapViewModel(h.services, h.executor, h.session, h.errors);
        AttributeViewModel vm = new AttributeViewModel(map, h.executor, h.session, h.errors);
        assertThatThrownBy(() -> vm.setFromSelection(true)).isInstanceOf(InputException.class);
        map.find("two");
        vm.setFromSelection(true);
        map.find("eight");
        vm.setFromSelection(false);
        assertThat(vm.groupAProperty().get().name()).isEqualTo("mostly two");
        long layouts = map.layoutRunProperty().get();

        vm.useAsAxis();

        Projection p = map.projectionProperty().get();
        assertThat(p.method()).isEqualTo(AttributeViewModel.METHOD);
        assertThat(map.layoutRunProperty().get()).isEqualTo(layouts + 1);
        assertThat(MapAxes.names(p)[0]).isEqualTo("mostly two → mostly eight");
        // x is the coordinate along the direction: group A's mean at 0, group B's at the vector's length.
        double meanA = java.util.Arrays.stream(vm.groupAProperty().get().indices()).mapToDouble(i -> p.x()[i]).average()
                .orElseThrow();
        double meanB = java.util.Arrays.stream(vm.groupBProperty().get().indices()).mapToDouble(i -> p.x()[i]).average()
                .orElseThrow();
        assertThat(meanA).isCloseTo(0, within(1e-4));
        assertThat(meanB).isCloseTo(vm.direction().length(), within(1e-4));
        // The probe decodes along it.
        map.probeAt(meanB, 0);
        assertThat(map.probeImageProperty().get()).hasSize(784);

        vm.restoreLayout();
        assertThat(map.projectionProperty().get().method()).isEqualTo("PCA");
    }

    @Test
    void anotherModelForgetsTheGroups() {
        Harness h = new Harness(dir).withModel(2);
        MapViewModel map = new MapViewModel(h.services, h.executor, h.session, h.errors);
        AttributeViewModel vm = new AttributeViewModel(map, h.executor, h.session, h.errors);
        vm.setFromLabel(true, 1);
        vm.setFromLabel(false, 2);
        h.withModel(3);
        assertThat(vm.groupAProperty().get()).isNull();
        assertThat(vm.walkProperty().get()).isNull();
    }
}
