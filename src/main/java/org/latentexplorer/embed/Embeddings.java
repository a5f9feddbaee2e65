package org.latentexplorer.embed;

import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;

/**
 * The single entry point that makes 2-D maps of latent codes: PCA, t-SNE, UMAP, or two latent axes.
 *
 * <h2>Native libraries</h2>
 * PCA diagonalises the small d × d covariance with LAPACK through Smile ({@link Pca}); Smile's BLAS,
 * LAPACK and ARPACK are the project's own ({@code platform/NativeMaths}). UMAP is our own, with a PCA
 * initial layout (ten times faster than umap-learn, docs/benchmarks-embed.md); t-SNE uses Smile's
 * exact {@link smile.manifold.TSNE} for small n and our Barnes-Hut t-SNE above.
 *
 * <h2>Bad input</h2>
 * Fewer than 3 codes, codes of unequal length, NaN or infinite values, all codes identical,
 * perplexity ≥ n / 3 and UMAP neighbours ≥ n are rejected with an {@link InputException} naming the
 * problem. Some identical codes among others are fine: they land at (nearly) the same place.
 */
public final class Embeddings {
    private Embeddings() {
    }

    /**
     * Makes a 2-D map of the codes.
     *
     * @param codes    one row per point, all the same length d ≥ 1 (≥ 2 for PCA), finite; not modified
     * @param options  the method and its parameters, e.g. {@code new UmapOptions()}
     * @param listener progress and intermediate layouts, on the calling thread; may be null
     * @param cancel   checked every iteration; may be null
     * @return the map, in the order of the codes
     * @throws InputException if the codes or parameters cannot make a map (message for the user)
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public static Embedding fit(float[][] codes, EmbedOptions options, EmbedListener listener, CancelToken cancel) {
        CancelToken token = cancel == null ? CancelToken.NONE : cancel;
        ProgressGate gate = new ProgressGate(listener, token);
        double[] x = flatten(codes, "codes");
        int n = codes.length;
        int dim = codes[0].length;
        checkUsable(x, n, dim, options);
        return switch (options) {
            case PcaOptions p -> {
                Pca pca = Pca.fit(x, dim, 2);
                double[] model = new double[3 * dim];
                System.arraycopy(pca.mean(), 0, model, 0, dim);
                System.arraycopy(pca.components()[0], 0, model, dim, dim);
                System.arraycopy(pca.components()[1], 0, model, 2 * dim, dim);
                double[] y = pca.project(x, dim);
                gate.report("layout", 1, 1, Double.NaN, y, true);
                yield new Embedding(p, toRows(y), Double.NaN, model, codes);
            }
            case AxesOptions a -> {
                double[] y = axes(x, dim, a);
                gate.report("layout", 1, 1, Double.NaN, y, true);
                yield new Embedding(a, toRows(y), Double.NaN, null, codes);
            }
            case TsneOptions t -> {
                BarnesHutTsne.Result r = n <= t.exactMaxPoints()
                        ? ExactTsne.fit(x, dim, t, gate, token)
                        : BarnesHutTsne.fit(x, dim, t, gate);
                yield new Embedding(t, toRows(r.y()), r.kl(), null, codes);
            }
            case UmapOptions u -> {
                Umap.Result r = Umap.fit(x, dim, u, gate);
                yield new Embedding(u, toRows(r.y()), Double.NaN, new double[] {r.a(), r.b()}, codes);
            }
        };
    }

    private static void checkUsable(double[] x, int n, int dim, EmbedOptions options) {
        if (n < 3) {
            throw new InputException("a map needs at least 3 codes, got " + n);
        }
        boolean allSame = true;
        for (int i = 1; i < n && allSame; i++) {
            for (int c = 0; c < dim; c++) {
                if (x[i * dim + c] != x[c]) {
                    allSame = false;
                    break;
                }
            }
        }
        if (allSame && !(options instanceof AxesOptions)) {
            throw new InputException("all " + n + " codes are identical: there is no structure to map");
        }
        switch (options) {
            case TsneOptions t when t.perplexity() * 3 >= n -> throw new InputException(String.format(
                    "perplexity %s is too large for %d codes: it must be below n / 3 = %.1f", t.perplexity(), n, n / 3.0));
            case UmapOptions u when u.neighbors() >= n -> throw new InputException(
                    "UMAP neighbours " + u.neighbors() + " must be below the number of codes, " + n);
            case PcaOptions p when dim < 2 -> throw new InputException("PCA needs codes of at least 2 dimensions, got " + dim);
            case AxesOptions a when Math.max(a.xDim(), a.yDim()) >= dim -> throw new InputException(
                    "latent dimension " + Math.max(a.xDim(), a.yDim()) + " does not exist: the codes have " + dim);
            default -> { }
        }
    }

    /** Row-major copy of the codes as doubles, rejecting ragged rows and non-finite values. */
    static double[] flatten(float[][] rows, String what) {
        if (rows == null || rows.length == 0) {
            throw new InputException("a map needs at least 3 codes, got 0");
        }
        int dim = rows[0].length;
        if (dim == 0) {
            throw new InputException(what + " have no dimensions");
        }
        double[] x = new double[rows.length * dim];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != dim) {
                throw new InputException(what + ": row " + i + " has " + rows[i].length + " values, row 0 has " + dim);
            }
            for (int c = 0; c < dim; c++) {
                float v = rows[i][c];
                if (!Float.isFinite(v)) {
                    throw new InputException(what + ": row " + i + ", dimension " + c + " is " + v
                            + "; remove or repair non-finite codes before mapping");
                }
                x[i * dim + c] = v;
            }
        }
        return x;
    }

    static double[] axes(double[] x, int dim, AxesOptions a) {
        if (Math.max(a.xDim(), a.yDim()) >= dim) {
            throw new InputException("latent dimension " + Math.max(a.xDim(), a.yDim()) + " does not exist: the codes have " + dim);
        }
        int n = x.length / dim;
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            y[2 * i] = x[i * dim + a.xDim()];
            y[2 * i + 1] = x[i * dim + a.yDim()];
        }
        return y;
    }

    static float[][] toRows(double[] y) {
        float[][] r = new float[y.length / 2][2];
        for (int i = 0; i < r.length; i++) {
            r[i][0] = (float) y[2 * i];
            r[i][1] = (float) y[2 * i + 1];
        }
        return r;
    }
}
