package org.latentexplorer.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.eval.ClusterMetrics;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.Models;
import org.latentexplorer.model.SameDiffGmvae;
import org.latentexplorer.model.TinyData;
import org.latentexplorer.train.EpochStats;
import org.latentexplorer.train.TrainConfig;
import org.latentexplorer.train.Trainer;
import org.latentexplorer.train.TrainingListener;

@Tag("slow")
class GmvaeClustersTest {
    private static final Dataset DATA = TinyData.twoPrototypes(512, 1);

    private static SameDiffGmvae tiny(long seed) {
        ModelConfig c = SameDiffGmvae.config(ImageShape.grey(4, 4), 2, 1, 2, List.of(16), Likelihood.BERNOULLI);
        return (SameDiffGmvae) Models.create(c, seed);
    }

    private static TrainConfig cfg(int epochs, long seed, double validation) {
        return new TrainConfig(epochs, 32, 1e-2, 0, 1, 0, validation, 0, Binarization.NONE, seed);
    }

    @Test
    void seededShortRunFindsBothClassesAndGeneratesFromEach() {
        // Seed 1 and 8 epochs: q(y|w,z) becomes confident and balanced (YPrior → log 2) by epoch 4.
        SameDiffGmvae m = tiny(1);
        Trainer.Result r = Trainer.train(m, DATA, cfg(8, 1, 0), "test", null, new TrainingListener() {
        }, CancelToken.NONE);
        assertThat(r.history().epochs().getLast().trainTerms()).containsOnlyKeys("ReconsLoss", "CondPrior", "WPrior", "YPrior");
        ClusterModel c = ClusterModels.of(m);
        float[][] x = TinyData.rows(DATA);
        ClusterMetrics metrics = ClusterMetrics.compute(DATA.labels(), c.assign(x), 2, 2);
        assertThat(metrics.accuracy()).isGreaterThanOrEqualTo(0.95);

        // Generating from the cluster matched to class "left" lights the left half, and vice versa.
        for (int k = 0; k < 2; k++) {
            int cls = metrics.matching()[k];
            float[][] imgs = c.sample(k, 20, 1.0, new SplittableRandom(k));
            double left = 0, right = 0;
            for (float[] img : imgs) {
                for (int p = 0; p < 16; p++) {
                    if (p % 4 < 2) {
                        left += img[p];
                    } else {
                        right += img[p];
                    }
                }
            }
            assertThat(cls == 0 ? left > right : right > left).as("cluster " + k + " draws look like class " + cls).isTrue();
        }
        assertThat(c.centres()).hasDimensions(2, 16);
        assertThat(c.fixWVaryY(1.0, new SplittableRandom(1))).hasDimensions(2, 16);
        GmvaeClusters g = (GmvaeClusters) c;
        assertThat(c.fixZVaryW(1, g.wGrid(3, 2.0), 1.0, new SplittableRandom(1))).hasDimensions(9, 16);
        assertThatThrownBy(() -> c.sample(2, 1, 1, new SplittableRandom(1))).hasMessageContaining("--cluster");
    }

    @Test
    void forcedNanIsRolledBackWithAHalvedLearningRate() {
        SameDiffGmvae m = tiny(5);
        List<String> messages = new ArrayList<>();
        Trainer.Result r = Trainer.train(m, DATA.limit(128), cfg(3, 5, 0.25), "test", null, new TrainingListener() {
            @Override
            public void onEpoch(EpochStats s) {
                if (s.epoch() == 0) {
                    // Poison the conditional prior: CondPrior (and so the loss) becomes NaN next epoch.
                    m.graph().getVariable("priorMean_W").getArr().putScalar(0, Float.NaN);
                }
            }

            @Override
            public void onMessage(String msg) {
                messages.add(msg);
            }
        }, CancelToken.NONE);
        assertThat(messages).anyMatch(msg -> msg.contains("rolled back") && msg.contains("0.005"));
        assertThat(r.history().epochs()).hasSize(3).allMatch(e -> Double.isFinite(e.trainLoss()));
        assertThat(m.graph().getVariable("priorMean_W").getArr().isNaN().any()).isFalse();
    }
}
