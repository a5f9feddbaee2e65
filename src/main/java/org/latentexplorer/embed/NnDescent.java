package org.latentexplorer.embed;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Approximate k-nearest-neighbour graph by NN-descent (Dong, Moses and Li, "Efficient k-nearest
 * neighbor graph construction for generic similarity measures", WWW 2011, Algorithm 2 with sampling,
 * sec. 2.4–2.5), started from the leaves of a forest of random-projection trees (Dasgupta and Freund,
 * STOC 2008) as in umap-learn's neighbour search (pynndescent). "A neighbour of a neighbour is
 * likely a neighbour": each round compares, for every point, the pairs among its newly found
 * neighbours and between new and old ones, both directions of the graph included, and keeps the k
 * closest seen. It stops when a round improves fewer than {@code δ·n·k} entries (δ = 0.001).
 *
 * <p>The random choices are made on one thread and the local join's results are applied in a fixed
 * order, so a seed fixes the graph whatever the number of threads computing the join's distances. Costs about O(n·k²) distances per round instead of
 * a tree search whose pruning fails as the codes' intrinsic dimension grows.
 */
final class NnDescent {
    /** Stop when a round changes fewer than this fraction of the n·k entries (Dong et al. 2011, δ). */
    private static final double DELTA = 0.001;
    private static final int CHECK_EVERY = 2048;
    /** Points per block of the parallel local join (fixed, so the graph does not depend on the threads). */
    private static final int JOIN_BLOCK = 64;

    private final double[] x;
    private final int dim;
    private final int n;
    private final int k;
    /** Per point a max-heap of its k best candidates so far: index (−1 for empty), squared distance, "new" flag. */
    private final int[] idx;
    private final double[] dist;
    private final boolean[] fresh;
    private final ProgressGate gate;
    private final Workers workers;
    private final Pairs[] pairs = new Pairs[CHECK_EVERY / JOIN_BLOCK];

    private NnDescent(double[] x, int dim, int k, ProgressGate gate, Workers workers) {
        this.workers = workers;
        for (int b = 0; b < pairs.length; b++) {
            pairs[b] = new Pairs();
        }
        this.x = x;
        this.dim = dim;
        this.n = x.length / dim;
        this.k = k;
        this.gate = gate;
        idx = new int[n * k];
        dist = new double[n * k];
        fresh = new boolean[n * k];
        Arrays.fill(idx, -1);
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
    }

    /**
     * The approximate {@code k} nearest neighbours of each of {@code n = x.length / dim} points (the point
     * itself left out), nearest first; requires {@code k < n}. The same seed gives the same graph.
     */
    static KnnGraph build(double[] x, int dim, int k, long seed, ProgressGate gate) {
        try (Workers workers = new Workers(1)) {
            return build(x, dim, k, seed, gate, workers);
        }
    }

    /** As {@link #build(double[], int, int, long, ProgressGate)}, the local joins' distances on {@code workers}. */
    static KnnGraph build(double[] x, int dim, int k, long seed, ProgressGate gate, Workers workers) {
        NnDescent d = new NnDescent(x, dim, k, gate, workers);
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = d.n;
        // Forest size and round limit as umap-learn 0.5 chooses them for its pynndescent call.
        int trees = Math.min(64, 5 + (int) Math.round(Math.sqrt(n) / 20.0));
        int rounds = Math.max(5, (int) Math.round(Math.log(n) / Math.log(2)));
        int maxCandidates = Math.min(60, k);
        int leaf = Math.max(10, k);
        d.seedFromTrees(trees, leaf, rnd);
        d.fillEmpty(rnd);
        for (int r = 0; r < rounds; r++) {
            gate.report("neighbours", r, rounds, Double.NaN, null, false);
            int updates = d.round(maxCandidates, rnd);
            if (updates < DELTA * n * k) {
                break;
            }
        }
        return d.sorted();
    }

    private double distance2(int a, int b) {
        int oa = a * dim;
        int ob = b * dim;
        double s = 0;
        for (int c = 0; c < dim; c++) {
            double t = x[oa + c] - x[ob + c];
            s += t * t;
        }
        return s;
    }

    /** Offers q as a neighbour of p; returns whether p's list changed. */
    private boolean push(int p, int q, double d2) {
        int off = p * k;
        if (d2 >= dist[off]) {
            return false;
        }
        for (int t = 0; t < k; t++) {
            if (idx[off + t] == q) {
                return false;
            }
        }
        // Replace the root (the farthest) and sift down the max-heap.
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= k) {
                break;
            }
            if (c + 1 < k && dist[off + c + 1] > dist[off + c]) {
                c++;
            }
            if (dist[off + c] <= d2) {
                break;
            }
            dist[off + i] = dist[off + c];
            idx[off + i] = idx[off + c];
            fresh[off + i] = fresh[off + c];
            i = c;
        }
        dist[off + i] = d2;
        idx[off + i] = q;
        fresh[off + i] = true;
        return true;
    }

    /**
     * Random-projection trees: every pair within a leaf becomes a candidate edge. The trees are grown in
     * parallel, each from its own random stream split off {@code rnd} in tree order, and their leaves are
     * joined on this thread in tree order, so the graph does not depend on the threads.
     */
    private void seedFromTrees(int trees, int leaf, SplittableRandom rnd) {
        SplittableRandom[] streams = new SplittableRandom[trees];
        for (int t = 0; t < trees; t++) {
            streams[t] = rnd.split();
        }
        int batch = Math.max(1, workers.threads());
        int[][] perms = new int[batch][];
        int[][] leafEnds = new int[batch][];
        for (int first = 0; first < trees; first += batch) {
            int count = Math.min(batch, trees - first);
            int from = first;
            workers.forEach(count, t -> {
                perms[t] = perms[t] == null ? new int[n] : perms[t];
                leafEnds[t] = grow(perms[t], leaf, streams[from + t]);
            });
            for (int t = 0; t < count; t++) {
                int lo = 0;
                for (int end : leafEnds[t]) {
                    if (end < 0) {
                        break;
                    }
                    joinLeaf(perms[t], lo, end);
                    lo = end;
                }
                gate.check();
            }
        }
    }

    /**
     * One tree: fills {@code perm} with the points in leaf order and returns the leaves' ends in that
     * order (the array may be longer, ending at the first −1).
     */
    private int[] grow(int[] perm, int leaf, SplittableRandom rnd) {
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double[] normal = new double[dim];
        int[] ends = new int[Math.max(16, 2 * n / Math.max(1, leaf) + 16)];
        int leaves = 0;
        int[] stack = new int[2 * 64 * 2 + 8];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = n;
        // Depth first, the lower half first, so that the leaves come out left to right.
        while (top > 0) {
            int hi = stack[--top];
            int lo = stack[--top];
            if (hi - lo <= leaf) {
                if (leaves == ends.length) {
                    ends = Arrays.copyOf(ends, 2 * leaves);
                }
                ends[leaves++] = hi;
                continue;
            }
            int mid = split(perm, lo, hi, normal, rnd);
            if (top + 4 > stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[top++] = mid;
            stack[top++] = hi;
            stack[top++] = lo;
            stack[top++] = mid;
        }
        if (leaves < ends.length) {
            ends[leaves] = -1;
        }
        return ends;
    }

    /**
     * Splits perm[lo, hi) by the hyperplane halfway between two random points, normal to their
     * difference (an "RP tree" split as in pynndescent); falls back to halves when all land on one side.
     */
    private int split(int[] perm, int lo, int hi, double[] normal, SplittableRandom rnd) {
        int a = perm[lo + rnd.nextInt(hi - lo)];
        int b = perm[lo + rnd.nextInt(hi - lo)];
        double offset = 0;
        for (int c = 0; c < dim; c++) {
            double xa = x[a * dim + c];
            double xb = x[b * dim + c];
            normal[c] = xa - xb;
            offset += normal[c] * (xa + xb) / 2;
        }
        int i = lo;
        int j = hi - 1;
        while (i <= j) {
            int p = perm[i];
            double s = -offset;
            for (int c = 0; c < dim; c++) {
                s += normal[c] * x[p * dim + c];
            }
            boolean left = s > 0 || (s == 0 && rnd.nextBoolean());
            if (left) {
                i++;
            } else {
                perm[i] = perm[j];
                perm[j--] = p;
            }
        }
        if (i == lo || i == hi) {
            // Degenerate (e.g. a and b coincide, or duplicates): shuffle-free halving keeps the tree balanced.
            return (lo + hi) >>> 1;
        }
        return i;
    }

    private void joinLeaf(int[] perm, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            int p = perm[i];
            for (int j = i + 1; j < hi; j++) {
                int q = perm[j];
                double d2 = distance2(p, q);
                push(p, q, d2);
                push(q, p, d2);
            }
        }
    }

    /** Lists the trees left short (possible only for tiny leaves) get random points. */
    private void fillEmpty(SplittableRandom rnd) {
        for (int p = 0; p < n; p++) {
            int tries = 0;
            while (idx[p * k] < 0 && tries++ < 16 * k) {
                int q = rnd.nextInt(n);
                if (q != p) {
                    push(p, q, distance2(p, q));
                }
            }
        }
    }

    /**
     * One round of NN-descent with sampling (Dong et al. 2011, Algorithm 2): up to {@code maxCandidates}
     * new and old neighbours per point, forward and reverse, chosen by random priority; then the local
     * join over new–new and new–old pairs. Returns the number of list changes.
     */
    private int round(int maxCandidates, SplittableRandom rnd) {
        int[] newCand = new int[n * maxCandidates];
        float[] newPri = new float[n * maxCandidates];
        int[] newCount = new int[n];
        int[] oldCand = new int[n * maxCandidates];
        float[] oldPri = new float[n * maxCandidates];
        int[] oldCount = new int[n];
        for (int p = 0; p < n; p++) {
            for (int t = 0; t < k; t++) {
                int q = idx[p * k + t];
                if (q < 0) {
                    continue;
                }
                float pri = (float) rnd.nextDouble();
                if (fresh[p * k + t]) {
                    offer(newCand, newPri, newCount, p, q, pri, maxCandidates);
                    offer(newCand, newPri, newCount, q, p, pri, maxCandidates);
                } else {
                    offer(oldCand, oldPri, oldCount, p, q, pri, maxCandidates);
                    offer(oldCand, oldPri, oldCount, q, p, pri, maxCandidates);
                }
            }
        }
        // Entries sampled as new are old from now on (those not sampled stay new for the next round).
        for (int p = 0; p < n; p++) {
            for (int t = 0; t < k; t++) {
                if (fresh[p * k + t] && contains(newCand, newCount[p], p * maxCandidates, idx[p * k + t])) {
                    fresh[p * k + t] = false;
                }
            }
        }
        // The local join, in batches of CHECK_EVERY points cut into fixed blocks of JOIN_BLOCK: the
        // distances are computed in parallel, each block keeping the offers (q to p's list) that could
        // change a list as it was at the start of the round: closer than its farthest entry and not in
        // it. Then the offers are made in block order on this thread. A list's farthest entry only gets
        // closer, and an entry that leaves a list was its farthest, so an offer left out would have been
        // refused anyway: the graph is the one the plain sequential join gives, whatever the threads.
        double[] bound = new double[n];
        for (int p = 0; p < n; p++) {
            bound[p] = dist[p * k];
        }
        // Each list's members, sorted, for a binary search instead of a scan of k entries.
        int[] before = idx.clone();
        workers.forEach((n + CHECK_EVERY - 1) / CHECK_EVERY, b -> {
            for (int p = b * CHECK_EVERY, end = Math.min(n, (b + 1) * CHECK_EVERY); p < end; p++) {
                Arrays.sort(before, p * k, (p + 1) * k);
            }
        });
        int updates = 0;
        for (int start = 0; start < n; start += CHECK_EVERY) {
            gate.check();
            int first = start;
            int end = Math.min(n, start + CHECK_EVERY);
            int blocks = (end - start + JOIN_BLOCK - 1) / JOIN_BLOCK;
            workers.forEach(blocks, b -> {
                Pairs out = pairs[b];
                out.size = 0;
                for (int p = first + b * JOIN_BLOCK, stop = Math.min(end, first + (b + 1) * JOIN_BLOCK); p < stop; p++) {
                    int nb = p * maxCandidates;
                    int nn = newCount[p];
                    int no = oldCount[p];
                    for (int i = 0; i < nn; i++) {
                        int a = newCand[nb + i];
                        for (int j = i + 1; j < nn; j++) {
                            int c = newCand[nb + j];
                            double d2 = distance2(a, c);
                            out.offer(a, c, d2, bound, before, k);
                            out.offer(c, a, d2, bound, before, k);
                        }
                        for (int j = 0; j < no; j++) {
                            int c = oldCand[nb + j];
                            if (a != c) {
                                double d2 = distance2(a, c);
                                out.offer(a, c, d2, bound, before, k);
                                out.offer(c, a, d2, bound, before, k);
                            }
                        }
                    }
                }
            });
            for (int b = 0; b < blocks; b++) {
                Pairs in = pairs[b];
                for (int t = 0; t < in.size; t++) {
                    int a = in.a[t];
                    int c = in.b[t];
                    double d2 = in.d2[t];
                    updates += push(a, c, d2) ? 1 : 0;
                }
            }
        }
        return updates;
    }

    /** A block's offers (b[t] to a[t]'s list) that may change a list, in the order found. */
    private static final class Pairs {
        int[] a = new int[1024];
        int[] b = new int[1024];
        double[] d2 = new double[1024];
        int size;

        /** Keeps the offer of q to p unless p's list at the round's start ({@code lists}, rows sorted) refuses it. */
        void offer(int p, int q, double d, double[] bound, int[] lists, int k) {
            if (d >= bound[p] || Arrays.binarySearch(lists, p * k, (p + 1) * k, q) >= 0) {
                return;
            }
            if (size == a.length) {
                a = Arrays.copyOf(a, 2 * size);
                b = Arrays.copyOf(b, 2 * size);
                d2 = Arrays.copyOf(d2, 2 * size);
            }
            a[size] = p;
            b[size] = q;
            d2[size++] = d;
        }
    }

    /** Adds q to p's candidate list if absent, keeping the {@code cap} smallest priorities. */
    private static void offer(int[] cand, float[] pri, int[] count, int p, int q, float priority, int cap) {
        int off = p * cap;
        int c = count[p];
        if (contains(cand, c, off, q)) {
            return;
        }
        if (c < cap) {
            cand[off + c] = q;
            pri[off + c] = priority;
            count[p] = c + 1;
            return;
        }
        int worst = 0;
        for (int t = 1; t < cap; t++) {
            if (pri[off + t] > pri[off + worst]) {
                worst = t;
            }
        }
        if (priority < pri[off + worst]) {
            cand[off + worst] = q;
            pri[off + worst] = priority;
        }
    }

    private static boolean contains(int[] cand, int count, int off, int q) {
        for (int t = 0; t < count; t++) {
            if (cand[off + t] == q) {
                return true;
            }
        }
        return false;
    }

    /** The lists sorted nearest first, with Euclidean (not squared) distances. */
    private KnnGraph sorted() {
        int[] outIdx = new int[n * k];
        double[] outDist = new double[n * k];
        int[] slots = new int[k];
        for (int p = 0; p < n; p++) {
            int off = p * k;
            // Insertion sort of the heap's slots by distance (k is small).
            for (int i = 0; i < k; i++) {
                double di = dist[off + i];
                int j = i - 1;
                while (j >= 0 && dist[off + slots[j]] > di) {
                    slots[j + 1] = slots[j];
                    j--;
                }
                slots[j + 1] = i;
            }
            for (int t = 0; t < k; t++) {
                outIdx[off + t] = idx[off + slots[t]];
                outDist[off + t] = Math.sqrt(dist[off + slots[t]]);
            }
        }
        return new KnnGraph(n, k, outIdx, outDist);
    }
}
