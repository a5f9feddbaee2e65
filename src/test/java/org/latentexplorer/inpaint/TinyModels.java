package org.latentexplorer.inpaint;

import java.util.List;
import java.util.Map;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.Models;
import org.latentexplorer.model.SameDiffModel;
import org.latentexplorer.train.TrainConfig;
import org.latentexplorer.train.Trainer;
import org.latentexplorer.train.TrainingListener;

/** A tiny data set with an exactly learnable pattern and a model trained on it once per test run. */
final class TinyModels {
    static final ImageShape SHAPE = ImageShape.grey(4, 4);

    private static SameDiffModel trained;

    private TinyModels() {
    }

    /** Prototype c: the left two columns lit (c = 0) or the right two columns lit (c = 1); no noise. */
    static float[] prototype(int c) {
        float[] v = new float[16];
        for (int p = 0; p < 16; p++) {
            v[p] = (p % 4 < 2) == (c == 0) ? 1f : 0f;
        }
        return v;
    }

    /** {@code n} exact copies of the two prototypes, alternating. */
    static Dataset prototypes(int n) {
        float[] v = new float[n * 16];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            System.arraycopy(prototype(i % 2), 0, v, i * 16, 16);
        }
        return new Dataset("prototypes", SHAPE, n, v, labels, List.of("left", "right"));
    }

    static SameDiffModel untrained(long seed) {
        return Models.create(new ModelConfig("vae", "dense", SHAPE, 2, List.of(16, 8), Likelihood.BERNOULLI, "unit",
                "prototypes", List.of("left", "right"), Map.of()), seed);
    }

    /** A dense VAE (16-16-8-2) trained for a few seconds on {@link #prototypes}; shared, read-only. */
    static synchronized SameDiffModel trained() {
        if (trained == null) {
            SameDiffModel m = untrained(7);
            Trainer.train(m, prototypes(64), new TrainConfig(25, 16, 2e-2, 0, 1, 0, 0, 0, Binarization.NONE, 7),
                    "test", null, new TrainingListener() {
                    }, CancelToken.NONE);
            trained = m;
        }
        return trained;
    }
}
