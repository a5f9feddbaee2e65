package org.latentexplorer.embed;

import java.util.SplittableRandom;
import org.latentexplorer.common.InputException;

/** How well a 2-D map keeps the structure of the codes; shown with the map. */
public final class Quality {
    private Quality() {
    }

    /**
     * Trustworthiness (Venna and Kaski, "Neighborhood preservation in nonlinear projection methods",
     * ICANN 2001, eq. 2), as scikit-learn computes it:
     * T(k) = 1 − 2 / (n k (2n − 3k − 1)) · Σ_i Σ_{j ∈ U_k(i)} (r(i, j) − k), where U_k(i) are the map's k
     * nearest neighbours of i and r(i, j) the rank of j among i's neighbours in the codes. 1 means no
     * point on the map has a neighbour that was far in the codes. O(n² d).
     *
     * @param high codes, n × d
     * @param low  map, n × 2 (any dimension works)
     * @param k    neighbourhood size, 1 ≤ k < n / 2; the project reports k = 10
     */
    public static double trustworthiness(float[][] high, float[][] low, int k) {
        int n = high.length;
        if (low.length != n) {
            throw new InputException(n + " codes but " + low.length + " map points");
        }
        if (k < 1 || 2 * k >= n) {
            throw new InputException("trustworthiness needs 1 ≤ k < n / 2, got k = " + k + " for " + n + " points");
        }
        int dh = high[0].length;
        double[] x = Embeddings.flatten(high, "codes");
        double[] y = Embeddings.flatten(low, "map");
        int dl = low[0].length;
        KnnGraph lowKnn = KnnGraph.exact(y, dl, k, 7, new ProgressGate(null, null));
        double[] dist = new double[n];
        double[] thr = new double[k];
        long[] rank = new long[k];
        double penalty = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < dh; c++) {
                    double t = x[i * dh + c] - x[j * dh + c];
                    s += t * t;
                }
                dist[j] = s;
            }
            for (int t = 0; t < k; t++) {
                thr[t] = dist[lowKnn.idx()[i * k + t]];
                rank[t] = 1;
            }
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double d = dist[j];
                for (int t = 0; t < k; t++) {
                    if (d < thr[t]) {
                        rank[t]++;
                    }
                }
            }
            for (int t = 0; t < k; t++) {
                if (rank[t] > k) {
                    penalty += rank[t] - k;
                }
            }
        }
        return 1 - penalty * 2.0 / ((double) n * k * (2.0 * n - 3.0 * k - 1.0));
    }

    /**
     * Trustworthiness on a random sample of at most {@code maxPoints} points (the reference scores
     * 5,000), so it stays O(maxPoints²) on large maps.
     */
    public static double trustworthiness(float[][] high, float[][] low, int k, int maxPoints, long seed) {
        int n = high.length;
        if (n <= maxPoints) {
            return trustworthiness(high, low, k);
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] h = new float[maxPoints][];
        float[][] l = new float[maxPoints][];
        for (int i = 0; i < maxPoints; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
            h[i] = high[perm[i]];
            l[i] = low[perm[i]];
        }
        return trustworthiness(h, l, k);
    }

    /**
     * Leave-one-out k-nearest-neighbour label accuracy on the map: the share of points whose label is
     * the most common among their k nearest map neighbours (ties go to the smaller label, as the
     * reference script). 1 means classes form clean regions.
     *
     * @param low    map, n × 2
     * @param labels class per point, ≥ 0
     * @param k      neighbours, 1 ≤ k < n; the project reports k = 5
     */
    public static double knnAccuracy(float[][] low, int[] labels, int k) {
        int n = low.length;
        if (labels.length != n) {
            throw new InputException(n + " map points but " + labels.length + " labels");
        }
        if (k < 1 || k >= n) {
            throw new InputException("k-NN accuracy needs 1 ≤ k < n, got k = " + k + " for " + n + " points");
        }
        int classes = 0;
        for (int l : labels) {
            if (l < 0) {
                throw new InputException("labels must be 0 or more, got " + l);
            }
            classes = Math.max(classes, l + 1);
        }
        KnnGraph knn = KnnGraph.exact(Embeddings.flatten(low, "map"), low[0].length, k, 7, new ProgressGate(null, null));
        int[] votes = new int[classes];
        int right = 0;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(votes, 0);
            for (int t = 0; t < k; t++) {
                votes[labels[knn.idx()[i * k + t]]]++;
            }
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (votes[c] > votes[best]) {
                    best = c;
                }
            }
            if (best == labels[i]) {
                right++;
            }
        }
        return (double) right / n;
    }
}
