package org.latentexplorer.embed;

/**
 * UMAP layout (McInnes, Healy and Melville, arXiv:1802.03426, 2018): the fuzzy graph of
 * {@link UmapGraph} laid out in 2-D by stochastic gradient descent on the fuzzy-set cross entropy with
 * edge sampling and negative sampling (sec. 3.2 and Algorithm 5), following the schedule of umap-learn
 * 0.5's {@code optimize_layout_euclidean}: each edge is sampled in proportion to its weight, with
 * 5 negative samples per positive one, gradients clipped to ±4 and a learning rate falling linearly
 * from 1 to 0.
 *
 * <p>Differs from umap-learn in the initial layout: PCA of the codes scaled to [0, 10] instead of the
 * spectral embedding, which would need ARPACK (a native library); see {@link Embeddings}.
 */
final class Umap {
    static final int NEGATIVE_RATE = 5;

    private Umap() {
    }

    /** The fitted layout and what transforming new points needs. */
    record Result(double[] y, double a, double b) {
    }

    static Result fit(double[] x, int dim, UmapOptions o, ProgressGate gate) {
        int n = x.length / dim;
        int epochs = o.epochsFor(n);
        KnnGraph knn = KnnGraph.of(x, dim, o.neighbors() - 1, o.seed(), gate);
        gate.report("affinities", 0, 1, Double.NaN, null, true);
        UmapGraph graph = UmapGraph.build(knn, o.neighbors(), epochs);
        double[] ab = UmapGraph.fitAb(o.minDist(), 1.0);
        double[] y = initialLayout(x, dim, o.seed());
        if (n >= BLOCKED_FROM) {
            try (Workers workers = new Workers(Runtime.getRuntime().availableProcessors())) {
                optimiseBlocked(graph, y, ab[0], ab[1], epochs, o.seed(), gate, workers);
            }
        } else {
            optimise(graph.head(), graph.tail(), graph.weight(), y, y, true, ab[0], ab[1], epochs, 1.0, o.seed(), gate);
        }
        return new Result(y, ab[0], ab[1]);
    }

    /**
     * From this many points the layout runs {@link #optimiseBlocked} on all processors; below it, the
     * sequential {@link #optimise} of umap-learn's schedule, so that the small maps recorded in
     * docs/benchmarks-embed.md stay as they were. The property {@code latentexplorer.umap.blockedFrom}
     * moves the threshold, for benchmarks that compare the two on the same codes.
     */
    static final int BLOCKED_FROM = Integer.getInteger("latentexplorer.umap.blockedFrom", 100_000);
    /** Points per block of {@link #optimiseBlocked}: fixed, so that the layout does not depend on the threads. */
    private static final int LAYOUT_BLOCK = 4096;
    /** Blocks per wave: the blocks of a wave run in parallel, and the next wave sees their points moved. */
    private static final int WAVE = 8;

    /**
     * The SGD of {@link #optimise} (same sampling schedule, gradients, clipping and learning rate) with
     * the points cut into fixed blocks, run in waves of {@link #WAVE} blocks in parallel. Each block
     * moves only its own points and reads every other point from a copy of the layout that is brought
     * up to date after each wave, so the result depends on the seed alone, not on the threads or their
     * timing (umap-learn's {@code parallel=True} instead lets threads race on shared coordinates). An
     * edge therefore moves only its head; the graph holds both directions of every edge, so each end is
     * still pulled by each edge. (Doubling that pull, to match the two moves per end of
     * {@link #optimise}, gave a worse map: trustworthiness 0.908 against 0.916 on 70,000 Fashion-MNIST
     * codes, docs/benchmarks-ui.md.) The layout is held in floats (as umap-learn holds it), halving the
     * memory the random negative samples read.
     */
    static void optimiseBlocked(UmapGraph graph, double[] y, double a, double b, int epochs, long seed,
                                ProgressGate gate, Workers workers) {
        Blocked layout = new Blocked(graph, y, a, b);
        int n = layout.n;
        int blocks = (n + LAYOUT_BLOCK - 1) / LAYOUT_BLOCK;
        for (int epoch = 0; epoch < epochs; epoch++) {
            double alpha = 1.0 - (double) epoch / epochs;
            int ep = epoch;
            for (int wave = 0; wave < blocks; wave += WAVE) {
                int first = wave;
                int count = Math.min(WAVE, blocks - wave);
                workers.forEach(count, w -> layout.block(first + w, ep, alpha, mix(seed, ep, first + w)));
                // The wave's points, moved, are what the next waves read.
                int from = 2 * first * LAYOUT_BLOCK;
                int to = Math.min(2 * n, 2 * (first + count) * LAYOUT_BLOCK);
                System.arraycopy(layout.cur, from, layout.snap, from, to - from);
            }
            gate.reportFloats("layout", epoch + 1, epochs, Double.NaN, layout.cur, epoch == epochs - 1);
        }
        for (int i = 0; i < 2 * n; i++) {
            y[i] = layout.cur[i];
        }
    }

    /** The state of {@link #optimiseBlocked}: the edges' schedules, the layout and its copy. */
    private static final class Blocked {
        final int n;
        final int[] rowStart;
        final int[] tail;
        final float[] perSample;
        final float[] nextSample;
        final float[] nextNegative;
        final float[] cur;
        final float[] snap;
        final PowTable pow;
        final double a;
        final double b;

        Blocked(UmapGraph graph, double[] y, double a, double b) {
            int[] head = graph.head();
            double[] weight = graph.weight();
            int m = head.length;
            this.n = y.length / 2;
            this.tail = graph.tail();
            this.a = a;
            this.b = b;
            this.pow = new PowTable(b);
            // The edges come grouped by head in increasing order (UmapGraph.build): rowStart[i] is i's first.
            rowStart = new int[n + 1];
            for (int e = 0; e < m; e++) {
                if (e > 0 && head[e] < head[e - 1]) {
                    throw new IllegalArgumentException("edges must be grouped by head");
                }
                rowStart[head[e] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                rowStart[i + 1] += rowStart[i];
            }
            double max = 0;
            for (double w : weight) {
                max = Math.max(max, w);
            }
            perSample = new float[m];
            nextSample = new float[m];
            nextNegative = new float[m];
            for (int e = 0; e < m; e++) {
                perSample[e] = (float) (max / weight[e]);
                nextSample[e] = perSample[e];
                nextNegative[e] = perSample[e] / NEGATIVE_RATE;
            }
            cur = new float[2 * n];
            for (int i = 0; i < 2 * n; i++) {
                cur[i] = (float) y[i];
            }
            snap = cur.clone();
        }

        /** One epoch of block {@code blk}'s edges, its negative samples drawn from {@code rng}'s stream. */
        void block(int blk, int epoch, double alpha, long rng) {
            for (int p = blk * LAYOUT_BLOCK, end = Math.min(n, (blk + 1) * LAYOUT_BLOCK); p < end; p++) {
                double yx = cur[2 * p];
                double yy = cur[2 * p + 1];
                for (int e = rowStart[p]; e < rowStart[p + 1]; e++) {
                    if (nextSample[e] > epoch) {
                        continue;
                    }
                    int j = 2 * tail[e];
                    double dx = yx - snap[j];
                    double dy = yy - snap[j + 1];
                    double d2 = dx * dx + dy * dy;
                    if (d2 > 0) {
                        double coeff = attraction(d2, a, b, pow);
                        yx += clip(coeff * dx) * alpha;
                        yy += clip(coeff * dy) * alpha;
                    }
                    float per = perSample[e];
                    nextSample[e] += per;
                    float perNegative = per / NEGATIVE_RATE;
                    int negatives = (int) ((epoch - nextNegative[e]) / perNegative);
                    for (int s = 0; s < negatives; s++) {
                        rng ^= rng << 13;
                        rng ^= rng >>> 7;
                        rng ^= rng << 17;
                        int k = (int) Math.unsignedMultiplyHigh(rng, n); // uniform in [0, n) (Lemire 2019)
                        double ex = yx - snap[2 * k];
                        double ey = yy - snap[2 * k + 1];
                        double e2 = ex * ex + ey * ey;
                        if (e2 > 0) {
                            double coeff = repulsion(e2, a, b, pow);
                            yx += clip(coeff * ex) * alpha;
                            yy += clip(coeff * ey) * alpha;
                        } else if (k != p) {
                            yx += 4 * alpha;
                            yy += 4 * alpha;
                        }
                    }
                    nextNegative[e] += negatives * perNegative;
                }
                cur[2 * p] = (float) yx;
                cur[2 * p + 1] = (float) yy;
            }
        }
    }

    /** A nonzero xorshift state from the seed, the epoch and the block (SplitMix64's finaliser). */
    private static long mix(long seed, int epoch, int block) {
        long z = seed * 0x9E3779B97F4A7C15L + ((long) epoch << 32 | block) + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return z == 0 ? 1 : z;
    }

    /** PCA of the codes, each axis scaled to [0, 10], plus a little noise to separate duplicates. */
    static double[] initialLayout(double[] x, int dim, long seed) {
        int n = x.length / dim;
        double[] y = BarnesHutTsne.initialLayout(x, dim);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        for (int c = 0; c < 2; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, y[2 * i + c]);
                max = Math.max(max, y[2 * i + c]);
            }
            double scale = max > min ? 10 / (max - min) : 0;
            for (int i = 0; i < n; i++) {
                y[2 * i + c] = (y[2 * i + c] - min) * scale + 1e-4 * rnd.nextGaussian();
            }
        }
        return y;
    }

    /**
     * SGD over the edges ({@code head[e]} in {@code y}, {@code tail[e]} in {@code ref}). With
     * {@code moveOther} both ends move (fitting); without, {@code ref} stays fixed (placing new points).
     * The learning rate falls linearly from {@code alpha0} to 0.
     */
    static void optimise(int[] head, int[] tail, double[] weight, double[] y, double[] ref, boolean moveOther,
                         double a, double b, int epochs, double alpha0, long seed, ProgressGate gate) {
        int m = head.length;
        int nRef = ref.length / 2;
        double max = 0;
        for (double w : weight) {
            max = Math.max(max, w);
        }
        double[] perSample = new double[m];
        double[] nextSample = new double[m];
        double[] perNegative = new double[m];
        double[] nextNegative = new double[m];
        for (int e = 0; e < m; e++) {
            perSample[e] = max / weight[e];
            nextSample[e] = perSample[e];
            perNegative[e] = perSample[e] / NEGATIVE_RATE;
            nextNegative[e] = perNegative[e];
        }
        PowTable pow = new PowTable(b);
        long rng = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        if (rng == 0) {
            rng = 1;
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            double alpha = alpha0 * (1.0 - (double) epoch / epochs);
            for (int e = 0; e < m; e++) {
                if (nextSample[e] > epoch) {
                    continue;
                }
                int i = 2 * head[e];
                int j = 2 * tail[e];
                double dx = y[i] - ref[j];
                double dy = y[i + 1] - ref[j + 1];
                double d2 = dx * dx + dy * dy;
                if (d2 > 0) {
                    double coeff = attraction(d2, a, b, pow);
                    double gx = clip(coeff * dx) * alpha;
                    double gy = clip(coeff * dy) * alpha;
                    y[i] += gx;
                    y[i + 1] += gy;
                    if (moveOther) {
                        ref[j] -= gx;
                        ref[j + 1] -= gy;
                    }
                }
                nextSample[e] += perSample[e];
                int negatives = (int) ((epoch - nextNegative[e]) / perNegative[e]);
                for (int s = 0; s < negatives; s++) {
                    rng ^= rng << 13;
                    rng ^= rng >>> 7;
                    rng ^= rng << 17;
                    int k = 2 * (int) Math.unsignedMultiplyHigh(rng, nRef); // uniform in [0, nRef) (Lemire 2019)
                    double ex = y[i] - ref[k];
                    double ey = y[i + 1] - ref[k + 1];
                    double e2 = ex * ex + ey * ey;
                    if (e2 > 0) {
                        double coeff = repulsion(e2, a, b, pow);
                        y[i] += clip(coeff * ex) * alpha;
                        y[i + 1] += clip(coeff * ey) * alpha;
                    } else if (k != i || !moveOther) {
                        y[i] += 4 * alpha;
                        y[i + 1] += 4 * alpha;
                    }
                }
                nextNegative[e] += negatives * perNegative[e];
            }
            gate.report("layout", epoch + 1, epochs, Double.NaN, y, epoch == epochs - 1);
        }
    }

    /**
     * Attraction along an edge at squared distance d2 > 0: the factor of (y_i − y_j) in ∂/∂y_i of
     * −log(1 / (1 + a d^{2b})) (McInnes et al. 2018, sec. 3.2), before clipping.
     */
    private static double attraction(double d2, double a, double b, PowTable pow) {
        double pb = pow.of(d2);
        return -2 * a * b * pb / (d2 * (a * pb + 1));
    }

    /**
     * Repulsion from a negative sample at squared distance e2 > 0: the factor of (y_i − y_k) in ∂/∂y_i
     * of −log(1 − 1 / (1 + a d^{2b})) (sec. 3.2), with 0.001 against division by 0 (as umap-learn).
     */
    private static double repulsion(double e2, double a, double b, PowTable pow) {
        return 2 * b / ((0.001 + e2) * (a * pow.of(e2) + 1));
    }

    private static double clip(double g) {
        return g > 4 ? 4 : (g < -4 ? -4 : g);
    }
}
