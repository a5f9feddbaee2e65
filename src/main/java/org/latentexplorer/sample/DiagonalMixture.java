package org.latentexplorer.sample;

import smile.clustering.CentroidClustering;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * A mixture of K diagonal Gaussians over d-dimensional codes: weights π_k, means μ_k, variances σ²_k.
 * Made by k-means (Smile's, k-means++ seeded: Arthur &amp; Vassilvitskii 2007; pure Java, no native
 * BLAS) and refined by EM (Bishop 2006, §9.2.2, eqs. 9.23–9.27 with diagonal covariances).
 *
 * @param weights   π_k, summing to 1
 * @param means     μ_k, K × d
 * @param variances σ²_k, K × d, each at least {@link #VAR_FLOOR}
 */
public record DiagonalMixture(double[] weights, double[][] means, double[][] variances) implements Mixture {
    /** Keeps a component from collapsing onto one point. */
    public static final double VAR_FLOOR = 1e-4;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    @Override
    public int k() {
        return weights.length;
    }

    @Override
    public int dim() {
        return means[0].length;
    }

    /** k-means clusters as a mixture: sizes as weights, within-cluster variances per dimension. */
    static DiagonalMixture kMeans(float[][] codes, int k, long seed) {
        double[][] x = toDouble(codes);
        MathEx.setSeed(seed);
        CentroidClustering<double[], double[]> km = KMeans.fit(x, k, 100);
        int d = x[0].length;
        double[] w = new double[k];
        double[][] mu = new double[k][];
        double[][] var = new double[k][d];
        for (int c = 0; c < k; c++) {
            mu[c] = km.center(c).clone();
        }
        int[] count = new int[k];
        for (int i = 0; i < x.length; i++) {
            int c = km.group(i);
            count[c]++;
            for (int j = 0; j < d; j++) {
                double diff = x[i][j] - mu[c][j];
                var[c][j] += diff * diff;
            }
        }
        for (int c = 0; c < k; c++) {
            w[c] = Math.max(count[c], 1) / (double) (x.length + k);
            for (int j = 0; j < d; j++) {
                var[c][j] = Math.max(VAR_FLOOR, count[c] > 1 ? var[c][j] / count[c] : 1.0);
            }
        }
        double s = java.util.Arrays.stream(w).sum();
        for (int c = 0; c < k; c++) {
            w[c] /= s;
        }
        return new DiagonalMixture(w, mu, var);
    }

    /** EM from this mixture until the mean log-likelihood gains less than {@code tol} per step. */
    DiagonalMixture em(float[][] codes, int maxIter, double tol) {
        double[][] x = toDouble(codes);
        int n = x.length, k = k(), d = dim();
        double[] w = weights.clone();
        double[][] mu = deepCopy(means);
        double[][] var = deepCopy(variances);
        double[][] r = new double[n][k];
        double prev = Double.NEGATIVE_INFINITY;
        for (int it = 0; it < maxIter; it++) {
            // E step: r_ik ∝ π_k N(x_i; μ_k, σ²_k) (Bishop 2006, eq. 9.23).
            double ll = 0;
            for (int i = 0; i < n; i++) {
                ll += logPosterior(x[i], w, mu, var, r[i]);
            }
            ll /= n;
            // M step (eqs. 9.24–9.26, diagonal).
            for (int c = 0; c < k; c++) {
                double nk = 1e-10;
                double[] m = new double[d];
                for (int i = 0; i < n; i++) {
                    nk += r[i][c];
                    for (int j = 0; j < d; j++) {
                        m[j] += r[i][c] * x[i][j];
                    }
                }
                double[] v = new double[d];
                for (int j = 0; j < d; j++) {
                    m[j] /= nk;
                }
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < d; j++) {
                        double diff = x[i][j] - m[j];
                        v[j] += r[i][c] * diff * diff;
                    }
                }
                for (int j = 0; j < d; j++) {
                    v[j] = Math.max(VAR_FLOOR, v[j] / nk);
                }
                w[c] = nk / n;
                mu[c] = m;
                var[c] = v;
            }
            if (ll - prev < tol) {
                break;
            }
            prev = ll;
        }
        return new DiagonalMixture(w, mu, var);
    }

    /** Fills {@code r} with the posterior over components of {@code x} and returns log p(x). */
    private static double logPosterior(double[] x, double[] w, double[][] mu, double[][] var, double[] r) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double s = Math.log(Math.max(w[c], 1e-300));
            for (int j = 0; j < x.length; j++) {
                double diff = x[j] - mu[c][j];
                s -= 0.5 * (LOG_2PI + Math.log(var[c][j]) + diff * diff / var[c][j]);
            }
            r[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < w.length; c++) {
            r[c] = Math.exp(r[c] - max);
            sum += r[c];
        }
        for (int c = 0; c < w.length; c++) {
            r[c] /= sum;
        }
        return max + Math.log(sum);
    }

    /** Soft responsibilities of each code. */
    @Override
    public float[][] responsibilities(float[][] codes) {
        float[][] out = new float[codes.length][k()];
        double[] r = new double[k()];
        for (int i = 0; i < codes.length; i++) {
            logPosterior(toDouble(new float[][]{codes[i]})[0], weights, means, variances, r);
            for (int c = 0; c < r.length; c++) {
                out[i][c] = (float) r[c];
            }
        }
        return out;
    }

    /** One-hot nearest-mean assignment (k-means). */
    @Override
    public float[][] hard(float[][] codes) {
        float[][] out = new float[codes.length][k()];
        for (int i = 0; i < codes.length; i++) {
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k(); c++) {
                double dist = 0;
                for (int j = 0; j < dim(); j++) {
                    double diff = codes[i][j] - means[c][j];
                    dist += diff * diff;
                }
                if (dist < bestD) {
                    bestD = dist;
                    best = c;
                }
            }
            out[i][best] = 1f;
        }
        return out;
    }

    /** μ_c + T σ_c ε. */
    @Override
    public float[] draw(int c, double temperature, float[] eps) {
        float[] z = new float[dim()];
        for (int j = 0; j < z.length; j++) {
            z[j] = (float) (means[c][j] + temperature * Math.sqrt(variances[c][j]) * eps[j]);
        }
        return z;
    }

    private static double[][] toDouble(float[][] a) {
        double[][] x = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            x[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                x[i][j] = a[i][j];
            }
        }
        return x;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
