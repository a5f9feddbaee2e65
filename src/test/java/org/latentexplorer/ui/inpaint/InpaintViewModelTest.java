package org.latentexplorer.ui.inpaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.inpaint.Completion;
import org.latentexplorer.ui.fakes.Harness;
import org.latentexplorer.ui.fakes.HeldExecutor;

class InpaintViewModelTest {
    @TempDir
    Path dir;

    private final Debouncer.Manual debounce = new Debouncer.Manual();

    private InpaintViewModel editor(Harness h) {
        InpaintViewModel vm = new InpaintViewModel(h.services, h.executor, h.session, h.errors, debounce);
        vm.clearMask();
        debounce.flush();
        return vm;
    }

    private static int count(boolean[] m) {
        int n = 0;
        for (boolean b : m) {
            n += b ? 1 : 0;
        }
        return n;
    }

    @Test
    void theStatusLineNamesIwsRoundsAndEffectiveSamplesAndASamplersIterations() {
        Completion iw = new Completion(new float[1], new float[0][], new float[1], new float[0][],
                org.latentexplorer.inpaint.MethodSpec.of(org.latentexplorer.inpaint.Method.IW), 4, Double.NaN, 137.4, 61, "");
        assertThat(InpaintViewModel.describe(iw)).startsWith("Importance sampling (K = 1000)").contains("4 proposal rounds")
                .contains("effective samples 137").doesNotContain("iterations");
        Completion mwg = new Completion(new float[1], new float[0][], new float[1], new float[0][],
                org.latentexplorer.inpaint.MethodSpec.of(org.latentexplorer.inpaint.Method.MWG), 200, 0.08, Double.NaN, 35, "");
        assertThat(InpaintViewModel.describe(mwg)).contains("200 iterations").contains("8% accepted")
                .doesNotContain("effective");
    }

    @Test
    void opensOnTheFirstExampleWithTheTopHalfHiddenAndCompletesIt() {
        Harness h = new Harness(dir).withModel(2);
        InpaintViewModel vm = new InpaintViewModel(h.services, h.executor, h.session, h.errors, debounce);
        assertThat(vm.shape().size()).isEqualTo(784);
        assertThat(count(vm.missing())).isEqualTo(14 * 28);
        assertThat(vm.sourceProperty().get()).isEqualTo("synthetic #0 (zero)");
        assertThat(debounce.flush()).isTrue();
        assertThat(vm.resultProperty().get()).isNotNull();
    }

    @Test
    void endingAStrokeCompletesAtOnceWithoutWaitingForTheDebounce() {
        InpaintViewModel vm = editor(new Harness(dir).withModel(2));
        Object before = vm.resultProperty().get();
        vm.beginStroke();
        vm.dab(5, 7);
        vm.dab(6, 7);
        assertThat(vm.resultProperty().get()).isSameAs(before); // still debouncing while the stroke goes on
        vm.endStroke();
        assertThat(vm.resultProperty().get()).isNotSameAs(before);
        assertThat(debounce.flush()).as("nothing left waiting").isFalse();
        vm.endStroke(); // a release with nothing pending does nothing
    }

    @Test
    void brushMarksADiscOfPixelsMissingAndTheEraserClearsThem() {
        InpaintViewModel vm = editor(new Harness(dir).withModel(2));
        vm.brushSizeProperty().set(1);
        vm.beginStroke();
        vm.dab(5, 7);
        assertThat(count(vm.missing())).isEqualTo(1);
        assertThat(vm.missing()[7 * 28 + 5]).isTrue();
        vm.brushSizeProperty().set(3);
        vm.dab(20, 20);
        assertThat(count(vm.missing())).isEqualTo(1 + 9);
        vm.dab(-5, 40); // outside: ignored
        assertThat(count(vm.missing())).isEqualTo(10);
        vm.toolProperty().set(InpaintViewModel.Tool.ERASER);
        vm.dab(20, 20);
        assertThat(count(vm.missing())).isEqualTo(1);
    }

    @Test
    void inkIsObservedAndPaintedIntoTheImage() {
        InpaintViewModel vm = editor(new Harness(dir).withModel(2));
        vm.blank();
        assertThat(count(vm.missing())).isEqualTo(784);
        vm.layerProperty().set(InpaintViewModel.Layer.INK);
        vm.brushSizeProperty().set(1);
        vm.dab(10, 10);
        assertThat(vm.missing()[10 * 28 + 10]).isFalse();
        assertThat(vm.image()[10 * 28 + 10]).isEqualTo(1f);
        vm.toolProperty().set(InpaintViewModel.Tool.ERASER);
        vm.dab(10, 10);
        assertThat(vm.image()[10 * 28 + 10]).isEqualTo(0f);
    }

    @Test
    void presetsHideHalvesSquaresAndRandomPixels() {
        InpaintViewModel vm = editor(new Harness(dir).withModel(2));
        vm.topHalf();
        assertThat(vm.missing()[0]).isTrue();
        assertThat(vm.missing()[14 * 28]).isFalse();
        vm.bottomHalf();
        assertThat(vm.missing()[0]).isFalse();
        assertThat(count(vm.missing())).isEqualTo(392);
        vm.leftHalf();
        assertThat(vm.missing()[0]).isTrue();
        assertThat(vm.missing()[27]).isFalse();
        vm.rightHalf();
        assertThat(vm.missing()[27]).isTrue();
        vm.centreSquare();
        assertThat(count(vm.missing())).isEqualTo(14 * 14);
        vm.randomPercentProperty().set(30);
        vm.random();
        assertThat(count(vm.missing())).isBetween(150, 320);
    }

    @Test
    void undoAndRedoStepThroughStrokesAndPresets() {
        InpaintViewModel vm = editor(new Harness(dir).withModel(2));
        boolean[] empty = vm.missing();
        vm.beginStroke();
        vm.dab(3, 3);
        vm.dab(4, 3);
        boolean[] stroke = vm.missing();
        vm.topHalf();
        assertThat(vm.canUndoProperty().get()).isTrue();
        vm.undo();
        assertThat(vm.missing()).isEqualTo(stroke);
        vm.undo();
        assertThat(vm.missing()).isEqualTo(empty);
        assertThat(vm.canRedoProperty().get()).isTrue();
        vm.redo();
        assertThat(vm.missing()).isEqualTo(stroke);
        vm.leftHalf(); // a new edit drops the redo history
        assertThat(vm.canRedoProperty().get()).isFalse();
    }

    @Test
    void aCompletionKeepsTheObservedPixelsOfTheInput() {
        InpaintViewModel vm = editor(new Harness(dir).withModel(2));
        vm.topHalf();
        debounce.flush();
        Completion c = vm.resultProperty().get();
        float[] image = vm.image();
        boolean[] missing = vm.missing();
        for (int i = 0; i < image.length; i++) {
            if (!missing[i]) {
                assertThat(c.mean()[i]).isEqualTo(image[i]);
            }
        }
        assertThat(c.samples()).isNotEmpty();
        assertThat(c.stdDev()).hasSize(784);
        // A data-set example's hidden pixels are known: the status scores the mean against them.
        assertThat(vm.statusProperty().get()).startsWith("Pseudo-Gibbs sampling · 200 iterations · ")
                .containsPattern(" ms · RMSE \\d\\.\\d{3} · MAE \\d\\.\\d{3} over 392 hidden pixels$");
    }

    @Test
    void emptyAndFullMasksSayWhy() {
        Harness h = new Harness(dir).withModel(2);
        InpaintViewModel vm = editor(h);
        assertThat(vm.statusProperty().get()).endsWith("nothing to complete");
        vm.blank();
        debounce.flush();
        assertThat(vm.statusProperty().get()).endsWith("nothing observed: unconditional samples");
        vm.methodProperty().set("knn:10");
        debounce.flush();
        assertThat(vm.statusProperty().get()).startsWith("Nearest neighbours (k = 10)")
                .doesNotContain("RMSE") // a blank canvas has no true pixels to score against
                .doesNotContain("iterations");
        assertThat(h.errors.messages).isEmpty();
    }

    @Test
    void aStrokeIsDebouncedIntoOneCompletion() {
        Harness h = new Harness(dir).withModel(2);
        InpaintViewModel vm = editor(h);
        int before = h.services.inpaintTokens.size();
        vm.beginStroke();
        for (int x = 0; x < 10; x++) {
            vm.dab(x, 5);
        }
        assertThat(h.services.inpaintTokens).hasSize(before);
        debounce.flush();
        assertThat(h.services.inpaintTokens).hasSize(before + 1);
    }

    @Test
    void aNewEditCancelsTheRunningCompletionAndOnlyTheLatestIsShown() {
        Harness h = new Harness(dir).withModel(2);
        HeldExecutor held = new HeldExecutor();
        InpaintViewModel vm = new InpaintViewModel(h.services, held, h.session, h.errors, debounce);
        debounce.flush(); // top half: job 1 submitted, not run yet
        assertThat(held.queued).hasSize(1);
        vm.leftHalf();
        debounce.flush(); // cancels job 1; job 2 waits behind it
        vm.bottomHalf();
        debounce.flush(); // replaces the waiting request
        assertThat(held.queued).hasSize(1);
        held.queued.poll().run(); // job 1 sees its cancel and never completes
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(held.queued).hasSize(1);
        held.queued.poll().run();
        Completion c = vm.resultProperty().get();
        assertThat(c).isNotNull();
        // The bottom half was completed: the top rows are the input's.
        float[] image = vm.image();
        for (int i = 0; i < 14 * 28; i++) {
            assertThat(c.mean()[i]).isEqualTo(image[i]);
        }
        assertThat(h.services.inpaintTokens).hasSize(1);
        assertThat(h.errors.messages).isEmpty();
    }

    @Test
    void knnNeverTakesTheExampleBeingCompletedAsItsOwnNeighbour() {
        InpaintViewModel vm = editor(new Harness(dir).withModel(2));
        vm.methodProperty().set("knn:10");
        vm.topHalf();
        debounce.flush();
        Completion c = vm.resultProperty().get();
        assertThat(c.method().toString()).isEqualTo("knn:10");
        for (float[] sample : c.samples()) {
            assertThat(sample).isNotEqualTo(vm.image());
        }
    }

    @Test
    void aRunningCompletionShowsAboutTenPreviewsThenTheResult() {
        InpaintViewModel vm = editor(new Harness(dir).withModel(2));
        java.util.List<float[]> previews = new java.util.ArrayList<>();
        vm.liveProperty().addListener((o, a, b) -> {
            if (b != null) {
                previews.add(b);
            }
        });
        vm.topHalf();
        debounce.flush();
        assertThat(previews).hasSizeBetween(5, 10);
        assertThat(vm.liveProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).contains(" ms");
    }

    @Test
    void fromSelectionStartsFromTheFirstSelectedExample() {
        Harness h = new Harness(dir).withModel(2);
        InpaintViewModel vm = editor(h);
        assertThat(vm.fromSelection()).isFalse();
        assertThat(vm.hasSelectionProperty().get()).isFalse();
        h.session.select(17, 3);
        assertThat(vm.hasSelectionProperty().get()).isTrue();
        assertThat(vm.fromSelection()).isTrue();
        assertThat(vm.indexProperty().get()).isEqualTo(17);
        assertThat(vm.image()).isEqualTo(h.session.workspace().dataset().row(17));
        vm.undo();
        assertThat(vm.image()).isEqualTo(h.session.workspace().dataset().row(0));
    }
}
