package org.latentexplorer.embed;

import java.util.Arrays;

/**
 * The k nearest neighbours of every point (the point itself left out), nearest first.
 *
 * @param n    number of points
 * @param k    neighbours per point
 * @param idx  neighbour indices, {@code n × k}, row-major
 * @param dist Euclidean distances, same layout
 */
record KnnGraph(int n, int k, int[] idx, double[] dist) {
    private static final int BLOCK = 256;
    /**
     * From this many points the input neighbours come from NN-descent (approximate, recall ≈ 0.97 on
     * latent codes, see docs/benchmarks-embed.md) instead of the exact vantage-point tree, whose
     * search dominated UMAP and t-SNE at 70,000 points. umap-learn likewise switches to
     * NN-descent above 4,096 points; ours stays exact through 10,000 so small maps do not change.
     */
    static final int APPROXIMATE_FROM = 20_000;

    /** Neighbours for UMAP / t-SNE: exact below {@link #APPROXIMATE_FROM} points, NN-descent from there. */
    static KnnGraph of(double[] x, int dim, int k, long seed, ProgressGate gate) {
        try (Workers workers = new Workers(Runtime.getRuntime().availableProcessors())) {
            return of(x, dim, k, seed, gate, workers);
        }
    }

    /** As {@link #of(double[], int, int, long, ProgressGate)} on the given threads; the graph does not depend on them. */
    static KnnGraph of(double[] x, int dim, int k, long seed, ProgressGate gate, Workers workers) {
        return x.length / dim < APPROXIMATE_FROM
                ? exact(x, dim, k, seed, gate, workers)
                : NnDescent.build(x, dim, k, seed, gate, workers);
    }

    /** Exact neighbours of each of {@code n = x.length / dim} points, by a vantage-point tree. */
    static KnnGraph exact(double[] x, int dim, int k, long seed, ProgressGate gate) {
        try (Workers workers = new Workers(Runtime.getRuntime().availableProcessors())) {
            return exact(x, dim, k, seed, gate, workers);
        }
    }

    /** As {@link #exact(double[], int, int, long, ProgressGate)} on the given threads. */
    static KnnGraph exact(double[] x, int dim, int k, long seed, ProgressGate gate, Workers workers) {
        int n = x.length / dim;
        VpTree tree = new VpTree(x, dim, seed);
        int[] idx = new int[n * k];
        double[] dist = new double[n * k];
        // Queries are independent and the tree is read-only: blocks of queries run in parallel.
        int blocks = (n + BLOCK - 1) / BLOCK;
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        Thread caller = Thread.currentThread();
        workers.forEach(blocks, b -> {
            double[] q = new double[dim];
            for (int i = b * BLOCK, end = Math.min(n, (b + 1) * BLOCK); i < end; i++) {
                System.arraycopy(x, i * dim, q, 0, dim);
                tree.knn(q, k, i, idx, dist, i * k);
            }
            int finished = done.addAndGet(1);
            if (Thread.currentThread() == caller) {
                gate.report("neighbours", finished * BLOCK, n, Double.NaN, null, false);
            }
        });
        return new KnnGraph(n, k, idx, dist);
    }

    /** Neighbours of points outside the tree's set (nothing left out). */
    static KnnGraph query(VpTree tree, double[] queries, int dim, int k) {
        int m = queries.length / dim;
        int[] idx = new int[m * k];
        double[] dist = new double[m * k];
        for (int i = 0; i < m; i++) {
            tree.knn(Arrays.copyOfRange(queries, i * dim, (i + 1) * dim), k, -1, idx, dist, i * k);
        }
        return new KnnGraph(m, k, idx, dist);
    }
}
