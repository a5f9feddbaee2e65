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

    /** Copies of examples {@code [from, to)}, one array per example. */
    public float[][] rows(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new InputException(id + ": range " + from + ".." + to + " is outside 0.." + size);
        }
        float[][] r = new float[to - from][];
        for (int i = from; i < to; i++) {
            r[i - from] = row(i);
        }
        return r;
    }

    /** Copies of all examples, one array per example. */
    public float[][] rows() {
        return rows(0, size);
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

    /**
     * The examples of several data sets one after another, under a new id. All parts must have the
     * same shape, the same label names, and either all or none must have labels.
     */
    public static Dataset concat(String id, List<Dataset> parts) {
        if (parts.isEmpty()) {
            throw new InputException(id + ": nothing to join");
        }
        Dataset first = parts.get(0);
        long total = 0;
        for (Dataset p : parts) {
            if (!p.shape.equals(first.shape) || !p.labelNames.equals(first.labelNames) || p.hasLabels() != first.hasLabels()) {
                throw new InputException(id + ": cannot join " + p + " to " + first + " (different shape or labels)");
            }
            total += p.size;
        }
        if (total * first.dim() > Integer.MAX_VALUE - 8) {
            throw new InputException(id + ": " + total + " examples of " + first.shape + " do not fit in memory as one array");
        }
        float[] v = new float[(int) (total * first.dim())];
        int[] l = first.hasLabels() ? new int[(int) total] : null;
        int at = 0;
        for (Dataset p : parts) {
            System.arraycopy(p.values, 0, v, at * first.dim(), p.values.length);
            if (l != null) {
                System.arraycopy(p.labels, 0, l, at, p.size);
            }
            at += p.size;
        }
        return new Dataset(id, first.shape, (int) total, v, l, first.labelNames);
    }

    /** The same examples under another id. */
    public Dataset withId(String newId) {
        return new Dataset(newId, shape, size, values, labels, labelNames);
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

    /**
     * SHA-256 over the shape, the values' float bits, the labels and their names, as
     * {@code "sha256:<hex>"}: the data's identity by content, for caches keyed by what a result was
     * computed from (a file rewritten with other images of the same count gets another fingerprint).
     */
    public String fingerprint() {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update((shape + "|" + size + "|" + labelNames + "|").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1 << 16);
        for (float v : values) {
            if (!b.hasRemaining()) {
                md.update(b.flip());
                b.clear();
            }
            b.putFloat(v);
        }
        md.update(b.flip());
        b.clear();
        for (int l : labels == null ? new int[] {-1} : labels) {
            if (!b.hasRemaining()) {
                md.update(b.flip());
                b.clear();
            }
            b.putInt(l);
        }
        md.update(b.flip());
        return "sha256:" + java.util.HexFormat.of().formatHex(md.digest());
    }

    @Override
    public String toString() {
        return id + " (" + size + " × " + shape + (labels == null ? "" : ", " + labelNames.size() + " classes") + ")";
    }
}
