package org.latentexplorer.ui.services;

import org.latentexplorer.sample.Plane;

/**
 * Principal axes of latent codes, from {@link org.latentexplorer.embed.Pca}. The layout keeps the
 * inverse plane, so a point of the map maps back to a latent code for the probe and the manifold.
 */
public final class Pca {
    private Pca() {
    }

    /** The plane through the codes' mean spanned by their first two principal axes. */
    public static Plane principalPlane(float[][] codes) {
        return Plane.principal(codes);
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
}
