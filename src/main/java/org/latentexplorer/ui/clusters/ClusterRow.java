package org.latentexplorer.ui.clusters;

import java.util.List;

/**
 * One cluster in the gallery: its name, decoded centre, a few samples, and how the data set falls into it.
 *
 * @param size     examples assigned to it, −1 when there is no data set
 * @param purity   fraction of its examples in its majority class, NaN without labels
 * @param majority name of that class, null without labels or when the cluster is empty
 */
public record ClusterRow(int index, String name, float[] centre, List<float[]> samples, int size, double purity,
                         String majority) {
    public ClusterRow withName(String newName) {
        return new ClusterRow(index, newName, centre, samples, size, purity, majority);
    }
}
