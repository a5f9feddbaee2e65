package org.latentexplorer.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.model.Models;
import org.latentexplorer.model.SameDiffVaeac;
import org.latentexplorer.model.VaeacFixtures;

class VaeacInpainterTest {
    private static SameDiffVaeac trained;
    private static final InpaintOptions OPTIONS = InpaintOptions.defaults();

    @BeforeAll
    static void train() {
        trained = VaeacFixtures.trained(11, 40);
    }

    private static VaeacInpainter inpainter(int samples) {
        return (VaeacInpainter) Inpainting.create(MethodSpec.vaeac(samples), trained, null);
    }

    @Test
    void aShortTrainingCompletesTheHiddenHalfThatTheVisibleHalfDetermines() {
        Dataset test = VaeacFixtures.halves(64, 99);
        Dataset train = VaeacFixtures.halves(256, 1);
        Mask bottom = Mask.bottomHalf(VaeacFixtures.SHAPE);
        int[] miss = bottom.missingIndices();
        float[] mean = new float[64];
        for (int i = 0; i < train.size(); i++) {
            float[] r = train.row(i);
            for (int p = 0; p < 64; p++) {
                mean[p] += r[p] / train.size();
            }
        }
        double seVaeac = 0, seMean = 0;
        VaeacInpainter in = inpainter(16);
        for (int i = 0; i < test.size(); i++) {
            float[] truth = test.row(i);
            Completion c = in.complete(truth, bottom, OPTIONS, new SplittableRandom(i), CancelToken.NONE, null);
            for (int p : miss) {
                seVaeac += Math.pow(c.mean()[p] - truth[p], 2);
                seMean += Math.pow(mean[p] - truth[p], 2);
            }
        }
        double rmseVaeac = Math.sqrt(seVaeac / (test.size() * miss.length));
        double rmseMean = Math.sqrt(seMean / (test.size() * miss.length));
        assertThat(rmseVaeac).as("vaeac %.3f against the data mean's %.3f", rmseVaeac, rmseMean)
                .isLessThan(0.5 * rmseMean);
    }

    @Test
    void observedPixelsAreTheInputsBitForBitInEverySample() {
        float[] image = VaeacFixtures.halves(1, 5).row(0);
        image[3] = 0.37f;
        Mask mask = Mask.random(VaeacFixtures.SHAPE, 40, 2);
        Completion c = inpainter(8).complete(image, mask, OPTIONS.withSamples(5), new SplittableRandom(1),
                CancelToken.NONE, null);
        assertThat(c.samples()).hasNumberOfRows(5);
        assertThat(c.zPath()).hasNumberOfRows(8);
        for (int p : mask.observedIndices()) {
            assertThat(c.mean()[p]).isEqualTo(image[p]);
            assertThat(c.stdDev()[p]).isZero();
            for (float[] s : c.samples()) {
                assertThat(s[p]).isEqualTo(image[p]);
            }
        }
        assertThat(c.method().toString()).isEqualTo("vaeac:8");
        assertThat(c.note()).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameCompletionAndABatchGivesEachImagesOwn() {
        Dataset d = VaeacFixtures.halves(3, 4);
        Mask top = Mask.topHalf(VaeacFixtures.SHAPE);
        VaeacInpainter in = inpainter(6);
        Completion[] all = in.completeAll(d.rows(), top, OPTIONS, new SplittableRandom[]{new SplittableRandom(1),
                new SplittableRandom(2), new SplittableRandom(3)}, CancelToken.NONE);
        Completion alone = in.complete(d.row(2), top, OPTIONS, new SplittableRandom(3), CancelToken.NONE, null);
        assertThat(all[2].zPath()).isEqualTo(alone.zPath());
        assertThat(all[2].mean()).containsExactly(alone.mean(), org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void emptyFullAndWronglySizedMasksAreHandledAsTheOtherMethodsDo() {
        float[] image = VaeacFixtures.halves(1, 5).row(0);
        VaeacInpainter in = inpainter(4);
        Completion empty = in.complete(image, Mask.none(VaeacFixtures.SHAPE), OPTIONS, new SplittableRandom(1),
                CancelToken.NONE, null);
        assertThat(empty.mean()).isEqualTo(image);
        assertThat(empty.note()).isEqualTo(Inpainting.EMPTY_MASK_NOTE);
        float[] blank = new float[64];
        java.util.Arrays.fill(blank, Float.NaN);
        Completion full = in.complete(blank, Mask.all(VaeacFixtures.SHAPE), OPTIONS, new SplittableRandom(1),
                CancelToken.NONE, null);
        assertThat(full.note()).isEqualTo(Inpainting.FULL_MASK_NOTE);
        for (float v : full.mean()) {
            assertThat(v).isBetween(0f, 1f);
        }
        assertThatThrownBy(() -> in.complete(new float[16], Mask.topHalf(ImageShape.grey(4, 4)), OPTIONS,
                new SplittableRandom(1), CancelToken.NONE, null)).isInstanceOf(InputException.class)
                .hasMessageContaining("the mask is 4x4").hasMessageContaining("64 values");
        assertThatThrownBy(() -> in.complete(new float[10], Mask.topHalf(VaeacFixtures.SHAPE), OPTIONS,
                new SplittableRandom(1), CancelToken.NONE, null)).isInstanceOf(InputException.class)
                .hasMessageContaining("the image has 10 values");
    }

    @Test
    void vaeacIsRefusedForAnotherModelAndOtherMethodsAreRefusedTheVaeacPath() {
        var vae = Models.create(org.latentexplorer.model.ModelConfig.denseVae(VaeacFixtures.SHAPE, 2, null), 1);
        assertThatThrownBy(() -> Inpainting.create(MethodSpec.parse("vaeac"), vae, null))
                .isInstanceOf(InputException.class)
                .hasMessage("the vaeac method completes with a model trained as a VAEAC (latent-explorer train --model "
                        + "vaeac); this model is a dense vae");
        assertThatThrownBy(() -> new ModelInpainter(trained, MethodSpec.vaeac(4), null)).isInstanceOf(InputException.class);
        assertThat(VaeacInpainter.supports(trained)).isTrue();
        assertThat(VaeacInpainter.supports(vae)).isFalse();
    }

    @Test
    void methodParsesWithAndWithoutItsSampleCount() {
        assertThat(MethodSpec.parse("vaeac:8")).isEqualTo(MethodSpec.vaeac(8));
        assertThat(MethodSpec.parse("vaeac").k()).isEqualTo(MethodSpec.DEFAULT_VAEAC_SAMPLES);
        assertThat(MethodSpec.parse("VAEAC:8").toString()).isEqualTo("vaeac:8");
        assertThat(Method.VAEAC.usesModel()).isTrue();
        assertThat(Method.VAEAC.usesIterations()).isFalse();
        assertThat(Method.VAEAC.givesSpread()).isTrue();
        assertThatThrownBy(() -> MethodSpec.parse("vaeac:0")).isInstanceOf(InputException.class)
                .hasMessageContaining("vaeac needs S between 1 and");
        assertThatThrownBy(() -> MethodSpec.parse("vaeac:x")).isInstanceOf(InputException.class)
                .hasMessageContaining("vaeac:32");
    }
}
