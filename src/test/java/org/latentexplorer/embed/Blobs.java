package org.latentexplorer.embed;

import java.util.SplittableRandom;

/** Test fixture: well separated Gaussian blobs with known labels. */
record Blobs(float[][] codes, int[] labels, float[][] centres) {
    static {
        // Smile's exact t-SNE logs every 10 iterations at INFO; keep test output readable.
        System.setProperty("org.slf4j.simpleLogger.log.smile", "warn");
    }

    /** {@code k} blobs of {@code per} points in {@code dim} dimensions, centres 10 apart, unit spread. */
    static Blobs make(int k, int per, int dim, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] centres = new float[k][dim];
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < dim; d++) {
                centres[c][d] = (float) (rnd.nextGaussian() * 10);
            }
        }
        float[][] codes = new float[k * per][dim];
        int[] labels = new int[k * per];
        for (int i = 0; i < k * per; i++) {
            int c = i % k;
            labels[i] = c;
            for (int d = 0; d < dim; d++) {
                codes[i][d] = centres[c][d] + (float) rnd.nextGaussian();
            }
        }
        return new Blobs(codes, labels, centres);
    }
}
