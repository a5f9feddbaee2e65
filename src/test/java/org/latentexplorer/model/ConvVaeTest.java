package org.latentexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.train.TrainConfig;
import org.latentexplorer.train.Trainer;
import org.latentexplorer.train.TrainingListener;

class ConvVaeTest {
    private static ModelConfig conv(ImageShape shape) {
        return new ModelConfig("vae", "conv", shape, 2, List.of(4, 8), Likelihood.BERNOULLI, "unit", "t", List.of(),
                Map.of());
    }

    @Test
    void convVaeLearnsSavesAndLoadsWithIdenticalDecodes(@TempDir Path dir) {
        // 8×8 images: the left or right half lit, with noise; both classes must be learnable. The deeper
        // Sánchez Martín layout sits on the mean image for ~10 epochs of 4 steps before it learns.
        Dataset data = blobs(128);
        SameDiffModel m = Models.create(conv(ImageShape.grey(8, 8)), 2);
        List<Double> losses = new java.util.ArrayList<>();
        Trainer.train(m, data, new TrainConfig(40, 32, 3e-3, 0, 1, 0, 0, 0, Binarization.NONE, 2), "t", null,
                new TrainingListener() {
                    @Override
                    public void onEpoch(org.latentexplorer.train.EpochStats s) {
                        losses.add(s.trainLoss());
                    }
                }, CancelToken.NONE);
        assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) * 0.8);
        float[][] z = m.samplePrior(3, new SplittableRandom(1));
        Path file = dir.resolve("conv.lexb");
        try {
            new ModelBundle(m, null, null, null).save(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        try (ModelBundle b = ModelBundle.load(file)) {
            assertThat(b.config().arch()).isEqualTo("conv");
            assertThat(b.model().decode(z)).isEqualTo(m.decode(z));
        }
    }

    @Test
    void rgbImagesKeepTheirShapeThroughTheNetwork() {
        SameDiffModel m = Models.create(conv(new ImageShape(3, 8, 8)), 1);
        float[][] x = new float[2][192];
        assertThat(m.encode(x).mean()).hasDimensions(2, 2);
        assertThat(m.decode(new float[2][2])).hasDimensions(2, 192);
    }

    @Test
    void imageSizeThatTheStagesCannotHalveIsRefused() {
        assertThatThrownBy(() -> Models.create(conv(ImageShape.grey(10, 10)), 1)).isInstanceOf(InputException.class)
                .hasMessageContaining("divide by 4").hasMessageContaining("10x10");
    }

    private static Dataset blobs(int n) {
        SplittableRandom rng = new SplittableRandom(5);
        float[] v = new float[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int p = 0; p < 64; p++) {
                boolean lit = (p % 8 < 4) == (labels[i] == 0);
                v[i * 64 + p] = rng.nextDouble() < (lit ? 0.9 : 0.1) ? 1f : 0f;
            }
        }
        return new Dataset("blobs", ImageShape.grey(8, 8), n, v, labels, List.of("left", "right"));
    }
}
