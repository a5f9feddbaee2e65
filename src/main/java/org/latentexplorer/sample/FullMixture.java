package org.latentexplorer.sample;

import smile.stat.distribution.MultivariateExponentialFamilyMixture;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.stat.distribution.MultivariateMixture;
import smile.tensor.DenseMatrix;

/**
 * A Gaussian mixture with a full covariance matrix per component, fitted to codes by EM (Bishop 2006,
 * §9.2.2) in Smile, started from the seeded k-means partition (each cluster's mean and covariance, plus
 * a small ridge), so that the same seed gives the same clusters. Draws take z = μ_c + T L_c ε with
 * Σ_c = L_c L_cᵀ (Cholesky).
 */
final class FullMixture implements Mixture {
    /** Added to each starting covariance's diagonal: a cluster of identical codes would be singular. */
    static final double RIDGE = DiagonalMixture.VAR_FLOOR;

    private final MultivariateMixture mixture;
    private final double[][] means;
    private final double[][][] chol;

    private FullMixture(MultivariateMixture mixture) {
        this.mixture = mixture;
        int k = mixture.components.length;
        means = new double[k][];
        chol = new double[k][][];
        for (int c = 0; c < k; c++) {
            MultivariateGaussianDistribution g = (MultivariateGaussianDistribution) mixture.components[c].distribution();
            means[c] = g.mean().clone();
            chol[c] = lower(g.cov());
        }
    }

    static FullMixture fit(float[][] codes, DiagonalMixture start) {
        int k = start.k(), d = start.dim();
        float[][] assigned = start.hard(codes);
        double[][] sum = new double[k][d];
        double[][][] scatter = new double[k][d][d];
        int[] count = new int[k];
        for (int i = 0; i < codes.length; i++) {
            int c = argmax(assigned[i]);
            count[c]++;
            for (int a = 0; a < d; a++) {
                sum[c][a] += codes[i][a];
            }
        }
        for (int i = 0; i < codes.length; i++) {
            int c = argmax(assigned[i]);
            for (int a = 0; a < d; a++) {
                double da = codes[i][a] - sum[c][a] / count[c];
                for (int b = 0; b < d; b++) {
                    scatter[c][a][b] += da * (codes[i][b] - sum[c][b] / count[c]);
                }
            }
        }
        MultivariateMixture.Component[] components = new MultivariateMixture.Component[k];
        for (int c = 0; c < k; c++) {
            double[] mu = new double[d];
            double[][] cov = new double[d][d];
            for (int a = 0; a < d; a++) {
                mu[a] = count[c] > 0 ? sum[c][a] / count[c] : start.means()[c][a];
                for (int b = 0; b < d; b++) {
                    cov[a][b] = count[c] > 1 ? scatter[c][a][b] / count[c] : (a == b ? 1 : 0);
                }
                cov[a][a] += RIDGE;
            }
            components[c] = new MultivariateMixture.Component(Math.max(count[c], 1) / (double) (codes.length + k),
                    new MultivariateGaussianDistribution(mu, DenseMatrix.of(cov)));
        }
        double[][] x = new double[codes.length][d];
        for (int i = 0; i < codes.length; i++) {
            for (int a = 0; a < d; a++) {
                x[i][a] = codes[i][a];
            }
        }
        return new FullMixture(MultivariateExponentialFamilyMixture.fit(x, components));
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The lower-triangular L with Σ = L Lᵀ: LAPACK's Cholesky (dpotrf) through Smile, on a copy of Σ. */
    private static double[][] lower(DenseMatrix sigma) {
        DenseMatrix factor = sigma.copy().withUplo(smile.linalg.UPLO.LOWER).cholesky().lu();
        int d = sigma.nrow();
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                l[i][j] = factor.get(i, j);
            }
        }
        return l;
    }

    @Override
    public int k() {
        return means.length;
    }

    @Override
    public int dim() {
        return means[0].length;
    }

    @Override
    public float[][] responsibilities(float[][] codes) {
        float[][] out = new float[codes.length][];
        double[] x = new double[dim()];
        for (int i = 0; i < codes.length; i++) {
            for (int a = 0; a < x.length; a++) {
                x[a] = codes[i][a];
            }
            double[] p = mixture.posteriori(x);
            out[i] = new float[p.length];
            for (int c = 0; c < p.length; c++) {
                out[i][c] = (float) p[c];
            }
        }
        return out;
    }

    @Override
    public float[][] hard(float[][] codes) {
        float[][] r = responsibilities(codes);
        for (float[] row : r) {
            int best = argmax(row);
            java.util.Arrays.fill(row, 0f);
            row[best] = 1f;
        }
        return r;
    }

    @Override
    public float[] draw(int c, double temperature, float[] eps) {
        int d = dim();
        float[] z = new float[d];
        for (int a = 0; a < d; a++) {
            double s = 0;
            for (int b = 0; b <= a; b++) {
                s += chol[c][a][b] * eps[b];
            }
            z[a] = (float) (means[c][a] + temperature * s);
        }
        return z;
    }
}
