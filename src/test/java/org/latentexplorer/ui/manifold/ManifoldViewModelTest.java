package org.latentexplorer.ui.manifold;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.ui.fakes.Harness;
import org.latentexplorer.sample.Plane;

class ManifoldViewModelTest {
    @TempDir
    Path dir;

    @Test
    void defaultGridIsTwentyByTwentyOverMinusFourToFourDecodedInOneBatch() {
        Harness h = new Harness(dir).withModel(2);
        ManifoldViewModel vm = new ManifoldViewModel(h.executor, h.session, h.errors);
        GridImage g = vm.snapshot();
        assertThat(g.width()).isEqualTo(20 * 28);
        assertThat(g.height()).isEqualTo(20 * 28);
        assertThat(vm.complete()).isTrue();
        // The 400 cells in view in one batch, then the ring of cells around them in a second.
        assertThat(vm.decodeTimes().count()).isEqualTo(2);
        assertThat(vm.decodedCells()).isEqualTo(22 * 22);
        assertThat(vm.rangeTextProperty().get()).contains("u -4.00..4.00").contains("v -4.00..4.00");
        assertSameImages(g, exactGrid(h, vm));
    }

    /** The grid decoded from scratch at the view model's position, as it was drawn before the lattice. */
    private static GridImage exactGrid(Harness h, ManifoldViewModel vm) {
        var model = h.session.workspace().model();
        int n = vm.gridSizeProperty().get();
        float[][] images = model.decode(vm.planeProperty().get().grid(vm.centreU(), vm.centreV(),
                vm.halfSpan(), n));
        return new GridImage(GridMath.tile(images, model.config().inputShape(), n), n * 28, n * 28);
    }

    /** Same size, and every pixel within one grey level (the codes are the same up to rounding). */
    private static void assertSameImages(GridImage actual, GridImage expected) {
        assertThat(actual.width()).isEqualTo(expected.width());
        assertThat(actual.height()).isEqualTo(expected.height());
        for (int i = 0; i < expected.argb().length; i++) {
            int a = actual.argb()[i] & 0xFF;
            int e = expected.argb()[i] & 0xFF;
            if (Math.abs(a - e) > 1) {
                throw new AssertionError("pixel (" + i % actual.width() + ", " + i / actual.width() + "): " + a + " vs " + e);
            }
        }
    }

    @Test
    void panningChangesTheGridAndZoomChangesItsRange() {
        Harness h = new Harness(dir).withModel(2);
        ManifoldViewModel vm = new ManifoldViewModel(h.executor, h.session, h.errors);
        int[] before = vm.snapshot().argb();
        vm.pan(1.5, 0);
        assertThat(vm.snapshot().argb()).isNotEqualTo(before);
        vm.zoom(0.5);
        assertThat(vm.halfSpan()).isEqualTo(2.0);
        vm.step(1, 0);
        assertThat(vm.centreU()).isEqualTo(1.5 + 4.0 / 19);
        assertSameImages(vm.snapshot(), exactGrid(h, vm));
    }

    @Test
    void steppingByWholeCellsDecodesOnlyTheColumnOrRowThatComesIntoView() {
        Harness h = new Harness(dir).withModel(2);
        ManifoldViewModel vm = new ManifoldViewModel(h.executor, h.session, h.errors);
        long before = vm.decodedCells();
        vm.step(1, 0);
        // The new column was decoded ahead (the ring); the next one, 22 cells tall with the ring, is decoded now.
        assertThat(vm.decodedCells() - before).isEqualTo(22);
        assertSameImages(vm.snapshot(), exactGrid(h, vm));
        vm.step(0, -3);
        assertThat(vm.decodedCells() - before).isEqualTo(22 + 3 * 22);
        assertSameImages(vm.snapshot(), exactGrid(h, vm));
        vm.step(-1, 3);
        assertThat(vm.decodedCells() - before).isEqualTo(22 + 3 * 22);
    }

    @Test
    void aDragBetweenCellsShiftsThePictureByTheFractionAndSettlesOnWholeCells() {
        Harness h = new Harness(dir).withModel(2);
        ManifoldViewModel vm = new ManifoldViewModel(h.executor, h.session, h.errors);
        GridImage atRest = vm.snapshot();
        double cell = 8.0 / 19;
        vm.pan(0.25 * cell, 0);
        vm.step(1, 0);
        GridImage next = vm.snapshot();
        vm.step(-1, 0);
        // A quarter of a cell (7 of 28 pixels) to the right: the picture moves 7 pixels left, and the
        // column coming in on the right is the first one of the grid one cell further.
        GridImage dragged = vm.snapshot();
        int w = atRest.width();
        for (int y = 0; y < atRest.height(); y++) {
            for (int x = 0; x < w; x++) {
                int expected = x + 7 < w ? atRest.argb()[y * w + x + 7] : next.argb()[y * w + x + 7 - 28];
                assertThat(dragged.argb()[y * w + x]).as("pixel (%d, %d)", x, y).isEqualTo(expected);
            }
        }
        // 0.55 of a cell: the drag ends on the next cell.
        vm.pan(0.3 * cell, 0);
        vm.settle();
        assertThat(vm.centreU()).isCloseTo(cell, org.assertj.core.data.Offset.offset(1e-12));
        assertSameImages(vm.snapshot(), exactGrid(h, vm));
    }

    @Test
    void gridSizeChangesTheNumberOfImages() {
        Harness h = new Harness(dir).withModel(2);
        ManifoldViewModel vm = new ManifoldViewModel(h.executor, h.session, h.errors);
        vm.gridSizeProperty().set(5);
        assertThat(vm.snapshot().width()).isEqualTo(5 * 28);
        vm.gridSizeProperty().set(40);
        assertThat(vm.snapshot().width()).isEqualTo(40 * 28);
        assertThat(vm.complete()).isTrue();
    }

    @Test
    void higherDimensionsUsePrincipalAxesAndCanCentreOnTheSelection() {
        Harness h = new Harness(dir).withModel(6);
        ManifoldViewModel vm = new ManifoldViewModel(h.executor, h.session, h.errors);
        assertThat(vm.modeProperty().get()).isEqualTo(ManifoldViewModel.PlaneMode.PRINCIPAL);
        h.session.select(17);
        vm.centreOnSelection();
        assertThat(vm.planeProperty().get().origin()).isEqualTo(h.session.workspace().codes()[17]);
        vm.modeProperty().set(ManifoldViewModel.PlaneMode.DIMS);
        vm.dimAProperty().set(2);
        vm.dimBProperty().set(4);
        Plane p = vm.planeProperty().get();
        assertThat(p.a()[2]).isEqualTo(1f);
        assertThat(p.b()[4]).isEqualTo(1f);
        vm.setOriginCoordinate(0, 1.25);
        assertThat(vm.planeProperty().get().origin()[0]).isEqualTo(1.25f);
    }

    @Test
    void lineThroughTwoSelectedPointsNeedsTwoPoints() {
        Harness h = new Harness(dir).withModel(4);
        ManifoldViewModel vm = new ManifoldViewModel(h.executor, h.session, h.errors);
        vm.modeProperty().set(ManifoldViewModel.PlaneMode.PAIR);
        assertThat(h.errors.titles).containsExactly("Cannot use that plane");
        assertThat(vm.modeProperty().get()).isEqualTo(ManifoldViewModel.PlaneMode.PRINCIPAL);
        h.session.select(1, 2);
        vm.modeProperty().set(ManifoldViewModel.PlaneMode.PAIR);
        Plane p = vm.planeProperty().get();
        float[] z1 = h.session.workspace().codes()[1];
        float[] z2 = h.session.workspace().codes()[2];
        double[] uv1 = p.coordinates(z1);
        double[] uv2 = p.coordinates(z2);
        // Both points lie on the plane's u axis, symmetric about its origin.
        assertThat(uv1[0]).isCloseTo(-uv2[0], org.assertj.core.data.Offset.offset(1e-4));
        assertThat(uv1[1]).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void twoSelectedPointsGiveLinearAndSphericalStripsThatExport() throws Exception {
        Harness h = new Harness(dir).withModel(2);
        ManifoldViewModel vm = new ManifoldViewModel(h.executor, h.session, h.errors);
        assertThat(vm.stripProperty().get()).isNull();
        h.session.select(0, 5);
        GridImage strip = vm.stripProperty().get();
        assertThat(strip.width()).isEqualTo(ManifoldViewModel.STRIP_STEPS * 28);
        assertThat(strip.height()).isEqualTo(2 * 28);
        Path png = dir.resolve("strip.png");
        vm.exportPng(png, true);
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo(280);
        vm.exportPng(dir.resolve("grid.png"), false);
        assertThat(Files.size(dir.resolve("grid.png"))).isPositive();
    }

    @Test
    void sphericalInterpolationKeepsTheNormBetweenEndPoints() {
        float[] a = {3, 0};
        float[] b = {0, 3};
        float[][] s = org.latentexplorer.sample.LatentPaths.spherical(a, b, 5);
        float[][] l = org.latentexplorer.sample.LatentPaths.linear(a, b, 5);
        assertThat(Math.hypot(s[2][0], s[2][1])).isCloseTo(3, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(Math.hypot(l[2][0], l[2][1])).isLessThan(2.2);
        assertThat(s[0]).containsExactly(3f, 0f);
        assertThat(s[4][1]).isCloseTo(3f, org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void gridCodesRunFromTopLeftToBottomRightIncludingTheEnds() {
        float[][] z = Plane.ofDims(new float[2], 0, 1).grid(0, 0, 4, 5);
        assertThat(z[0]).containsExactly(-4f, 4f);
        assertThat(z[4]).containsExactly(4f, 4f);
        assertThat(z[24]).containsExactly(4f, -4f);
    }
}
