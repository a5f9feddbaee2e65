package org.latentexplorer.embed;

import java.util.Objects;
import org.latentexplorer.common.InputException;

/**
 * A 2-D map of latent codes, and what is needed to place new codes on it.
 *
 * <p>Arrays are shared, not copied: treat them as read-only.
 *
 * @param options the method and parameters that made the map
 * @param xy      map coordinates, {@code n × 2}, in the order of the codes
 * @param cost    final objective (t-SNE: KL divergence), or {@code NaN}
 * @param model   method-specific numbers: PCA: the mean (d values) then the two axes (2·d values);
 *                UMAP: the curve parameters a, b; otherwise empty
 * @param codes   the codes the map was made from ({@code n × d}); {@link #transform} needs them
 */
public record Embedding(EmbedOptions options, float[][] xy, double cost, double[] model, float[][] codes) {
    public Embedding {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(xy, "xy");
        model = model == null ? new double[0] : model;
        if (codes != null && codes.length != xy.length) {
            throw new IllegalArgumentException(codes.length + " codes for a map of " + xy.length + " points");
        }
    }

    public EmbedMethod method() {
        return options.method();
    }

    /** Number of points on the map. */
    public int size() {
        return xy.length;
    }

    /** The map's coordinates as {@code x0, y0, x1, y1, …}. */
    public float[] flat() {
        float[] f = new float[2 * xy.length];
        for (int i = 0; i < xy.length; i++) {
            f[2 * i] = xy[i][0];
            f[2 * i + 1] = xy[i][1];
        }
        return f;
    }

    /**
     * Places new codes (an inpainted image, a probe) on this map without moving the existing points.
     * PCA and the latent axes project them exactly; UMAP places each at the membership-weighted mean
     * of its nearest codes' positions and refines it by UMAP's gradient steps against the fixed map
     * (as umap-learn's {@code transform}); t-SNE, which has no out-of-sample map, places it at the
     * perplexity-weighted mean of its nearest codes' positions.
     *
     * @param newCodes codes of the same dimension as the map's codes, finite
     * @return their positions, {@code m × 2}
     */
    public float[][] transform(float[][] newCodes) {
        int dim = codes == null || codes.length == 0 ? -1 : codes[0].length;
        if (dim < 0 && method() != EmbedMethod.LATENT_AXES && method() != EmbedMethod.PCA) {
            throw new IllegalStateException("this map was loaded without its codes; pass them to the cache");
        }
        if (newCodes.length == 0) {
            return new float[0][2];
        }
        int d = newCodes[0].length;
        if (dim >= 0 && d != dim) {
            throw new InputException("new codes have " + d + " dimensions, the map's codes have " + dim);
        }
        double[] q = Embeddings.flatten(newCodes, "new codes");
        double[] out = switch (options) {
            case PcaOptions p -> projectPca(q, d);
            case AxesOptions a -> Embeddings.axes(q, d, a);
            case TsneOptions t -> Placement.weightedMean(Embeddings.flatten(codes, "codes"), dim, flatDouble(), q,
                    Math.min(codes.length - 1, 15), Math.min(t.perplexity(), 5));
            case UmapOptions u -> Placement.umap(Embeddings.flatten(codes, "codes"), dim, flatDouble(), q, u,
                    model[0], model[1]);
        };
        return Embeddings.toRows(out);
    }

    private double[] projectPca(double[] q, int d) {
        if (model.length != 3 * d) {
            throw new InputException("new codes have " + d + " dimensions, the map's codes have " + model.length / 3);
        }
        int m = q.length / d;
        double[] out = new double[2 * m];
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < 2; c++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += (q[i * d + k] - model[k]) * model[d + c * d + k];
                }
                out[2 * i + c] = s;
            }
        }
        return out;
    }

    private double[] flatDouble() {
        double[] f = new double[2 * xy.length];
        for (int i = 0; i < xy.length; i++) {
            f[2 * i] = xy[i][0];
            f[2 * i + 1] = xy[i][1];
        }
        return f;
    }
}
