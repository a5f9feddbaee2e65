package org.latentexplorer.model;

import java.util.List;
import java.util.SplittableRandom;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.train.TrainConfig;
import org.latentexplorer.train.Trainer;
import org.latentexplorer.train.TrainingListener;

/** A tiny VAEAC and a data set whose hidden half the visible half determines, for the model and inpaint tests. */
public final class VaeacFixtures {
    public static final ImageShape SHAPE = ImageShape.grey(8, 8);

    private VaeacFixtures() {
    }

    public static ModelConfig config() {
        return SameDiffVaeac.config(SHAPE, 4, List.of(4, 8), Likelihood.BERNOULLI);
    }

    /** Four classes; the top half's stripes say which, and the bottom half is the class's own pattern. */
    public static Dataset halves(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(4);
            labels[i] = c;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean on = y < 4 ? (x / 2) == c : (c % 2 == 0 ? y == 4 + c / 2 * 2 : x >= 4 == (c == 1));
                    v[i * 64 + y * 8 + x] = on ? 1f : 0f;
                }
            }
        }
        return new Dataset("halves", SHAPE, n, v, labels, List.of("a", "b", "c", "d"));
    }

    public static SameDiffVaeac trained(long seed, int epochs) {
        return trained(config(), seed, epochs);
    }

    public static SameDiffVaeac trained(ModelConfig config, long seed, int epochs) {
        SameDiffVaeac m = (SameDiffVaeac) Models.create(config, seed);
        Trainer.train(m, halves(256, 1), new TrainConfig(epochs, 32, 3e-3, 0, 1, 0, 0, 0, Binarization.NONE, seed), "t",
                null, new TrainingListener() { }, CancelToken.NONE);
        return m;
    }
}
