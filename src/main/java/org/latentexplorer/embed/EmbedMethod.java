package org.latentexplorer.embed;

import java.util.Locale;
import org.latentexplorer.common.InputException;

/** The projections of latent codes onto a 2-D map. */
public enum EmbedMethod {
    /** Principal component analysis: the two directions of largest variance. Linear, instant. */
    PCA("pca"),
    /** t-distributed stochastic neighbour embedding (exact for small n, Barnes-Hut above). */
    TSNE("tsne"),
    /** Uniform manifold approximation and projection. */
    UMAP("umap"),
    /** Two chosen latent dimensions used as they are (the natural map of a 2-D latent space). */
    LATENT_AXES("axes");

    private final String cliName;

    EmbedMethod(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in cache keys: {@code pca}, {@code tsne}, {@code umap}, {@code axes}. */
    public String cliName() {
        return cliName;
    }

    /** Parses a command-line name (case-insensitive). */
    public static EmbedMethod parse(String name) {
        String s = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (EmbedMethod m : values()) {
            if (m.cliName.equals(s)) {
                return m;
            }
        }
        throw new InputException("unknown embedding method '" + name + "': use pca, tsne, umap or axes");
    }
}
