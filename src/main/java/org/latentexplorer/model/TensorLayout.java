package org.latentexplorer.model;

import java.util.Arrays;
import org.latentexplorer.data.ImageShape;

/**
 * How an imported graph lays out a batch of images. Latent Explorer keeps an example channel-major
 * (C, H, W flattened, see {@link ImageShape}), which is exactly PyTorch's {@code [N, C, H, W]} and, for
 * one channel, a flat {@code [N, H·W]} or {@code [N, H, W]}; Keras and JAX put the channel last
 * ({@code [N, H, W, C]}) and need a transpose.
 */
public enum TensorLayout {
    /** {@code [N, C·H·W]}. */
    FLAT,
    /** {@code [N, H, W]}, one channel. */
    NHW,
    /** {@code [N, C, H, W]} (PyTorch). */
    NCHW,
    /** {@code [N, H, W, C]} (Keras, JAX/Flax). */
    NHWC;

    /**
     * The layout a declared tensor shape has for examples of {@code shape}, or null when it fits none.
     * Unknown sizes (negative, as ONNX Runtime reports symbolic dimensions) match anything; the batch
     * dimension is not checked. When several layouts fit (a 3×3×3 image, or sizes left symbolic),
     * PyTorch's comes first.
     */
    public static TensorLayout detect(long[] declared, ImageShape shape) {
        if (declared == null) {
            return null;
        }
        long c = shape.channels(), h = shape.height(), w = shape.width();
        return switch (declared.length) {
            case 2 -> fits(declared, shape.size()) ? FLAT : null;
            case 3 -> c == 1 && fits(declared, h, w) ? NHW : null;
            case 4 -> fits(declared, c, h, w) ? NCHW : fits(declared, h, w, c) ? NHWC : null;
            default -> null;
        };
    }

    private static boolean fits(long[] declared, long... sizes) {
        for (int i = 0; i < sizes.length; i++) {
            long s = declared[i + 1];
            if (s >= 0 && s != sizes[i]) {
                return false;
            }
        }
        return true;
    }

    /** The tensor shape of {@code n} examples in this layout. */
    public long[] shape(int n, ImageShape shape) {
        long c = shape.channels(), h = shape.height(), w = shape.width();
        return switch (this) {
            case FLAT -> new long[]{n, shape.size()};
            case NHW -> new long[]{n, h, w};
            case NCHW -> new long[]{n, c, h, w};
            case NHWC -> new long[]{n, h, w, c};
        };
    }

    /** Rows in Latent Explorer's order → one buffer in this layout. */
    public float[] pack(float[][] rows, ImageShape shape) {
        int dim = shape.size();
        float[] out = new float[rows.length * dim];
        for (int i = 0; i < rows.length; i++) {
            if (this == NHWC && shape.channels() > 1) {
                toChannelLast(rows[i], 0, out, i * dim, shape);
            } else {
                System.arraycopy(rows[i], 0, out, i * dim, dim);
            }
        }
        return out;
    }

    /** One buffer in this layout → rows in Latent Explorer's order. */
    public float[][] unpack(float[] buffer, int n, ImageShape shape) {
        int dim = shape.size();
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            if (this == NHWC && shape.channels() > 1) {
                rows[i] = new float[dim];
                toChannelFirst(buffer, i * dim, rows[i], shape);
            } else {
                rows[i] = Arrays.copyOfRange(buffer, i * dim, (i + 1) * dim);
            }
        }
        return rows;
    }

    private static void toChannelLast(float[] chw, int from, float[] out, int at, ImageShape s) {
        int c = s.channels(), plane = s.height() * s.width();
        for (int ch = 0; ch < c; ch++) {
            for (int p = 0; p < plane; p++) {
                out[at + p * c + ch] = chw[from + ch * plane + p];
            }
        }
    }

    private static void toChannelFirst(float[] hwc, int from, float[] out, ImageShape s) {
        int c = s.channels(), plane = s.height() * s.width();
        for (int ch = 0; ch < c; ch++) {
            for (int p = 0; p < plane; p++) {
                out[ch * plane + p] = hwc[from + p * c + ch];
            }
        }
    }

    /** How a user would write the shape: {@code [N, 1, 28, 28]}. */
    public static String describe(long[] declared) {
        if (declared == null) {
            return "(unknown)";
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < declared.length; i++) {
            b.append(i > 0 ? ", " : "").append(i == 0 && declared[i] < 0 ? "N" : declared[i] < 0 ? "?" : declared[i]);
        }
        return b.append(']').toString();
    }
}
