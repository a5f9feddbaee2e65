package org.latentexplorer.embed;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latentexplorer.common.InputException;

/**
 * Options of UMAP (McInnes, Healy and Melville, "UMAP: Uniform Manifold Approximation and Projection
 * for Dimension Reduction", arXiv:1802.03426, 2018), with umap-learn 0.5's defaults.
 *
 * @param neighbors      size of the local neighbourhood, counting the point itself, 2 to 200; must be
 *                       below n; default 15
 * @param minDist        smallest distance between points in the map, 0 (inclusive) to 1 (exclusive)
 *                       (spread is 1); default 0.1
 * @param epochs         optimisation epochs, 0 for auto (500 up to 10,000 points, else 200), else 10 to
 *                       10,000; default 0
 * @param seed           random seed (initial jitter, negative sampling, neighbour search); default 42
 */
public record UmapOptions(int neighbors, double minDist, int epochs, long seed) implements EmbedOptions {
    public UmapOptions {
        if (neighbors < 2 || neighbors > 200) {
            throw new InputException("UMAP neighbours must be between 2 and 200, got " + neighbors);
        }
        if (!(minDist >= 0 && minDist < 1)) {
            throw new InputException("UMAP min-dist must be at least 0 and below 1, got " + minDist);
        }
        if (epochs != 0 && (epochs < 10 || epochs > 10_000)) {
            throw new InputException("UMAP epochs must be 0 (auto) or between 10 and 10000, got " + epochs);
        }
    }

    /** Defaults: 15 neighbours, min-dist 0.1, auto epochs, seed 42. */
    public UmapOptions() {
        this(15, 0.1, 0, 42);
    }

    /** The same options with another seed. */
    public UmapOptions withSeed(long newSeed) {
        return new UmapOptions(neighbors, minDist, epochs, newSeed);
    }

    /** Epochs used for {@code n} points (umap-learn's rule when {@code epochs} is 0). */
    public int epochsFor(int n) {
        return epochs > 0 ? epochs : (n <= 10_000 ? 500 : 200);
    }

    @Override
    public EmbedMethod method() {
        return EmbedMethod.UMAP;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("neighbors", Integer.toString(neighbors));
        m.put("minDist", Double.toString(minDist));
        m.put("epochs", epochs > 0 ? Integer.toString(epochs) : "auto");
        m.put("seed", Long.toString(seed));
        return m;
    }
}
