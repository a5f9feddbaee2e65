package org.latentexplorer.sample;

/**
 * An affine 2-D plane in latent space: z(u, v) = origin + u·a + v·b. The manifold grid, the map's
 * probe and {@code grid} decode points of such a plane.
 */
public record Plane(float[] origin, float[] a, float[] b, String description) {

    public int dim() {
        return origin.length;
    }

    /** The plane of latent dimensions i and j through {@code origin}. */
    public static Plane ofDims(float[] origin, int i, int j) {
        float[] a = new float[origin.length];
        float[] b = new float[origin.length];
        a[i] = 1;
        b[j] = 1;
        return new Plane(origin.clone(), a, b, "z" + (i + 1) + " × z" + (j + 1));
    }

    /** Writes z(u, v) into {@code out}. */
    public void point(double u, double v, float[] out) {
        for (int k = 0; k < out.length; k++) {
            out[k] = (float) (origin[k] + u * a[k] + v * b[k]);
        }
    }

    public float[] point(double u, double v) {
        float[] z = new float[origin.length];
        point(u, v, z);
        return z;
    }

    public Plane withOrigin(float[] newOrigin) {
        return new Plane(newOrigin.clone(), a, b, description);
    }

    /** Coordinates (u, v) of the orthogonal projection of z onto the plane (a, b orthonormal). */
    public double[] coordinates(float[] z) {
        double u = 0;
        double v = 0;
        for (int k = 0; k < z.length; k++) {
            double d = z[k] - origin[k];
            u += d * a[k];
            v += d * b[k];
        }
        return new double[] {u, v};
    }

    /** The name of the u axis ("z1", "PC1"): the description's part before " × ". */
    public String uName() {
        int i = description.indexOf(" × ");
        return i < 0 ? "u" : description.substring(0, i);
    }

    /** The name of the v axis. */
    public String vName() {
        int i = description.indexOf(" × ");
        return i < 0 ? "v" : description.substring(i + 3);
    }

    /**
     * The n×n codes over [u0−half, u0+half] × [v0−half, v0+half], row by row from the top (largest v) as
     * in Kingma &amp; Welling (2014, Fig. 4) and Chen (2020, Fig. 4.4): the end points are included, like
     * {@code linspace(-4, 4, n)}.
     */
    public float[][] grid(double u0, double v0, double half, int n) {
        float[][] z = new float[n * n][];
        double step = n == 1 ? 0 : 2 * half / (n - 1);
        for (int r = 0; r < n; r++) {
            double v = v0 + half - r * step;
            for (int c = 0; c < n; c++) {
                z[r * n + c] = point(u0 - half + c * step, v);
            }
        }
        return z;
    }

    /** The n values along an axis of {@link #grid}: centre − half … centre + half. */
    public static double[] ticks(double centre, double half, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = centre - half + (n == 1 ? 0 : 2 * half * i / (n - 1));
        }
        return t;
    }

    /** Labels above the columns of {@link #grid}: "z1 = -4" on the first, the value alone on the rest. */
    public java.util.List<String> columnLabels(double u0, double half, int n) {
        double[] t = ticks(u0, half, n);
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(axisLabel(i == 0 ? uName() : "", "u", t[i]));
        }
        return out;
    }

    /** Labels left of the rows of {@link #grid}, top (largest v) first. */
    public java.util.List<String> rowLabels(double v0, double half, int n) {
        double[] t = ticks(v0, half, n);
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            out.add(axisLabel(i == n - 1 ? vName() : "", "v", t[i]));
        }
        return out;
    }

    /** "z1 = -4" (a long axis name becomes u or v), or the value alone; 3 significant digits. */
    private static String axisLabel(String axis, String shortName, double v) {
        String value = formatValue(v);
        return axis.isEmpty() ? value : (axis.length() <= 4 ? axis : shortName) + " = " + value;
    }

    /** A coordinate as an axis shows it: 3 significant digits, no trailing zeros ("-4", "0.364"). */
    public static String formatValue(double v) {
        if (Math.abs(v) >= 1000 && Math.abs(v) < 1e7) {
            return String.format(java.util.Locale.ROOT, "%.0f", v); // "3000", not "3.00e+03"
        }
        String value = String.format(java.util.Locale.ROOT, "%.3g", Math.abs(v) < 1e-9 ? 0 : v);
        return value.contains(".") && !value.contains("e") ? value.replaceAll("0+$", "").replaceAll("\\.$", "") : value;
    }

    /** The plane through the codes' mean spanned by their first two principal axes (PCA through Smile's LAPACK). */
    public static Plane principal(float[][] codes) {
        int d = codes[0].length;
        org.latentexplorer.embed.Pca pca = org.latentexplorer.embed.Pca.fit(codes, Math.min(2, d));
        float[] origin = new float[d];
        float[] a = new float[d];
        float[] b = new float[d];
        for (int k = 0; k < d; k++) {
            origin[k] = (float) pca.mean()[k];
            a[k] = (float) pca.components()[0][k];
            b[k] = d > 1 ? (float) pca.components()[1][k] : 0;
        }
        return new Plane(origin, a, b, "PC1 × PC2");
    }

    /**
     * The plane through the line from z1 to z2 (u runs along it, 0 at its middle, ±½|z2 − z1|... at the
     * ends in units of the normalised direction) and the codes' first principal axis made orthogonal to
     * it (or a basis vector when that axis is parallel).
     */
    public static Plane throughPair(float[] z1, float[] z2, float[][] codes, String name) {
        int d = z1.length;
        float[] a = new float[d];
        float[] origin = new float[d];
        for (int k = 0; k < d; k++) {
            a[k] = z2[k] - z1[k];
            origin[k] = (z1[k] + z2[k]) / 2;
        }
        if (normalise(a) < 1e-9) {
            throw new org.latentexplorer.common.InputException("the two points have the same code");
        }
        Plane pcs = principal(codes);
        float[][] candidates = {pcs.a(), pcs.b(), unit(d, 0), unit(d, 1)};
        float[] b = null;
        for (float[] c : candidates) {
            b = c.clone();
            double dot = 0;
            for (int k = 0; k < d; k++) {
                dot += b[k] * a[k];
            }
            for (int k = 0; k < d; k++) {
                b[k] -= (float) (dot * a[k]);
            }
            if (normalise(b) > 1e-3) {
                break;
            }
        }
        return new Plane(origin, a, b, name + " × principal direction");
    }

    /** The k-th basis vector of R^d (the last when k ≥ d). */
    public static float[] unit(int d, int k) {
        float[] v = new float[d];
        v[Math.min(k, d - 1)] = 1;
        return v;
    }

    private static double normalise(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        if (n > 0) {
            for (int k = 0; k < v.length; k++) {
                v[k] /= (float) n;
            }
        }
        return n;
    }
}
