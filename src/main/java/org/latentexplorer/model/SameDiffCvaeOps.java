package org.latentexplorer.model;

import java.util.SplittableRandom;
import org.latentexplorer.common.InputException;

/** Plain-Java parts of {@link SameDiffCvae}: class probabilities, class sampling, importance weights. */
final class SameDiffCvaeOps {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private SameDiffCvaeOps() {
    }

    static int[] argmax(float[][] p) {
        int[] a = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            for (int k = 1; k < p[i].length; k++) {
                if (p[i][k] > p[i][a[i]]) {
                    a[i] = k;
                }
            }
        }
        return a;
    }

    /** softmax over c of ELBO(x, c) at ε = 0 (uniform class prior). */
    static float[][] classProbabilities(SameDiffCvae m, float[][] x) {
        int n = x.length;
        int nc = m.classCount();
        double[][] elbo = new double[n][nc];
        float[][] zero = new float[n][m.latentDim()];
        for (int c = 0; c < nc; c++) {
            double[][] t = m.termsPerRow(x, SameDiffCvae.filled(n, c), zero);
            for (int i = 0; i < n; i++) {
                elbo[i][c] = -(t[0][i] + t[1][i]);
            }
        }
        float[][] p = new float[n][nc];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : elbo[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int c = 0; c < nc; c++) {
                sum += Math.exp(elbo[i][c] - max);
            }
            for (int c = 0; c < nc; c++) {
                p[i][c] = (float) (Math.exp(elbo[i][c] - max) / sum);
            }
        }
        return p;
    }

    static float[][] sampleClass(SameDiffCvae m, int c, int n, double temperature, SplittableRandom rng) {
        if (c < 0 || c >= m.classCount()) {
            throw new InputException("class " + c + " is outside 0.." + (m.classCount() - 1));
        }
        if (n < 0 || !(temperature >= 0)) {
            throw new InputException("need n ≥ 0 and temperature ≥ 0, got " + n + " and " + temperature);
        }
        float[][][] prior = m.classPrior();
        int d = m.latentDim();
        float[][] z = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (float) (prior[0][c][j] + temperature * Math.exp(0.5 * prior[1][c][j]) * rng.nextGaussian());
            }
        }
        return z;
    }

    /**
     * log p(x|z, c) + log p(z|c) + log p(c) − log q(z|x, c) − log r(c) for (c, z) ~ r(c) q(z|x, c), where
     * r mixes the model's p(c|x) with 10% uniform so that no class is left unexplored.
     */
    static double[] importanceWeights(SameDiffCvae m, float[] x, int k, SplittableRandom rng) {
        if (k < 1) {
            throw new InputException("number of importance samples must be at least 1, got " + k);
        }
        int nc = m.classCount();
        int d = m.latentDim();
        float[] p = classProbabilities(m, new float[][]{x})[0];
        double[] r = new double[nc];
        for (int c = 0; c < nc; c++) {
            r[c] = 0.9 * p[c] + 0.1 / nc;
        }
        int[] count = new int[nc];
        for (int i = 0; i < k; i++) {
            double u = rng.nextDouble();
            int c = 0;
            while (c < nc - 1 && (u -= r[c]) >= 0) {
                c++;
            }
            count[c]++;
        }
        float[][][] prior = m.classPrior();
        double[] out = new double[k];
        int pos = 0;
        for (int c = 0; c < nc; c++) {
            if (count[c] == 0) {
                continue;
            }
            Posterior q = m.encode(new float[][]{x}, new int[]{c});
            float[][] z = new float[count[c]][d];
            double[] rest = new double[count[c]];
            for (int i = 0; i < count[c]; i++) {
                double lp = Math.log(1.0 / nc) - Math.log(r[c]);
                for (int j = 0; j < d; j++) {
                    double e = rng.nextGaussian();
                    double lv = q.logVar()[0][j];
                    double zj = q.mean()[0][j] + Math.exp(0.5 * lv) * e;
                    z[i][j] = (float) zj;
                    double pl = prior[1][c][j];
                    double diff = zj - prior[0][c][j];
                    lp += -0.5 * (LOG_2PI + pl + diff * diff / Math.exp(pl)) + 0.5 * (LOG_2PI + lv + e * e);
                }
                rest[i] = lp;
            }
            double[] lpx = m.logPxzClass(x, z, c);
            for (int i = 0; i < count[c]; i++) {
                out[pos++] = lpx[i] + rest[i];
            }
        }
        return out;
    }
}
