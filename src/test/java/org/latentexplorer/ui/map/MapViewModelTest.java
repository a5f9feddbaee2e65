package org.latentexplorer.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.InputException;
import org.latentexplorer.ui.fakes.Harness;
import org.latentexplorer.ui.services.Projection;
import org.latentexplorer.ui.services.ProjectionSpec;

class MapViewModelTest {
    @TempDir
    Path dir;

    private MapViewModel map(Harness h) {
        return new MapViewModel(h.services, h.executor, h.session, h.errors);
    }

    @Test
    void twoDimensionalCodesAreDrawnDirectly() {
        Harness h = new Harness(dir).withModel(2);
        MapViewModel vm = map(h);
        Projection p = vm.projectionProperty().get();
        assertThat(p.method()).isEqualTo("identity");
        assertThat(p.x()[5]).isEqualTo(h.session.workspace().codes()[5][0]);
        assertThat(p.y()[5]).isEqualTo(h.session.workspace().codes()[5][1]);
        assertThat(vm.legend()).hasSize(10);
    }

    @Test
    void higherDimensionalCodesGoThroughPcaWithItsNameShownAndAnInverseForTheProbe() {
        Harness h = new Harness(dir).withModel(5);
        MapViewModel vm = map(h);
        assertThat(vm.projectionProperty().get().method()).isEqualTo(ProjectionSpec.PCA);
        assertThat(vm.projectionInfoProperty().get()).startsWith("PCA").contains("5-d");
        vm.probeAt(1, -1);
        assertThat(vm.probeImageProperty().get()).hasSize(784);
    }

    @Test
    void tsneShowsIntermediateLayoutsAndHasNoProbe() {
        Harness h = new Harness(dir).withModel(5);
        MapViewModel vm = map(h);
        vm.methodProperty().set(ProjectionSpec.TSNE);
        vm.reproject();
        assertThat(vm.projectionProperty().get().method()).isEqualTo(ProjectionSpec.TSNE);
        vm.probeAt(0, 0);
        assertThat(vm.probeTextProperty().get()).contains("no inverse");
    }

    @Test
    void openingAnotherModelClearsHoverProbeSearchSelectionAndCaptions() {
        Harness h = new Harness(dir).withModel(2);
        MapViewModel vm = map(h);
        vm.hover(13);
        vm.probeAt(-2.88, 2.21);
        assertThat(vm.probeTextProperty().get()).isEqualTo("z = (-2.88, 2.21)");
        vm.searchTextProperty().set("three");
        vm.find(vm.searchTextProperty().get());
        assertThat(h.session.selection()).isNotEmpty();

        h.withModel(5);

        assertThat(vm.hoveredProperty().get()).isEqualTo(-1);
        assertThat(vm.hoverTextProperty().get()).isEmpty();
        assertThat(vm.hoverImageProperty().get()).isNull();
        assertThat(vm.hoverReconstructionProperty().get()).isNull();
        assertThat(vm.probeTextProperty().get()).isEmpty();
        assertThat(vm.probeImageProperty().get()).isNull();
        assertThat(vm.searchTextProperty().get()).isEmpty();
        assertThat(h.session.selection()).isEmpty();
        assertThat(vm.projectionInfoProperty().get()).startsWith("PCA").doesNotContain("identity");
    }

    @Test
    void switchingProjectionClearsThePreviousProjectionsProbeCaption() {
        Harness h = new Harness(dir).withModel(5);
        MapViewModel vm = map(h);
        vm.methodProperty().set(ProjectionSpec.TSNE);
        vm.reproject();
        vm.probeAt(0, 0);
        assertThat(vm.probeTextProperty().get()).contains("t-SNE has no inverse");

        vm.methodProperty().set(ProjectionSpec.PCA);

        assertThat(vm.probeTextProperty().get()).isEmpty();
        vm.reproject();
        vm.probeAt(1, -1);
        assertThat(vm.probeTextProperty().get()).startsWith("z = (");
        vm.methodProperty().set(ProjectionSpec.TSNE);
        vm.reproject();
        assertThat(vm.probeTextProperty().get()).isEmpty();
        assertThat(vm.probeImageProperty().get()).isNull();
        assertThat(vm.projectionInfoProperty().get()).startsWith("t-SNE");
    }

    @Test
    void hoverShowsTheImageItsLabelAndItsReconstruction() {
        Harness h = new Harness(dir).withModel(2);
        MapViewModel vm = map(h);
        vm.hover(13);
        assertThat(vm.hoverTextProperty().get()).contains("#13").contains("three");
        assertThat(vm.hoverImageProperty().get()).isEqualTo(h.session.workspace().dataset().row(13));
        assertThat(vm.hoverReconstructionProperty().get()).hasSize(784);
    }

    @Test
    void hidingAClassHidesItsPointsFromDrawingHoverAndSelection() {
        Harness h = new Harness(dir).withModel(2);
        MapViewModel vm = map(h);
        vm.setShown(3, false);
        assertThat(vm.visibility()[13]).isFalse();
        assertThat(vm.visibility()[14]).isTrue();
        assertThat(vm.legend().get(3).shown()).isFalse();
        vm.selectInside(new double[] {-100, 100, 100, -100}, new double[] {-100, -100, 100, 100});
        assertThat(h.session.selection()).hasSize(450).doesNotContain(13);
        vm.setShown(3, true);
        assertThat(vm.visibility()).isNull();
    }

    @Test
    void boxAndLassoSelectThePointsInside() {
        Harness h = new Harness(dir).withModel(2);
        MapViewModel vm = map(h);
        Projection p = vm.projectionProperty().get();
        // A triangle around point 0 only.
        double x = p.x()[0];
        double y = p.y()[0];
        vm.selectInside(new double[] {x - 0.01, x + 0.01, x}, new double[] {y - 0.01, y - 0.01, y + 0.01});
        assertThat(h.session.selection()).contains(0);
        assertThat(MapViewModel.inside(new double[] {0, 1, 1, 0}, new double[] {0, 0, 1, 1}, 0.5, 0.5)).isTrue();
        assertThat(MapViewModel.inside(new double[] {0, 1, 1, 0}, new double[] {0, 0, 1, 1}, 1.5, 0.5)).isFalse();
    }

    @Test
    void clickSelectsAndShiftClickAddsOrRemoves() {
        Harness h = new Harness(dir).withModel(2);
        MapViewModel vm = map(h);
        vm.click(4, false);
        vm.click(9, true);
        assertThat(h.session.selection()).containsExactly(4, 9);
        vm.click(4, true);
        assertThat(h.session.selection()).containsExactly(9);
        vm.click(-1, false);
        assertThat(h.session.selection()).isEmpty();
    }

    @Test
    void findsByIndexAndByLabel() {
        Harness h = new Harness(dir).withModel(2);
        MapViewModel vm = map(h);
        assertThat(vm.find("#42")).isEqualTo(1);
        assertThat(h.session.selection()).containsExactly(42);
        assertThat(vm.find("Seven")).isEqualTo(50);
        assertThatThrownBy(() -> vm.find("eleven")).isInstanceOf(InputException.class).hasMessageContaining("no label");
        assertThatThrownBy(() -> vm.find("#9999")).isInstanceOf(InputException.class).hasMessageContaining("outside");
    }

    @Test
    void exportsCodesProjectionAndLabelsAsCsv() throws Exception {
        Harness h = new Harness(dir).withModel(3);
        MapViewModel vm = map(h);
        Path csv = dir.resolve("codes.csv");
        vm.exportCsv(csv);
        var lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(501);
        assertThat(lines.getFirst()).isEqualTo("index,label,x,y,z1,z2,z3");
        assertThat(lines.get(1)).startsWith("0,zero,");
    }
}
