package org.latentexplorer.ui.clusters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.eval.ClusterMetrics;
import org.latentexplorer.sample.ClusterModel;

/** Builds the gallery rows of a cluster model (worker thread; the caller holds the model's lock). */
final class Gallery {
    /** Samples shown beside each centre. */
    static final int SAMPLES = 4;
    /** Examples assigned to clusters for sizes and purity: enough for two-digit percentages, quick to encode. */
    static final int MAX_EXAMPLES = 5000;

    private Gallery() {
    }

    static float[][] rows(Dataset data, int max) {
        return data.rows(0, Math.min(data.size(), max));
    }

    /**
     * @param codes posterior means of {@code data} row by row (the workspace's), so that a mixture fitted
     *              to codes need not encode the examples again; null to let the cluster model encode
     */
    /** The gallery's rows, and accuracy, NMI and ARI of the assignment against the labels (null without labels). */
    record Built(List<ClusterRow> rows, ClusterMetrics metrics) {
    }

    static Built build(ClusterModel cm, Dataset data, float[][] codes, Map<Integer, String> savedNames,
                       long seed) {
        int k = cm.clusterCount();
        float[][] centres = cm.centres();
        int[] sizes = new int[k];
        Arrays.fill(sizes, -1);
        double[] purity = new double[k];
        Arrays.fill(purity, Double.NaN);
        String[] majority = new String[k];
        ClusterMetrics metrics = null;
        if (data != null && data.size() > 0) {
            float[][] x = rows(data, MAX_EXAMPLES);
            int[] assigned = ClusterMetrics.argmax(codes != null && codes.length >= x.length
                    ? cm.responsibilities(x, Arrays.copyOf(codes, x.length)) : cm.responsibilities(x));
            Arrays.fill(sizes, 0);
            for (int a : assigned) {
                sizes[a]++;
            }
            if (data.hasLabels()) {
                metrics = fillPurity(data, assigned, k, purity, majority);
            }
        }
        List<String> names = cm.clusterNames();
        List<ClusterRow> rows = new ArrayList<>(k);
        // Every cluster's few samples in one decode.
        int[] of = new int[k * SAMPLES];
        for (int i = 0; i < of.length; i++) {
            of[i] = i / SAMPLES;
        }
        float[][] drawn = cm.draws(of.length, seed).sample(of, 1.0);
        for (int c = 0; c < k; c++) {
            List<float[]> samples = List.of(Arrays.copyOfRange(drawn, c * SAMPLES, (c + 1) * SAMPLES));
            rows.add(new ClusterRow(c, savedNames.getOrDefault(c, names.get(c)), centres[c], samples, sizes[c],
                    purity[c], majority[c]));
        }
        return new Built(rows, metrics);
    }

    /** Purity and majority over the labelled examples only (a label below 0 means "missing"); the overall figures. */
    private static ClusterMetrics fillPurity(Dataset data, int[] assigned, int k, double[] purity, String[] majority) {
        int[] labels = data.labels();
        int m = 0;
        for (int i = 0; i < assigned.length; i++) {
            m += labels[i] >= 0 ? 1 : 0;
        }
        if (m == 0) {
            return null;
        }
        int[] l = new int[m];
        int[] a = new int[m];
        int classes = 1;
        for (int i = 0, j = 0; i < assigned.length; i++) {
            if (labels[i] >= 0) {
                l[j] = labels[i];
                a[j++] = assigned[i];
                classes = Math.max(classes, labels[i] + 1);
            }
        }
        classes = Math.max(classes, data.labelNames() == null ? 0 : data.labelNames().size());
        ClusterMetrics all = ClusterMetrics.compute(l, a, classes, k);
        for (ClusterMetrics.Cluster c : all.clusters()) {
            if (c.size() > 0) {
                purity[c.cluster()] = c.purity();
                majority[c.cluster()] = c.majority() < 0 ? null : label(data, c.majority());
            }
        }
        return all;
    }

    private static String label(Dataset data, int k) {
        List<String> names = data.labelNames();
        return names != null && k < names.size() ? names.get(k) : Integer.toString(k);
    }
}
