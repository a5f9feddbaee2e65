package org.latentexplorer.embed;

import org.latentexplorer.common.InputException;
import smile.linalg.UPLO;
import smile.tensor.DenseMatrix;
import smile.tensor.EVD;

/**
 * Principal components of row-major data: the covariance matrix (d × d, small for latent codes) is
 * diagonalised by LAPACK through Smile (until 2026-12 a hand-written Jacobi solver stood here, because
 * Smile's natives could not be found on a fresh machine; {@code platform/NativeMaths} now brings them).
 *
 * @param mean       column means, length d
 * @param components the leading unit eigenvectors, {@code m × d}, by decreasing variance
 * @param variance   the matching eigenvalues (variance along each component)
 */
public record Pca(double[] mean, double[][] components, double[] variance) {

    /** The {@code m} leading components of the rows of {@code codes} (all of one width). */
    public static Pca fit(float[][] codes, int m) {
        int dim = codes[0].length;
        double[] x = new double[codes.length * dim];
        for (int i = 0; i < codes.length; i++) {
            for (int d = 0; d < dim; d++) {
                x[i * dim + d] = codes[i][d];
            }
        }
        return fit(x, dim, m);
    }

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
        double[] values = symmetricEigen(cov, vectors);
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
     * Eigenvalues of the symmetric matrix {@code a} (returned) and its eigenvectors (the columns of
     * {@code v}), by LAPACK's {@code dsyevd} through Smile, on the project's own OpenBLAS
     * ({@code platform/NativeMaths}).
     */
    private static double[] symmetricEigen(double[][] a, double[][] v) {
        int n = a.length;
        EVD evd = DenseMatrix.of(a).withUplo(UPLO.LOWER).eigen();
        double[] values = new double[n];
        for (int c = 0; c < n; c++) {
            values[c] = evd.wr().get(c);
            for (int r = 0; r < n; r++) {
                v[r][c] = evd.Vr().get(r, c);
            }
        }
        return values;
    }
}
