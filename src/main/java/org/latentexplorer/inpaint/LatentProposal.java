package org.latentexplorer.inpaint;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A proposal density over latent codes for {@link ImportanceSampler}: draws codes and scores them.
 * Codes live in flat arrays, {@code d} values from {@code offset}.
 */
sealed interface LatentProposal {
    double LOG_2PI = Math.log(2 * Math.PI);

    /** Writes one draw to {@code z[offset .. offset + d)}. */
    void sample(SplittableRandom rng, float[] z, int offset);

    /** log q(z) of the code at {@code z[offset ..]}. */
    double logDensity(float[] z, int offset);

    /** log(e^a + e^b) without overflow. */
    static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double m = Math.max(a, b);
        return m + Math.log1p(Math.exp(-Math.abs(a - b)));
    }

    /**
     * N(μ, diag(σ²)): an encoder's q(z|x), or the prior N(0, I). Built by {@link #of}, which keeps σ and
     * 1/σ² so that scoring a code costs no exponentials.
     */
    record DiagGaussian(float[] mu, double[] sd, double[] invVar, double logNorm) implements LatentProposal {
        /** From the encoder's μ and log σ². */
        static DiagGaussian of(float[] mu, float[] logVar) {
            return widened(mu, logVar, 1);
        }

        /** q(z|x) with every standard deviation multiplied by {@code widen}. */
        static DiagGaussian widened(float[] mu, float[] logVar, double widen) {
            int d = mu.length;
            double[] sd = new double[d], inv = new double[d];
            double logNorm = 0;
            for (int j = 0; j < d; j++) {
                double lv = logVar[j] + 2 * Math.log(widen);
                sd[j] = Math.exp(0.5 * lv);
                inv[j] = Math.exp(-lv);
                logNorm -= 0.5 * (lv + LOG_2PI);
            }
            return new DiagGaussian(mu.clone(), sd, inv, logNorm);
        }

        /** N(0, I) in {@code d} dimensions. */
        static DiagGaussian standard(int d) {
            return of(new float[d], new float[d]);
        }

        @Override
        public void sample(SplittableRandom rng, float[] z, int offset) {
            for (int j = 0; j < mu.length; j++) {
                z[offset + j] = (float) (mu[j] + sd[j] * rng.nextGaussian());
            }
        }

        @Override
        public double logDensity(float[] z, int offset) {
            double s = 0;
            for (int j = 0; j < mu.length; j++) {
                double diff = z[offset + j] - mu[j];
                s += diff * diff * invVar[j];
            }
            return logNorm - 0.5 * s;
        }
    }

    /** N(m, L Lᵀ) with L lower-triangular (a Cholesky factor). */
    record FullGaussian(double[] mean, double[][] chol, double logDet) implements LatentProposal {
        /** Diagonal loading of the fitted covariance: keeps it positive definite when few codes carry the weight. */
        private static final double JITTER = 1e-3;

        /**
         * The Gaussian with the weighted mean and covariance of {@code n} codes, its covariance scaled by
         * widen²: the moment-matching step of adaptive importance sampling (Cappé et al. 2004, population
         * Monte Carlo; Cornuet et al. 2012, AMIS).
         */
        static FullGaussian fit(float[] z, double[] w, int n, int d, double widen) {
            double sw = 0;
            double[] m = new double[d];
            for (int s = 0; s < n; s++) {
                sw += w[s];
                for (int j = 0; j < d; j++) {
                    m[j] += w[s] * z[s * d + j];
                }
            }
            for (int j = 0; j < d; j++) {
                m[j] /= sw;
            }
            double[][] c = new double[d][d];
            for (int s = 0; s < n; s++) {
                if (w[s] == 0) {
                    continue;
                }
                for (int i = 0; i < d; i++) {
                    double di = z[s * d + i] - m[i];
                    for (int j = 0; j <= i; j++) {
                        c[i][j] += w[s] * di * (z[s * d + j] - m[j]);
                    }
                }
            }
            double scale = widen * widen / sw;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    c[i][j] *= scale;
                }
                c[i][i] += JITTER;
            }
            double[][] l = new double[d][d];
            double logDet = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = c[i][j];
                    for (int k = 0; k < j; k++) {
                        s -= l[i][k] * l[j][k];
                    }
                    if (i == j) {
                        l[i][i] = Math.sqrt(Math.max(s, JITTER));
                        logDet += 2 * Math.log(l[i][i]);
                    } else {
                        l[i][j] = s / l[j][j];
                    }
                }
            }
            return new FullGaussian(m, l, logDet);
        }

        @Override
        public void sample(SplittableRandom rng, float[] z, int offset) {
            int d = mean.length;
            double[] e = new double[d];
            for (int j = 0; j < d; j++) {
                e[j] = rng.nextGaussian();
            }
            for (int i = 0; i < d; i++) {
                double s = mean[i];
                for (int j = 0; j <= i; j++) {
                    s += chol[i][j] * e[j];
                }
                z[offset + i] = (float) s;
            }
        }

        @Override
        public double logDensity(float[] z, int offset) {
            // Solve L y = z − m by forward substitution; then log N = −½(‖y‖² + log|Σ| + d log 2π).
            int d = mean.length;
            double[] y = new double[d];
            double q = 0;
            for (int i = 0; i < d; i++) {
                double s = z[offset + i] - mean[i];
                for (int j = 0; j < i; j++) {
                    s -= chol[i][j] * y[j];
                }
                y[i] = s / chol[i][i];
                q += y[i] * y[i];
            }
            return -0.5 * (q + logDet + d * LOG_2PI);
        }
    }

    /** Σ_k π_k q_k: draws pick a component by its weight. */
    record Mixture(List<LatentProposal> parts, double[] weights) implements LatentProposal {
        /** Equal weights. */
        static LatentProposal uniform(List<? extends LatentProposal> parts) {
            if (parts.size() == 1) {
                return parts.getFirst();
            }
            double[] w = new double[parts.size()];
            java.util.Arrays.fill(w, 1.0 / parts.size());
            return new Mixture(List.copyOf(parts), w);
        }

        @Override
        public void sample(SplittableRandom rng, float[] z, int offset) {
            double u = rng.nextDouble();
            int k = 0;
            while (k < parts.size() - 1 && u >= weights[k]) {
                u -= weights[k];
                k++;
            }
            parts.get(k).sample(rng, z, offset);
        }

        @Override
        public double logDensity(float[] z, int offset) {
            double l = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < parts.size(); k++) {
                if (weights[k] > 0) {
                    l = logAdd(l, Math.log(weights[k]) + parts.get(k).logDensity(z, offset));
                }
            }
            return l;
        }
    }
}
