package org.latentexplorer.ui.manifold;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.ui.fakes.FakeModel;
import org.latentexplorer.ui.fakes.Harness;
import org.latentexplorer.ui.services.Plane;

class ManifoldViewModelTest {
    @TempDir
    Path dir;

    @Test
    void defaultGridIsTwentyByTwentyOverMinusFourToFourDecodedInOneBatch() {
        Harness h = new Harness(dir).withModel(2);
        FakeModel model = (FakeModel) modelOf(h);
        int before = model.decodeCalls;
        ManifoldViewModel vm = new ManifoldViewModel(h.executor, h.session, h.errors);
        GridImage g = vm.gridProperty().get();
        assertThat(g.width()).isEqualTo(20 * 28);
        assertThat(g.height()).isEqualTo(20 * 28);
        assertThat(model.decodeCalls - before).isEqualTo(1);
        assertThat(vm.rangeTextProperty().get()).contains("u -4.00..4.00").contains("v -4.00..4.00");
    }

    private static Object modelOf(Harness h) {
        try {
            var f = org.latentexplorer.ui.services.ModelHandle.class.getDeclaredField("model");
            f.setAccessible(true);
            return f.get(h.session.workspace().model());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void panningChangesTheGridAndZoomChangesItsRange() {
        Harness h = new Harness(dir).withModel(2);
        ManifoldViewModel vm = new ManifoldViewModel(h.executor, h.session, h.errors);
        int[] before = vm.gridProperty().get().argb().clone();
        vm.pan(1.5, 0);
        assertThat(vm.gridProperty().get().argb()).isNotEqualTo(before);
        vm.zoom(0.5);
        assertThat(vm.halfSpan()).isEqualTo(2.0);
        vm.step(1, 0);
        assertThat(vm.centreU()).isEqualTo(1.5 + 4.0 / 19);
    }

    @Test
    void gridSizeChangesTheNumberOfImages() {
        Harness h = new Harness(dir).withModel(2);
        ManifoldViewModel vm = new ManifoldViewModel(h.executor, h.session, h.errors);
        vm.gridSizeProperty().set(5);
        assertThat(vm.gridProperty().get().width()).isEqualTo(5 * 28);
        vm.gridSizeProperty().set(40);
        assertThat(vm.gridProperty().get().width()).isEqualTo(40 * 28);
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
        float[][] s = GridMath.spherical(a, b, 5);
        float[][] l = GridMath.linear(a, b, 5);
        assertThat(Math.hypot(s[2][0], s[2][1])).isCloseTo(3, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(Math.hypot(l[2][0], l[2][1])).isLessThan(2.2);
        assertThat(s[0]).containsExactly(3f, 0f);
        assertThat(s[4][1]).isCloseTo(3f, org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void gridCodesRunFromTopLeftToBottomRightIncludingTheEnds() {
        float[][] z = GridMath.gridCodes(Plane.ofDims(new float[2], 0, 1), 0, 0, 4, 5);
        assertThat(z[0]).containsExactly(-4f, 4f);
        assertThat(z[4]).containsExactly(4f, 4f);
        assertThat(z[24]).containsExactly(4f, -4f);
    }
}
