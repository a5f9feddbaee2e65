package org.latentexplorer.ui.services;

/**
 * Principal axes of latent codes (the two leading eigenvectors of their covariance, by Jacobi
 * rotations: d is at most a few hundred, so a d×d eigenproblem is cheap). The layout keeps the
 * inverse plane, so a point of the map maps back to a latent code for the probe and the manifold.
 * The embed package's PCA replaces the layout part once it is on main; the plane stays here.
 */
public final class Pca {
    private Pca() {
    }

    /** The plane through the codes' mean spanned by their first two principal axes. */
    public static Plane principalPlane(float[][] codes) {
        int n = codes.length;
        int d = codes[0].length;
        double[] mean = new double[d];
        for (float[] z : codes) {
            for (int k = 0; k < d; k++) {
                mean[k] += z[k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= n;
        }
        double[][] cov = new double[d][d];
        double[] c = new double[d];
        for (float[] z : codes) {
            for (int k = 0; k < d; k++) {
                c[k] = z[k] - mean[k];
            }
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    cov[i][j] += c[i] * c[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                cov[i][j] /= Math.max(1, n - 1);
                cov[j][i] = cov[i][j];
            }
        }
        double[][] vectors = new double[d][d];
        double[] values = jacobi(cov, vectors);
        int first = -1;
        int second = -1;
        for (int k = 0; k < d; k++) {
            if (first < 0 || values[k] > values[first]) {
                second = first;
                first = k;
            } else if (second < 0 || values[k] > values[second]) {
                second = k;
            }
        }
        float[] origin = new float[d];
        float[] a = new float[d];
        float[] b = new float[d];
        for (int k = 0; k < d; k++) {
            origin[k] = (float) mean[k];
            a[k] = (float) vectors[k][first];
            b[k] = d > 1 ? (float) vectors[k][second] : 0;
        }
        return new Plane(origin, a, b, "PC1 × PC2");
    }

    /** The PCA layout of {@code codes}: coordinates on the principal plane. */
    public static Projection project(float[][] codes) {
        Plane plane = principalPlane(codes);
        float[] x = new float[codes.length];
        float[] y = new float[codes.length];
        for (int i = 0; i < codes.length; i++) {
            double[] uv = plane.coordinates(codes[i]);
            x[i] = (float) uv[0];
            y[i] = (float) uv[1];
        }
        return new Projection(ProjectionSpec.PCA, "first two principal axes of " + codes[0].length + "-d codes",
                x, y, plane);
    }

    /** Cyclic Jacobi eigenvalue method for a symmetric matrix; eigenvectors go to the columns of {@code v}. */
    static double[] jacobi(double[][] m, double[][] v) {
        int d = m.length;
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = m[i].clone();
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-22) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double cs = 1 / Math.sqrt(t * t + 1);
                    double sn = t * cs;
                    for (int k = 0; k < d; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = cs * akp - sn * akq;
                        a[k][q] = sn * akp + cs * akq;
                    }
                    for (int k = 0; k < d; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = cs * apk - sn * aqk;
                        a[q][k] = sn * apk + cs * aqk;
                    }
                    for (int k = 0; k < d; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = cs * vkp - sn * vkq;
                        v[k][q] = sn * vkp + cs * vkq;
                    }
                }
            }
        }
        double[] values = new double[d];
        for (int i = 0; i < d; i++) {
            values[i] = a[i][i];
        }
        return values;
    }
}
