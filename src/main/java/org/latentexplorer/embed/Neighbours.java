package org.latentexplorer.embed;

import java.util.Arrays;
import org.latentexplorer.common.InputException;

/**
 * The k nearest neighbours of one point, by brute force: one pass over the candidates, O(n·d), a few
 * milliseconds for 70,000 codes, so a click on the map needs no index (the layouts' neighbour graphs in
 * {@link KnnGraph} serve all points at once). Ties are broken by the smaller index, so the answer does
 * not depend on the order the candidates are visited in.
 */
public final class Neighbours {
    private Neighbours() {
    }

    /** How far apart two codes are. */
    public enum Metric {
        /** ‖a − b‖₂. */
        EUCLIDEAN("Euclidean"),
        /**
         * 1 − a·b / (‖a‖ ‖b‖), in [0, 2] (Manning, Raghavan and Schütze, "Introduction to Information
         * Retrieval", 2008, eq. 6.10, as a distance); a zero vector is at distance 1 from everything,
         * as in scikit-learn's {@code cosine_distances}, which normalises it to zero.
         */
        COSINE("cosine");

        private final String text;

        Metric(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * The neighbours found, nearest first.
     *
     * @param index    their row indices
     * @param distance their distances to the query, non-decreasing
     */
    public record Found(int[] index, double[] distance) {
        public int size() {
            return index.length;
        }
    }

    /** The distance between {@code a} and {@code b} under {@code metric}. */
    public static double distance(float[] a, float[] b, Metric metric) {
        if (metric == Metric.EUCLIDEAN) {
            double s = 0;
            for (int c = 0; c < a.length; c++) {
                double t = a[c] - b[c];
                s += t * t;
            }
            return Math.sqrt(s);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int c = 0; c < a.length; c++) {
            dot += (double) a[c] * b[c];
            na += (double) a[c] * a[c];
            nb += (double) b[c] * b[c];
        }
        if (na == 0 || nb == 0) {
            return 1;
        }
        // Rounding can take the cosine a hair past ±1.
        return Math.clamp(1 - dot / Math.sqrt(na * nb), 0, 2);
    }

    /**
     * The {@code k} rows of {@code codes} nearest to row {@code query} (itself left out), among the rows
     * {@code among} lists (null: all rows). Fewer than k when there are fewer candidates.
     *
     * @param k at least 1
     */
    public static Found nearest(float[][] codes, int query, int k, Metric metric, int[] among) {
        check(codes.length, query, k);
        float[] q = codes[query];
        Best best = new Best(k);
        int n = among == null ? codes.length : among.length;
        for (int t = 0; t < n; t++) {
            int j = among == null ? t : among[t];
            if (j != query) {
                best.offer(j, distance(q, codes[j], metric));
            }
        }
        return best.found();
    }

    /**
     * The {@code k} points of a 2-D layout nearest to point {@code query} in the plane (Euclidean), among
     * {@code among} (null: all); points with a non-finite coordinate are never neighbours.
     */
    public static Found nearestOnMap(float[] x, float[] y, int query, int k, int[] among) {
        check(x.length, query, k);
        Best best = new Best(k);
        int n = among == null ? x.length : among.length;
        for (int t = 0; t < n; t++) {
            int j = among == null ? t : among[t];
            double dx = x[j] - x[query];
            double dy = y[j] - y[query];
            double d = Math.sqrt(dx * dx + dy * dy);
            if (j != query && Double.isFinite(d)) {
                best.offer(j, d);
            }
        }
        return best.found();
    }

    /**
     * How many indices {@code a} and {@code b} share: with a point's k nearest neighbours in the codes and
     * on the map, |N_k(i) ∩ N'_k(i)|, the term of Lee and Verleysen's co-ranking quality
     * Q_NX(k) = (1 / (k n)) Σ_i |N_k(i) ∩ N'_k(i)| ("Quality assessment of dimensionality reduction:
     * rank-based criteria", Neurocomputing 72, 2009) for one point; k means the map keeps the
     * point's neighbourhood whole.
     */
    public static int overlap(int[] a, int[] b) {
        int[] s = b.clone();
        Arrays.sort(s);
        int n = 0;
        for (int v : a) {
            n += Arrays.binarySearch(s, v) >= 0 ? 1 : 0;
        }
        return n;
    }

    private static void check(int n, int query, int k) {
        if (query < 0 || query >= n) {
            throw new InputException("point " + query + " is outside 0.." + (n - 1));
        }
        if (k < 1) {
            throw new InputException("k must be at least 1, got " + k);
        }
    }

    /** The k smallest (distance, index) pairs seen so far, kept sorted: k is small, insertion is enough. */
    private static final class Best {
        private final int[] index;
        private final double[] distance;
        private int size;

        Best(int k) {
            index = new int[k];
            distance = new double[k];
        }

        void offer(int j, double d) {
            int k = index.length;
            if (size == k && !before(d, j, distance[k - 1], index[k - 1])) {
                return;
            }
            int at = size < k ? size++ : k - 1;
            while (at > 0 && before(d, j, distance[at - 1], index[at - 1])) {
                distance[at] = distance[at - 1];
                index[at] = index[at - 1];
                at--;
            }
            distance[at] = d;
            index[at] = j;
        }

        private static boolean before(double d, int j, double d2, int j2) {
            return d < d2 || (d == d2 && j < j2);
        }

        Found found() {
            return new Found(Arrays.copyOf(index, size), Arrays.copyOf(distance, size));
        }
    }
}
