package org.latentexplorer.eval;

import java.util.SplittableRandom;

/**
 * The input corruptions of Sánchez Martín (2018), Experiment 4: additive uniform noise and pixel
 * dropout. Both return new arrays; the input is left as it was.
 */
public final class Corruption {
    private Corruption() {
    }

    /** Adds U(−a, a) to each value and clips to [0, 1]. */
    public static float[][] uniformNoise(float[][] x, double a, SplittableRandom rng) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new float[x[i].length];
            for (int p = 0; p < x[i].length; p++) {
                double v = x[i][p] + (rng.nextDouble() * 2 - 1) * a;
                out[i][p] = (float) Math.min(1, Math.max(0, v));
            }
        }
        return out;
    }

    /** Sets each value to 0 with probability {@code p}. */
    public static float[][] dropout(float[][] x, double p, SplittableRandom rng) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
            for (int q = 0; q < out[i].length; q++) {
                if (rng.nextDouble() < p) {
                    out[i][q] = 0f;
                }
            }
        }
        return out;
    }
}
