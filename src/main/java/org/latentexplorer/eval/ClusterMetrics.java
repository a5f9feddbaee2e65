package org.latentexplorer.eval;

import java.util.ArrayList;
import java.util.List;
import org.latentexplorer.common.InputException;

/**
 * How well a clustering agrees with known class labels. A plain record, so that {@code eval --json}
 * can write it with Jackson as it is.
 *
 * @param examples         number of examples compared
 * @param accuracy         unsupervised clustering accuracy: the fraction of examples whose cluster
 *                         is matched to their class by the best one-to-one matching of clusters to
 *                         classes (Hungarian method, Kuhn 1955), as DEC (Xie et al. 2016, eq. 10)
 *                         and VaDE (Jiang et al. 2017, §4.2) report it. With more clusters than
 *                         classes the unmatched clusters count as wrong.
 * @param majorityAccuracy the fraction of examples whose class is their cluster's majority class
 *                         (many clusters may share a class), the accuracy of Dilokthanakul et al.
 *                         (2016, §4.2) for K ≠ number of classes; equals the overall purity
 * @param nmi              normalised mutual information I(Y; C) / ((H(Y) + H(C)) / 2), in [0, 1]
 * @param ari              adjusted Rand index (Hubert &amp; Arabie 1985), 1 for identical partitions,
 *                         about 0 for chance
 * @param matching         for each cluster, the class the Hungarian matching gave it, or −1
 * @param clusters         size, majority label and purity of each cluster
 */
public record ClusterMetrics(int examples, double accuracy, double majorityAccuracy, double nmi, double ari,
                             int[] matching, List<Cluster> clusters) {

    /**
     * One cluster's figures.
     *
     * @param cluster  cluster index
     * @param size     examples assigned to it
     * @param majority its most frequent class, −1 when it is empty
     * @param purity   the fraction of its examples in that class (0 when empty)
     */
    public record Cluster(int cluster, int size, int majority, double purity) {
    }

    /**
     * Compares cluster assignments with class labels.
     *
     * @param labels      class of each example, in [0, numClasses)
     * @param assigned    cluster of each example, in [0, numClusters)
     * @param numClasses  number of classes (≥ 1)
     * @param numClusters number of clusters (≥ 1)
     */
    public static ClusterMetrics compute(int[] labels, int[] assigned, int numClasses, int numClusters) {
        if (labels == null || assigned == null) {
            throw new InputException("clustering metrics need both class labels and cluster assignments");
        }
        if (labels.length != assigned.length) {
            throw new InputException(labels.length + " labels for " + assigned.length + " cluster assignments");
        }
        if (labels.length == 0) {
            throw new InputException("clustering metrics need at least one example");
        }
        if (numClasses < 1 || numClusters < 1) {
            throw new InputException("need at least one class and one cluster, got " + numClasses + " and " + numClusters);
        }
        int n = labels.length;
        long[][] table = new long[numClusters][numClasses];
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new InputException("label " + labels[i] + " of example " + i + " is outside 0.." + (numClasses - 1));
            }
            if (assigned[i] < 0 || assigned[i] >= numClusters) {
                throw new InputException("cluster " + assigned[i] + " of example " + i + " is outside 0.." + (numClusters - 1));
            }
            table[assigned[i]][labels[i]]++;
        }
        long[] clusterSize = new long[numClusters];
        long[] classSize = new long[numClasses];
        for (int k = 0; k < numClusters; k++) {
            for (int c = 0; c < numClasses; c++) {
                clusterSize[k] += table[k][c];
                classSize[c] += table[k][c];
            }
        }

        double[][] gain = new double[numClusters][numClasses];
        for (int k = 0; k < numClusters; k++) {
            for (int c = 0; c < numClasses; c++) {
                gain[k][c] = table[k][c];
            }
        }
        int[] matching = Hungarian.maximise(gain);
        long matched = 0;
        for (int k = 0; k < numClusters; k++) {
            if (matching[k] >= 0) {
                matched += table[k][matching[k]];
            }
        }

        List<Cluster> clusters = new ArrayList<>();
        long majorityTotal = 0;
        for (int k = 0; k < numClusters; k++) {
            int best = -1;
            long bestCount = 0;
            for (int c = 0; c < numClasses; c++) {
                if (table[k][c] > bestCount) {
                    bestCount = table[k][c];
                    best = c;
                }
            }
            majorityTotal += bestCount;
            clusters.add(new Cluster(k, (int) clusterSize[k], best,
                    clusterSize[k] == 0 ? 0 : bestCount / (double) clusterSize[k]));
        }
        return new ClusterMetrics(n, matched / (double) n, majorityTotal / (double) n,
                nmi(table, clusterSize, classSize, n), ari(table, clusterSize, classSize, n), matching, List.copyOf(clusters));
    }

    /** Mutual information over the arithmetic mean of the entropies (scikit-learn's default). */
    private static double nmi(long[][] table, long[] clusterSize, long[] classSize, int n) {
        double hClusters = entropy(clusterSize, n);
        double hClasses = entropy(classSize, n);
        if (hClusters == 0 && hClasses == 0) {
            return 1; // both partitions are a single block: they agree
        }
        double mi = 0;
        for (int k = 0; k < table.length; k++) {
            for (int c = 0; c < table[k].length; c++) {
                if (table[k][c] > 0) {
                    double pkc = table[k][c] / (double) n;
                    mi += pkc * Math.log(pkc * n * n / ((double) clusterSize[k] * classSize[c]));
                }
            }
        }
        return Math.max(0, Math.min(1, mi / ((hClusters + hClasses) / 2)));
    }

    private static double entropy(long[] sizes, int n) {
        double h = 0;
        for (long s : sizes) {
            if (s > 0) {
                double p = s / (double) n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /**
     * ARI = (Σ C(n_kc, 2) − E) / (½(Σ C(a_k, 2) + Σ C(b_c, 2)) − E), E = Σ C(a_k, 2) Σ C(b_c, 2) / C(n, 2)
     * (Hubert &amp; Arabie 1985).
     */
    private static double ari(long[][] table, long[] clusterSize, long[] classSize, int n) {
        double sumCells = 0;
        for (long[] row : table) {
            for (long v : row) {
                sumCells += pairs(v);
            }
        }
        double sumA = 0;
        for (long a : clusterSize) {
            sumA += pairs(a);
        }
        double sumB = 0;
        for (long b : classSize) {
            sumB += pairs(b);
        }
        double expected = sumA * sumB / pairs(n);
        double max = 0.5 * (sumA + sumB);
        if (n < 2 || max == expected) {
            return 1; // both partitions trivial (all singletons or one block): identical up to labels
        }
        return (sumCells - expected) / (max - expected);
    }

    private static double pairs(long m) {
        return m * (m - 1) / 2.0;
    }

    /** The argmax of each row of {@code responsibilities}: the hard cluster of each example. */
    public static int[] argmax(float[][] responsibilities) {
        int[] a = new int[responsibilities.length];
        for (int i = 0; i < a.length; i++) {
            float[] r = responsibilities[i];
            int best = 0;
            for (int k = 1; k < r.length; k++) {
                if (r[k] > r[best]) {
                    best = k;
                }
            }
            a[i] = best;
        }
        return a;
    }
}
