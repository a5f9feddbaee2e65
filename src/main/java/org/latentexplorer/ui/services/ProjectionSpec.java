package org.latentexplorer.ui.services;

import java.util.Map;

/** Which projection to run and with what parameters (e.g. {@code perplexity}, {@code iterations}). */
public record ProjectionSpec(String method, Map<String, Number> params) {
    public static final String PCA = "PCA";
    public static final String TSNE = "t-SNE";
    public static final String UMAP = "UMAP";

    public ProjectionSpec {
        params = Map.copyOf(params == null ? Map.of() : params);
    }

    public static ProjectionSpec pca() {
        return new ProjectionSpec(PCA, Map.of());
    }
}
