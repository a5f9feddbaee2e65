package org.latentexplorer.ui.services;

/**
 * An affine 2-D plane in latent space: z(u, v) = origin + u·a + v·b. The manifold grid and the
 * map's probe decode points of such a plane.
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
}
