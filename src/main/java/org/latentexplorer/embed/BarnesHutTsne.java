package org.latentexplorer.embed;

/**
 * Barnes-Hut t-SNE (van der Maaten, "Accelerating t-SNE using Tree-Based Algorithms", JMLR 15,
 * 3221–3245, 2014): sparse input similarities over 3·perplexity nearest neighbours (sec. 4.1) and a
 * quadtree estimate of the repulsive forces (sec. 4.2), O(n log n) per iteration. The optimiser
 * follows scikit-learn 1.2 ({@code sklearn/manifold/_t_sne.py}): PCA initialisation scaled to standard
 * deviation 1e-4, 250 iterations with early exaggeration and momentum 0.5, then momentum 0.8, and the
 * delta-bar-delta gains of Jacobs (Neural Networks 1, 1988) with minimum gain 0.01.
 */
final class BarnesHutTsne {
    private static final int BLOCK = 512;
    /** From this many points the work is split over {@link TsneOptions#threadCount()} threads (it helps
     * only when a second core is free; below, the fork-join overhead is not worth it). */
    static final int PARALLEL_FROM = 5000;
    private BarnesHutTsne() {
    }

    /** Embeds {@code n = x.length / dim} rows; returns the flat layout and the final KL divergence. */
    static Result fit(double[] x, int dim, TsneOptions o, ProgressGate gate) {
        int n = x.length / dim;
        int k = Math.min(n - 1, (int) (3 * o.perplexity()));
        try (Workers workers = new Workers(n >= PARALLEL_FROM ? o.threadCount() : 1)) {
            KnnGraph knn = KnnGraph.of(x, dim, k, o.seed(), gate, workers);
            gate.report("affinities", 0, 1, Double.NaN, null, true);
            TsneAffinities p = TsneAffinities.symmetric(knn, TsneAffinities.conditional(knn, o.perplexity()));
            double[] y = initialLayout(x, dim);
            double kl = optimise(p, y, o, gate, workers);
            return new Result(y, kl);
        }
    }

    /** The flat layout and final cost. */
    record Result(double[] y, double kl) {
    }

    /** PCA of the codes, scaled so that the first coordinate has standard deviation 1e-4 (as scikit-learn). */
    static double[] initialLayout(double[] x, int dim) {
        int n = x.length / dim;
        double[] y;
        if (dim >= 2) {
            y = Pca.fit(x, dim, 2).project(x, dim);
        } else {
            y = new double[2 * n];
            for (int i = 0; i < n; i++) {
                y[2 * i] = x[i];
                y[2 * i + 1] = 0;
            }
        }
        double s = 0;
        double m = 0;
        for (int i = 0; i < n; i++) {
            m += y[2 * i];
        }
        m /= n;
        for (int i = 0; i < n; i++) {
            s += (y[2 * i] - m) * (y[2 * i] - m);
        }
        double sd = Math.sqrt(s / n);
        double scale = sd > 0 ? 1e-4 / sd : 0;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(n);
        for (int i = 0; i < y.length; i++) {
            y[i] = scale > 0 ? y[i] * scale : 1e-4 * (rnd.nextDouble() - 0.5);
        }
        return y;
    }

    /**
     * Gradient descent on KL(P || Q); returns the final KL divergence. Per iteration the points are cut
     * into fixed blocks of {@link #BLOCK} (in the tree's Z-order); each block computes its points'
     * forces alone, each point's sum in one fixed order, and the normalisation Z is added up over the
     * blocks in block order, so the map is the same whatever the number of threads.
     */
    static double optimise(TsneAffinities p, double[] y, TsneOptions o, ProgressGate gate, Workers workers) {
        int n = y.length / 2;
        int[] rowPtr = p.rowPtr();
        int[] col = p.col();
        double[] val = p.val();
        double eta = o.learningRateFor(n);
        double theta = o.theta();
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        java.util.Arrays.fill(gains, 1);
        double[] attr = new double[2 * n];
        double[] rep = new double[2 * n];
        int blocks = (n + BLOCK - 1) / BLOCK;
        double[] blockSum = new double[blocks];
        int[][] stacks = new int[blocks][];
        QuadTree tree = new QuadTree(4 * n);
        int total = o.iterations();
        double kl = Double.NaN;
        for (int iter = 0; iter < total; iter++) {
            boolean exploring = iter < TsneOptions.EXAGGERATION_ITERATIONS;
            double exag = exploring ? o.earlyExaggeration() : 1;
            double momentum = exploring ? 0.5 : 0.8;
            boolean wantCost = iter == total - 1 || gate.due();

            tree.build(y);
            int[] order = tree.order();
            // One pass per point, given the tree: the Barnes-Hut repulsion Σ q̃² (y_i − y_j) and Σ q̃
            // (2014, eq. 3–4), and the attraction Σ_j p_ij q̃_ij (y_i − y_j) over the sparse P, which
            // does not need Z.
            workers.forEach(blocks, b -> {
                gate.check();
                int[] stack = stacks[b] != null ? stacks[b] : (stacks[b] = new int[QuadTree.STACK]);
                double[] f = new double[2];
                double s = 0;
                for (int t = b * BLOCK, end = Math.min(n, (b + 1) * BLOCK); t < end; t++) {
                    int i = order[t];
                    double yi0 = y[2 * i];
                    double yi1 = y[2 * i + 1];
                    f[0] = 0;
                    f[1] = 0;
                    s += tree.repulsion(yi0, yi1, theta, f, stack);
                    rep[2 * i] = f[0];
                    rep[2 * i + 1] = f[1];
                    double ax = 0;
                    double ay = 0;
                    for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
                        int j = col[e];
                        double dx = yi0 - y[2 * j];
                        double dy = yi1 - y[2 * j + 1];
                        double q = 1 / (1 + dx * dx + dy * dy);
                        double m = val[e] * exag * q;
                        ax += m * dx;
                        ay += m * dy;
                    }
                    attr[2 * i] = ax;
                    attr[2 * i + 1] = ay;
                }
                blockSum[b] = s;
            });
            double sumQ = 0;
            for (double s : blockSum) {
                sumQ += s;
            }
            double invZ = 1 / sumQ;
            if (wantCost) {
                kl = cost(rowPtr, col, val, y, invZ, blocks, blockSum, workers);
            }
            // grad_i = 4 [ Σ_j p_ij q̃_ij (y_i − y_j) − Σ_j q̃_ij² (y_i − y_j) / Z ]  (2014, eq. 3), then the
            // momentum step with delta-bar-delta gains; element-wise, so blocks are independent.
            workers.forEach(blocks, b -> {
                for (int t = 2 * b * BLOCK, end = Math.min(2 * n, 2 * (b + 1) * BLOCK); t < end; t++) {
                    double g = 4 * (attr[t] - rep[t] * invZ);
                    double gain = (update[t] * g < 0) ? gains[t] + 0.2 : gains[t] * 0.8;
                    gain = Math.max(gain, 0.01);
                    gains[t] = gain;
                    update[t] = momentum * update[t] - eta * gain * g;
                    y[t] += update[t];
                }
            });
            gate.report("layout", iter + 1, total, kl, y, iter == total - 1);
        }
        return kl;
    }

    /** KL(P || Q) = Σ p_ij log(p_ij / q_ij) over the non-zero p_ij, q_ij = q̃_ij / Z (2008, eq. 2). */
    private static double cost(int[] rowPtr, int[] col, double[] val, double[] y, double invZ, int blocks,
                               double[] blockSum, Workers workers) {
        int n = y.length / 2;
        workers.forEach(blocks, b -> {
            double kls = 0;
            for (int i = b * BLOCK, end = Math.min(n, (b + 1) * BLOCK); i < end; i++) {
                for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
                    int j = col[e];
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    double q = 1 / (1 + dx * dx + dy * dy);
                    kls += val[e] * Math.log(Math.max(val[e], 1e-300) / Math.max(q * invZ, 1e-300));
                }
            }
            blockSum[b] = kls;
        });
        double sum = 0;
        for (double s : blockSum) {
            sum += s;
        }
        return sum;
    }
}
