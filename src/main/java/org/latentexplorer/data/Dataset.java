package org.latentexplorer.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.latentexplorer.common.InputException;

/**
 * A data set held in memory as plain values.
 *
 * <p>{@code values} holds {@code size × shape.size()} floats, row-major, one example after another.
 * Image values are scaled to [0, 1]. {@code NaN} marks a missing entry (ratings matrices); every
 * other non-finite value is rejected by the readers. {@code labels} is {@code null} when the data set
 * has no labels, else one class index per example in {@code [0, labelNames.size())}.
 *
 * @param id         a short name: a registered name ({@code mnist}) or the path it was read from
 * @param shape      the shape of one example
 * @param size       number of examples
 * @param values     the examples, {@code size * shape.size()} floats
 * @param labels     class index per example, or {@code null}
 * @param labelNames names of the classes (empty when there are no labels)
 */
public record Dataset(String id, ImageShape shape, int size, float[] values, int[] labels, List<String> labelNames) {
    public Dataset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(values, "values");
        labelNames = labelNames == null ? List.of() : List.copyOf(labelNames);
        if (size < 0 || (long) size * shape.size() != values.length) {
            throw new InputException(id + ": " + values.length + " values do not make " + size + " examples of " + shape);
        }
        if (labels != null) {
            if (labels.length != size) {
                throw new InputException(id + ": " + labels.length + " labels for " + size + " examples");
            }
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0 || labels[i] >= labelNames.size()) {
                    throw new InputException(id + ": label " + labels[i] + " of example " + i
                            + " is outside 0.." + (labelNames.size() - 1));
                }
            }
        }
    }

    /** Number of values in one example. */
    public int dim() {
        return shape.size();
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** A copy of example {@code i}. */
    public float[] row(int i) {
        int d = dim();
        return Arrays.copyOfRange(values, i * d, (i + 1) * d);
    }

    /** The examples at the given indices, in that order. */
    public Dataset subset(int[] indices) {
        int d = dim();
        float[] v = new float[indices.length * d];
        int[] l = labels == null ? null : new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(values, indices[k] * d, v, k * d, d);
            if (l != null) {
                l[k] = labels[indices[k]];
            }
        }
        return new Dataset(id, shape, indices.length, v, l, labelNames);
    }

    /** Examples {@code [from, to)}. */
    public Dataset range(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new InputException(id + ": range " + from + ".." + to + " is outside 0.." + size);
        }
        int d = dim();
        return new Dataset(id, shape, to - from, Arrays.copyOfRange(values, from * d, to * d),
                labels == null ? null : Arrays.copyOfRange(labels, from, to), labelNames);
    }

    /** The first {@code n} examples (all of them when {@code n >= size}). */
    public Dataset limit(int n) {
        if (n < 0) {
            throw new InputException("limit must be positive, got " + n);
        }
        return n >= size ? this : range(0, n);
    }

    /** True when some entry is missing (NaN). */
    public boolean hasMissing() {
        for (float v : values) {
            if (Float.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return id + " (" + size + " × " + shape + (labels == null ? "" : ", " + labelNames.size() + " classes") + ")";
    }
}
