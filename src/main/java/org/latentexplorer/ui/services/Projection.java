package org.latentexplorer.ui.services;

import org.latentexplorer.sample.Plane;

/**
 * A 2-D layout of latent codes: point i is at ({@code x[i]}, {@code y[i]}).
 *
 * @param method  the method's name as shown to the user ("identity", "PCA", "t-SNE", "UMAP")
 * @param params  its parameters as shown to the user ("perplexity 30, 1000 iterations")
 * @param inverse the affine map from the layout back to latent space, or null when the method has none
 *                (t-SNE, UMAP): the probe needs it
 */
public record Projection(String method, String params, float[] x, float[] y, Plane inverse) {
    public int size() {
        return x.length;
    }
}
