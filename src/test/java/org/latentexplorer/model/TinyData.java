package org.latentexplorer.model;

import java.util.List;
import java.util.SplittableRandom;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;

/** Small synthetic data sets for model tests: noisy copies of a few binary prototypes. */
public final class TinyData {
    private TinyData() {
    }

    /** {@code n} examples of 4×4 images, class c = a noisy copy of prototype c (left half / right half lit). */
    public static Dataset twoPrototypes(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int d = 16;
        float[] v = new float[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            labels[i] = c;
            for (int p = 0; p < d; p++) {
                boolean lit = (p % 4 < 2) == (c == 0);
                double prob = lit ? 0.9 : 0.1;
                v[i * d + p] = rng.nextDouble() < prob ? 1f : 0f;
            }
        }
        return new Dataset("tiny", ImageShape.grey(4, 4), n, v, labels, List.of("left", "right"));
    }

    public static float[][] rows(Dataset d) {
        return d.rows();
    }
}
