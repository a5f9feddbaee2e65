package org.latentexplorer.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.Json;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;

class InpaintEvaluationTest {
    private static final Dataset DATA = TinyModels.prototypes(8);
    private static final Mask TOP = Mask.topHalf(TinyModels.SHAPE);

    @Test
    void nearestNeighbourOfAnExactCopyHasNoError() {
        InpaintEvaluation.Result r = InpaintEvaluation.run(new KnnInpainter(DATA, 1, KnnWeighting.UNIFORM), DATA, TOP,
                "top-half", InpaintOptions.defaults(), 100, 1, CancelToken.NONE, null);
        assertThat(r.images()).isEqualTo(8);
        assertThat(r.rmseMissing()).isZero();
        assertThat(r.missingPerImage()).isEqualTo(8);
    }

    @Test
    void wholeImageFiguresScaleTheMissingOnesAndSerialise() throws Exception {
        // K = 8 averages both prototypes: every missing pixel is off by exactly 0.5.
        InpaintEvaluation.Result r = InpaintEvaluation.run(new KnnInpainter(DATA, 8, KnnWeighting.UNIFORM), DATA, TOP,
                "top-half", InpaintOptions.defaults(), 4, 1, CancelToken.NONE, null);
        assertThat(r.images()).isEqualTo(4);
        assertThat(r.rmseMissing()).isCloseTo(0.5, within(1e-6));
        assertThat(r.maeMissing()).isCloseTo(0.5, within(1e-6));
        assertThat(r.rmseWhole()).isCloseTo(0.5 * Math.sqrt(0.5), within(1e-6));
        assertThat(r.maeWhole()).isCloseTo(0.25, within(1e-6));
        assertThat(Json.MAPPER.writeValueAsString(r)).contains("\"rmseMissing\"").contains("\"msPerImage\"")
                .contains("\"method\" : \"knn:8\"");
    }

    @Test
    @Tag("slow")
    void aTrainedModelCompletesTheTestSetWell() {
        InpaintEvaluation.Result r = InpaintEvaluation.run(new ModelInpainter(TinyModels.trained(), Method.REPLACE), DATA,
                TOP, "top-half", new InpaintOptions(20, 1, 0.05), 8, 1, CancelToken.NONE, null);
        assertThat(r.rmseMissing()).isLessThan(0.25);
        assertThat(r.msPerImage()).isPositive();
    }

    @Test
    void emptyMaskAndBadLimitsAreRefused() {
        Inpainter knn = new KnnInpainter(DATA, 1, KnnWeighting.UNIFORM);
        assertThatThrownBy(() -> InpaintEvaluation.run(knn, DATA, Mask.none(TinyModels.SHAPE), "none",
                InpaintOptions.defaults(), 1, 1, null, null)).hasMessageContaining("nothing to complete");
        assertThatThrownBy(() -> InpaintEvaluation.run(knn, DATA, TOP, "top-half", InpaintOptions.defaults(), 0, 1,
                null, null)).hasMessageContaining("--limit");
        InpaintEvaluation.Result full = InpaintEvaluation.run(knn, DATA, Mask.all(TinyModels.SHAPE), "all",
                InpaintOptions.defaults(), 2, 1, null, null);
        assertThat(full.note()).contains("nothing observed");
    }

    @Test
    void ratingsHeldOutAreScoredInRatingUnits() {
        // Two kinds of users: kind 0 rates items 0-4 high (5 stars) and 5-9 low (1 star); kind 1 the reverse.
        int users = 40, items = 10;
        float[] v = new float[users * items];
        SplittableRandom rng = new SplittableRandom(3);
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                boolean likes = (i < 5) == (u % 2 == 0);
                v[u * items + i] = rng.nextDouble() < 0.3 ? Float.NaN : (likes ? 1f : 0f);
            }
        }
        Dataset ratings = new Dataset("ratings", ImageShape.vector(items), users, v, null, null);
        RatingsEvaluation.Split split = RatingsEvaluation.split(ratings, 0.2, 5);
        assertThat(split.training().values()).hasSize(v.length);
        RatingsEvaluation.Result knn = RatingsEvaluation.run(new KnnInpainter(split.training(), 5, KnnWeighting.UNIFORM),
                split, InpaintOptions.defaults(), 1000, 1, CancelToken.NONE);
        assertThat(knn.heldOut()).isGreaterThanOrEqualTo(users);
        assertThat(knn.rmse()).isLessThan(1.0); // a guess of the middle (3 stars) would be 2.0 off
        assertThatThrownBy(() -> RatingsEvaluation.split(ratings, 1.5, 1)).hasMessageContaining("(0, 1)");
    }
}
