package org.latentexplorer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Plain-Java helpers of {@link SameDiffGmvae}: decoder layout, component draws, importance weights. */
final class SameDiffGmvaeParts {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    /** Draws per graph call in the importance-weighted estimate (bounds memory at large k). */
    private static final int CHUNK = 500;

    private SameDiffGmvaeParts() {
    }

    /**
     * Σ_j x_ij per row. SameDiff 1.0.0-M2.1 fails (a null input in the training session) when it
     * reduces over an axis of length 1, so a single column is reshaped instead of summed.
     */
    static org.nd4j.autodiff.samediff.SDVariable rowSum(org.nd4j.autodiff.samediff.SameDiff sd,
                                                         org.nd4j.autodiff.samediff.SDVariable x, int width) {
        return width == 1 ? sd.reshape(x, -1) : sd.sum(x, 1);
    }

    /** Decoder d → ...h2 → h1 → D, the encoder mirrored, named as in the VAE (dec0.., decOut). */
    static List<Layers.Dense> decoderWeights(Layers layers, List<Integer> hidden, int d, int dIn) {
        List<Layers.Dense> dec = new ArrayList<>();
        int prev = d;
        for (int i = hidden.size() - 1; i >= 0; i--) {
            dec.add(layers.denseWeights("dec" + (hidden.size() - 1 - i), prev, hidden.get(i)));
            prev = hidden.get(i);
        }
        dec.add(layers.denseWeights("decOut", prev, dIn));
        return dec;
    }

    /** z_i = μ_{y_i}(w_i) + T σ_{y_i}(w_i) ε_i from the conditional prior's parameters ({means, variances}). */
    static float[][] componentDraws(float[][][] prior, int[] y, int d, double temperature, float[][] eps) {
        float[][] z = new float[y.length][d];
        for (int i = 0; i < y.length; i++) {
            int off = y[i] * d;
            for (int j = 0; j < d; j++) {
                z[i][j] = (float) (prior[0][i][off + j] + temperature * Math.sqrt(prior[1][i][off + j]) * eps[i][j]);
            }
        }
        return z;
    }

    /** log Σ_k (1/K) N(z; μ_k, diag v_k), the conditional prior with y summed out. */
    static double logMixture(float[] z, float[] means, float[] vars, int k) {
        int d = z.length;
        double[] lc = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double s = -Math.log(k);
            for (int j = 0; j < d; j++) {
                double v = vars[c * d + j];
                double diff = z[j] - means[c * d + j];
                s -= 0.5 * (LOG_2PI + Math.log(v) + diff * diff / v);
            }
            lc[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (double v : lc) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    static double[] importanceWeights(SameDiffGmvae m, float[] x, Posterior qw, Posterior qz, int samples,
                                      SplittableRandom rng) {
        int wd = m.wDim();
        int d = m.latentDim();
        double[] out = new double[samples];
        for (int start = 0; start < samples; start += CHUNK) {
            int n = Math.min(CHUNK, samples - start);
            float[][] w = new float[n][wd];
            float[][] z = new float[n][d];
            double[] logRest = new double[n];
            for (int i = 0; i < n; i++) {
                double lpw = 0, lq = 0;
                for (int j = 0; j < wd; j++) {
                    double e = rng.nextGaussian();
                    double v = qw.mean()[0][j] + Math.exp(0.5 * qw.logVar()[0][j]) * e;
                    w[i][j] = (float) v;
                    lpw -= 0.5 * (v * v + LOG_2PI);
                    lq -= 0.5 * (e * e + qw.logVar()[0][j] + LOG_2PI);
                }
                for (int j = 0; j < d; j++) {
                    double e = rng.nextGaussian();
                    z[i][j] = (float) (qz.mean()[0][j] + Math.exp(0.5 * qz.logVar()[0][j]) * e);
                    lq -= 0.5 * (e * e + qz.logVar()[0][j] + LOG_2PI);
                }
                logRest[i] = lpw - lq;
            }
            float[][][] prior = m.conditionalPrior(w);
            double[] logPx = m.logPxzRow(x, z);
            for (int i = 0; i < n; i++) {
                out[start + i] = logPx[i] + logRest[i] + logMixture(z[i], prior[0][i], prior[1][i], m.clusterCount());
            }
        }
        return out;
    }
}
