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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.model.SameDiffModel;

/** Uses a tiny model trained for a few seconds (shared by the tests of one run). */
@Tag("slow")
class ModelInpainterTest {
    private static final InpaintOptions OPTS = new InpaintOptions(60, 4, 0.1);

    @Test
    void javaNetworkMatchesTheSameDiffModel() {
        SameDiffModel model = TinyModels.untrained(3);
        ModelInpainter in = new ModelInpainter(model, Method.REPLACE);
        assertThat(in.usesJavaNetwork()).isTrue();
        SplittableRandom rng = new SplittableRandom(5);
        for (int n = 0; n < 5; n++) {
            float[] x = new float[16];
            for (int i = 0; i < 16; i++) {
                x[i] = rng.nextInt(3) == 0 ? 0f : (float) rng.nextDouble();
            }
            var q = model.encode(new float[][]{x});
            float[][] mine = in.encodeForTest(x);
            assertThat(mine[0]).containsExactly(q.mean()[0], within(1e-4f));
            assertThat(mine[1]).containsExactly(q.logVar()[0], within(1e-4f));
            float[][] fixed = in.encodeWithFixedObservedForTest(x, Mask.leftHalf(TinyModels.SHAPE).missingIndices());
            assertThat(fixed[0]).containsExactly(q.mean()[0], within(1e-4f));
            assertThat(fixed[1]).containsExactly(q.logVar()[0], within(1e-4f));
            float[] z = {(float) rng.nextGaussian(), (float) rng.nextGaussian()};
            float[] means = model.decode(new float[][]{z})[0];
            assertThat(in.decodeForTest(z)).containsExactly(means, within(1e-4f));
            // Batched decoding (iw) and a decode restricted to some outputs (pseudo-Gibbs, replace) agree too.
            DenseVaeNetwork net = DenseVaeNetwork.of((org.latentexplorer.model.SameDiffVae) model);
            LatentNetwork.Pass pass = net.open();
            float[] two = {z[0], z[1], z[1], z[0]};
            float[] batch = pass.decodeBatch(two, 2);
            float[] full = new float[16], part = new float[16];
            pass.decode(z, full);
            assertThat(java.util.Arrays.copyOf(batch, 16)).containsExactly(full, within(1e-4f));
            int[] some = {1, 5, 6, 15};
            pass.restrictOutputs(some);
            pass.decode(z, part);
            for (int i : some) {
                assertThat(part[i]).isCloseTo(full[i], within(1e-5f));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"REPLACE", "PSEUDO_GIBBS", "MWG", "OPTIMIZE", "IW"})
    void recoversTheHiddenHalfOfALearnedPatternAndKeepsObservedValues(Method method) {
        SameDiffModel model = TinyModels.trained();
        Mask top = Mask.topHalf(TinyModels.SHAPE);
        for (int c = 0; c < 2; c++) {
            float[] truth = TinyModels.prototype(c);
            float[] input = truth.clone();
            for (int i : top.missingIndices()) {
                input[i] = Float.NaN; // missing values must not be read
            }
            Completion done = new ModelInpainter(model, method).complete(input, top, OPTS, new SplittableRandom(c),
                    CancelToken.NONE, InpaintListener.NONE);
            for (int i : top.missingIndices()) {
                assertThat(done.mean()[i]).as("%s pixel %d of prototype %d", method, i, c).isCloseTo(truth[i], within(0.25f));
            }
            for (float[] img : Inpaint.allImages(done)) {
                for (int i : top.observedIndices()) {
                    assertThat(img[i]).isEqualTo(input[i]);
                }
            }
            assertThat(done.zPath().length).isEqualTo(method == Method.IW ? ImportanceSampler.ROUNDS : OPTS.iterations());
            assertThat(done.samples()).isNotEmpty();
            assertThat(done.note()).isEmpty();
        }
    }

    @Test
    void observedValuesAreKeptBitForBitWithGreyInputsAndTheFallbackNetwork() {
        SameDiffModel model = TinyModels.trained();
        ModelNetwork generic = new ModelNetwork(model);
        Mask m = Mask.random(TinyModels.SHAPE, 40, 2);
        float[] x = new float[16];
        for (int i = 0; i < 16; i++) {
            x[i] = 0.013f * i + 0.0001f;
        }
        for (Method method : List.of(Method.PSEUDO_GIBBS, Method.MWG, Method.OPTIMIZE, Method.REPLACE)) {
            Completion c = method == Method.OPTIMIZE
                    ? LatentOptimizer.run(generic, MethodSpec.of(method), x, m, new InpaintOptions(5, 2, 0.1),
                    new SplittableRandom(1), CancelToken.NONE, InpaintListener.NONE, "")
                    : ChainSampler.run(generic, MethodSpec.of(method), x, m, new InpaintOptions(5, 2, 0.1),
                    new SplittableRandom(1), CancelToken.NONE, InpaintListener.NONE, "");
            for (float[] img : Inpaint.allImages(c)) {
                for (int i : m.observedIndices()) {
                    assertThat(img[i]).isEqualTo(x[i]);
                }
            }
        }
    }

    @Test
    void mwgAcceptsSomeProposalsAndIsRepeatableWithASeed() {
        SameDiffModel model = TinyModels.trained();
        ModelInpainter in = new ModelInpainter(model, Method.MWG);
        float[] x = TinyModels.prototype(1);
        Mask m = Mask.leftHalf(TinyModels.SHAPE);
        Completion a = in.complete(x, m, OPTS, new SplittableRandom(9), CancelToken.NONE, null);
        Completion b = in.complete(x, m, OPTS, new SplittableRandom(9), CancelToken.NONE, null);
        assertThat(a.acceptanceRate()).isBetween(0.05, 1.0);
        assertThat(a.mean()).containsExactly(b.mean());
        for (float v : a.stdDev()) {
            assertThat(v).isGreaterThanOrEqualTo(0f);
        }
    }

    @Test
    void listenerSeesEachIterationAndCancelStops() {
        ModelInpainter in = new ModelInpainter(TinyModels.trained(), Method.PSEUDO_GIBBS);
        List<float[]> zs = new ArrayList<>();
        CancelToken cancel = new CancelToken();
        Mask m = Mask.topHalf(TinyModels.SHAPE);
        in.complete(TinyModels.prototype(0), m, OPTS, new SplittableRandom(1), CancelToken.NONE,
                (it, of, current, z) -> zs.add(z));
        assertThat(zs).hasSize(OPTS.iterations()).allMatch(z -> z.length == 2);
        assertThatThrownBy(() -> in.complete(TinyModels.prototype(0), m, OPTS, new SplittableRandom(1), cancel,
                (it, of, current, z) -> {
                    if (it == 3) {
                        cancel.cancel();
                    }
                })).isInstanceOf(CancellationException.class);
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"MWG", "IW"})
    void emptyAndFullMasksAreExplained(Method method) {
        ModelInpainter in = new ModelInpainter(TinyModels.trained(), method);
        float[] x = TinyModels.prototype(0);
        Completion empty = in.complete(x, Mask.none(TinyModels.SHAPE), OPTS, new SplittableRandom(1), null, null);
        assertThat(empty.mean()).containsExactly(x);
        assertThat(empty.note()).contains("nothing to complete");
        Completion full = in.complete(x, Mask.all(TinyModels.SHAPE), OPTS, new SplittableRandom(1), null, null);
        assertThat(full.note()).contains("nothing observed");
        for (float v : full.mean()) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void wrongSizesAndBadSettingsGetClearMessages() {
        ModelInpainter in = new ModelInpainter(TinyModels.trained(), Method.REPLACE);
        Mask big = Mask.topHalf(ImageShape.grey(28, 28));
        assertThatThrownBy(() -> in.complete(new float[784], big, OPTS, new SplittableRandom(1), null, null))
                .hasMessageContaining("28x28").hasMessageContaining("expects 4x4");
        assertThatThrownBy(() -> in.complete(new float[10], Mask.topHalf(TinyModels.SHAPE), OPTS,
                new SplittableRandom(1), null, null)).hasMessageContaining("10 values");
        assertThatThrownBy(() -> new InpaintOptions(0, 1, 0.1)).hasMessageContaining("--iterations")
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> new InpaintOptions(-5, 1, 0.1)).hasMessageContaining("--iterations");
        assertThatThrownBy(() -> new ModelInpainter(null, Method.MWG)).hasMessageContaining("--model");
    }
}
