package org.latentexplorer.embed.bench;

import java.util.SplittableRandom;

/**
 * Synthetic latent codes for the benchmarks at scale (issue 20 item 9): ten Gaussian blobs in d
 * dimensions, unit spread around centres drawn with spread 3, point i in blob i mod 10. Seed 1 gives
 * the codes every recorded figure used.
 */
public record Blobs(float[][] codes, int[] labels) {
    public static Blobs of(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] centres = new float[10][d];
        for (float[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = (float) (3 * rng.nextGaussian());
            }
        }
        float[][] codes = new float[n][d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int j = 0; j < d; j++) {
                codes[i][j] = (float) (centres[labels[i]][j] + rng.nextGaussian());
            }
        }
        return new Blobs(codes, labels);
    }
}
