package org.latentexplorer.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.model.SameDiffModel;

/** iw, the importance-weighted conditional mean; uses the tiny model trained once per run. */
@Tag("slow")
class ImportanceSamplerTest {
    private static final InpaintOptions OPTS = new InpaintOptions(10, 4, 0.1);

    private static Completion complete(MethodSpec spec, Dataset reference, float[] x, Mask m, long seed) {
        return new ModelInpainter(TinyModels.trained(), spec, reference).complete(x, m, OPTS, new SplittableRandom(seed),
                CancelToken.NONE, InpaintListener.NONE);
    }

    @Test
    void recoversTheHiddenHalfOfALearnedPatternWithAndWithoutNeighbours() {
        Mask top = Mask.topHalf(TinyModels.SHAPE);
        for (Dataset reference : new Dataset[]{null, TinyModels.prototypes(64)}) {
            for (int c = 0; c < 2; c++) {
                float[] truth = TinyModels.prototype(c);
                float[] input = truth.clone();
                for (int i : top.missingIndices()) {
                    input[i] = Float.NaN; // missing values must not be read
                }
                Completion done = complete(MethodSpec.iw(500), reference, input, top, c);
                for (int i : top.missingIndices()) {
                    assertThat(done.mean()[i]).as("pixel %d of prototype %d, reference %s", i, c, reference)
                            .isCloseTo(truth[i], within(0.2f));
                }
                assertThat(done.effectiveSampleSize()).isBetween(1.0, 500.0);
                assertThat(done.samples()).hasNumberOfRows(OPTS.samples());
                assertThat(done.zPath()).hasNumberOfRows(ImportanceSampler.ROUNDS);
            }
        }
    }

    @Test
    void neverChangesObservedValuesAndStaysInRange() {
        Mask m = Mask.random(TinyModels.SHAPE, 50, 3);
        float[] x = new float[16];
        for (int i = 0; i < 16; i++) {
            x[i] = 0.017f * i + 0.0003f; // grey values that a rounding slip would change
        }
        for (Dataset reference : new Dataset[]{null, TinyModels.prototypes(8)}) {
            for (int k : new int[]{1, 3, 200}) {
                Completion c = complete(MethodSpec.iw(k), reference, x, m, k);
                for (float[] img : Inpaint.allImages(c)) {
                    for (int i : m.observedIndices()) {
                        assertThat(img[i]).isEqualTo(x[i]);
                    }
                    for (int i : m.missingIndices()) {
                        assertThat(img[i]).isBetween(0f, 1f);
                    }
                }
                for (int i : m.observedIndices()) {
                    assertThat(c.stdDev()[i]).isZero();
                }
            }
        }
    }

    @Test
    void isRepeatableWithASeedAndReportsEachRound() {
        float[] x = TinyModels.prototype(1);
        Mask m = Mask.leftHalf(TinyModels.SHAPE);
        List<Integer> rounds = new ArrayList<>();
        ModelInpainter in = new ModelInpainter(TinyModels.trained(), MethodSpec.iw(300), TinyModels.prototypes(8));
        Completion a = in.complete(x, m, OPTS, new SplittableRandom(9), CancelToken.NONE,
                (it, of, current, z) -> rounds.add(it));
        Completion b = in.complete(x, m, OPTS, new SplittableRandom(9), CancelToken.NONE, null);
        assertThat(a.mean()).containsExactly(b.mean());
        // Batches of at most 128 codes within rounds of 75: the listener hears the count of codes so far.
        assertThat(rounds).containsExactly(75, 150, 225, 300);
        CancelToken cancel = new CancelToken();
        assertThatThrownBy(() -> in.complete(x, m, OPTS, new SplittableRandom(1), cancel, (it, of, current, z) -> {
            if (it == 75) {
                cancel.cancel();
            }
        })).isInstanceOf(CancellationException.class);
    }

    @Test
    void badSettingsGetClearMessages() {
        assertThat(MethodSpec.parse("iw")).isEqualTo(MethodSpec.iw(MethodSpec.DEFAULT_SAMPLES));
        assertThat(MethodSpec.parse(" IW:250 ").toString()).isEqualTo("iw:250");
        assertThatThrownBy(() -> MethodSpec.parse("iw:0")).hasMessageContaining("iw").hasMessageContaining("got 0");
        assertThatThrownBy(() -> MethodSpec.parse("iw:-5")).hasMessageContaining("between 1 and 100000");
        assertThatThrownBy(() -> MethodSpec.parse("iw:1000000")).hasMessageContaining("got 1000000");
        assertThatThrownBy(() -> MethodSpec.parse("iw:many")).hasMessageContaining("iw:1000").hasMessageContaining("'iw:many'");
        assertThatThrownBy(() -> new ModelInpainter(null, MethodSpec.iw(10), null)).hasMessageContaining("--model");
        Dataset wrong = new Dataset("wrong", ImageShape.grey(3, 3), 1, new float[9], null, null);
        assertThatThrownBy(() -> new ModelInpainter(TinyModels.trained(), MethodSpec.iw(10), wrong))
                .hasMessageContaining("wrong").hasMessageContaining("3x3").hasMessageContaining("expects 4x4");
    }

    @Test
    void theSameDiffFallbackGivesTheSameKindOfAnswer() {
        SameDiffModel model = TinyModels.trained();
        Mask top = Mask.topHalf(TinyModels.SHAPE);
        float[] truth = TinyModels.prototype(0);
        Completion c = ImportanceSampler.run(new ModelNetwork(model), MethodSpec.iw(300), null, truth, top, OPTS,
                new SplittableRandom(2), CancelToken.NONE, InpaintListener.NONE, "");
        for (int i : top.missingIndices()) {
            assertThat(c.mean()[i]).isCloseTo(truth[i], within(0.2f));
        }
        for (int i : top.observedIndices()) {
            assertThat(c.mean()[i]).isEqualTo(truth[i]);
        }
    }
}
