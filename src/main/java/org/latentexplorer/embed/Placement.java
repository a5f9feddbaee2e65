package org.latentexplorer.embed;

/** Placing new codes on an existing t-SNE or UMAP map (see {@link Embedding#transform}). */
final class Placement {
    private Placement() {
    }

    /**
     * Each query at Σ_j p_j y_j over its {@code k} nearest codes, with p_j the Gaussian conditional
     * probabilities calibrated to the given perplexity (van der Maaten and Hinton, JMLR 9, 2008, eq. 1).
     */
    static double[] weightedMean(double[] codes, int dim, double[] y, double[] q, int k, double perplexity) {
        VpTree tree = new VpTree(codes, dim, 1);
        KnnGraph knn = KnnGraph.query(tree, q, dim, k);
        int m = knn.n();
        double[] out = new double[2 * m];
        double[] d2 = new double[k];
        double[] p = new double[k];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                double d = knn.dist()[i * k + j];
                d2[j] = d * d;
            }
            TsneAffinities.calibrate(d2, k, Math.min(perplexity, k - 0.5), p, 0);
            for (int j = 0; j < k; j++) {
                int nb = knn.idx()[i * k + j];
                out[2 * i] += p[j] * y[2 * nb];
                out[2 * i + 1] += p[j] * y[2 * nb + 1];
            }
        }
        return out;
    }

    /**
     * umap-learn's {@code transform}: memberships to the {@code neighbors} nearest codes (McInnes et al.
     * 2018, sec. 3.1), start at their weighted mean, then SGD against the fixed map (100 epochs up to
     * 10,000 points, else 30).
     */
    static double[] umap(double[] codes, int dim, double[] y, double[] q, UmapOptions o, double a, double b) {
        int n = codes.length / dim;
        int k = Math.min(o.neighbors(), n);
        VpTree tree = new VpTree(codes, dim, o.seed());
        KnnGraph knn = KnnGraph.query(tree, q, dim, k);
        int m = knn.n();
        double meanAll = 0;
        for (double d : knn.dist()) {
            meanAll += d;
        }
        meanAll /= Math.max(1, knn.dist().length);
        double[] out = new double[2 * m];
        int[] head = new int[m * k];
        int[] tail = new int[m * k];
        double[] w = new double[m * k];
        for (int i = 0; i < m; i++) {
            double[] rs = UmapGraph.rhoSigma(knn.dist(), i * k, k, k, meanAll);
            double sum = 0;
            for (int j = 0; j < k; j++) {
                int e = i * k + j;
                w[e] = UmapGraph.membership(knn.dist()[e], rs[0], rs[1]);
                head[e] = i;
                tail[e] = knn.idx()[e];
                sum += w[e];
            }
            for (int j = 0; j < k; j++) {
                int e = i * k + j;
                out[2 * i] += w[e] / sum * y[2 * tail[e]];
                out[2 * i + 1] += w[e] / sum * y[2 * tail[e] + 1];
            }
        }
        int epochs = n <= 10_000 ? 100 : 30;
        // umap-learn starts transform at a quarter of the fitting learning rate.
        Umap.optimise(head, tail, w, out, y.clone(), false, a, b, epochs, 0.25, o.seed(),
                new ProgressGate(EmbedListener.NONE, null));
        return out;
    }
}
