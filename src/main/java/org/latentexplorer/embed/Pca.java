package org.latentexplorer.embed;

import org.latentexplorer.common.InputException;

/**
 * Principal components of row-major data in pure Java: the covariance matrix (d × d, small for latent
 * codes) is diagonalised with the cyclic Jacobi method (Golub and Van Loan, <i>Matrix Computations</i>,
 * 4th ed., sec. 8.5). Smile's PCA would call LAPACK through a native library (see
 * {@link Embeddings}), which this avoids.
 *
 * @param mean       column means, length d
 * @param components the leading unit eigenvectors, {@code m × d}, by decreasing variance
 * @param variance   the matching eigenvalues (variance along each component)
 */
record Pca(double[] mean, double[][] components, double[] variance) {

    /** The {@code m} leading components of {@code n = x.length / dim} rows. */
    static Pca fit(double[] x, int dim, int m) {
        int n = x.length / dim;
        if (m > dim) {
            throw new InputException("PCA needs at least " + m + " dimensions, the codes have " + dim);
        }
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                mean[d] += x[i * dim + d];
            }
        }
        for (int d = 0; d < dim; d++) {
            mean[d] /= n;
        }
        double[][] cov = new double[dim][dim];
        double[] row = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                row[d] = x[i * dim + d] - mean[d];
            }
            for (int a = 0; a < dim; a++) {
                double ra = row[a];
                double[] ca = cov[a];
                for (int b = a; b < dim; b++) {
                    ca[b] += ra * row[b];
                }
            }
        }
        for (int a = 0; a < dim; a++) {
            for (int b = a; b < dim; b++) {
                cov[a][b] /= Math.max(1, n - 1);
                cov[b][a] = cov[a][b];
            }
        }
        double[][] vectors = new double[dim][dim];
        double[] values = jacobi(cov, vectors);
        Integer[] order = new Integer[dim];
        for (int i = 0; i < dim; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
        double[][] comps = new double[m][dim];
        double[] var = new double[m];
        for (int c = 0; c < m; c++) {
            int col = order[c];
            var[c] = Math.max(0, values[col]);
            // Fix the sign so that the largest entry is positive: the same data gives the same map.
            int big = 0;
            for (int d = 0; d < dim; d++) {
                if (Math.abs(vectors[d][col]) > Math.abs(vectors[big][col])) {
                    big = d;
                }
            }
            double sign = vectors[big][col] < 0 ? -1 : 1;
            for (int d = 0; d < dim; d++) {
                comps[c][d] = sign * vectors[d][col];
            }
        }
        return new Pca(mean, comps, var);
    }

    /** Projects {@code n} rows onto the components: {@code n × m}, row-major. */
    double[] project(double[] x, int dim) {
        int n = x.length / dim;
        int m = components.length;
        double[] out = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < m; c++) {
                double s = 0;
                double[] v = components[c];
                for (int d = 0; d < dim; d++) {
                    s += (x[i * dim + d] - mean[d]) * v[d];
                }
                out[i * m + c] = s;
            }
        }
        return out;
    }

    /**
     * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations (Golub and Van Loan,
     * Algorithm 8.5.3). {@code a} is destroyed; eigenvectors go to the columns of {@code v}.
     */
    private static double[] jacobi(double[][] a, double[][] v) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double total = 0;
            for (int p = 0; p < n; p++) {
                for (int q = 0; q < n; q++) {
                    total += a[p][q] * a[p][q];
                    if (p != q) {
                        off += a[p][q] * a[p][q];
                    }
                }
            }
            if (off <= 1e-30 * Math.max(total, 1e-300)) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    // Symmetric Schur decomposition of the 2 × 2 block (G&VL Algorithm 8.5.1).
                    double tau = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(tau) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
                    if (tau == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return values;
    }
}
