package org.latentexplorer.inpaint;

/**
 * The inner loops of {@link DenseVaeNetwork}: a dense layer applied to one example,
 * {@code out += Σ_k v_k · W[row_k]} over the example's non-zero inputs, and its transpose. With the
 * JDK Vector API ({@code jdk.incubator.vector}, present when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, as the launcher and the tests do) the loops use explicit
 * SIMD fused multiply-adds; without it, plain loops. Why: HotSpot C2 in JDK 25 does not
 * auto-vectorise {@code out[j] += v * w[r + j]} (it cannot rule out that the two float arrays alias;
 * {@code -XX:-UseSuperWord} changes nothing), and the Vector API version ran 4–5× faster on the
 * 512 × 784 output layer (docs/benchmarks-inpaint.md).
 */
final class DenseKernels {
    /** True when the Vector API is in use (the module is present and not switched off). */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("latentexplorer.plainLoops");

    private DenseKernels() {
    }

    /**
     * out[j] += Σ_{k < n} coef[k] · w[rows[k] · nOut + j] for j < nOut: the rows of a row-major
     * nIn × nOut weight matrix picked by {@code rows}, scaled and summed into {@code out}.
     */
    static void addRows(float[] w, int nOut, int[] rows, float[] coef, int n, float[] out, boolean vector) {
        if (vector) {
            VectorKernels.addRows(w, nOut, rows, coef, n, out);
        } else {
            addRowsPlain(w, nOut, rows, coef, n, out);
        }
    }

    static void addRows(float[] w, int nOut, int[] rows, float[] coef, int n, float[] out) {
        addRows(w, nOut, rows, coef, n, out, VECTOR);
    }

    /** Four rows per pass over {@code out}, so each out[j] is loaded and stored a quarter as often. */
    static void addRowsPlain(float[] w, int nOut, int[] rows, float[] coef, int n, float[] out) {
        int k = 0;
        for (; k + 3 < n; k += 4) {
            int r0 = rows[k] * nOut, r1 = rows[k + 1] * nOut, r2 = rows[k + 2] * nOut, r3 = rows[k + 3] * nOut;
            float v0 = coef[k], v1 = coef[k + 1], v2 = coef[k + 2], v3 = coef[k + 3];
            for (int j = 0; j < nOut; j++) {
                out[j] += v0 * w[r0 + j] + v1 * w[r1 + j] + v2 * w[r2 + j] + v3 * w[r3 + j];
            }
        }
        for (; k < n; k++) {
            int r = rows[k] * nOut;
            float v = coef[k];
            for (int j = 0; j < nOut; j++) {
                out[j] += v * w[r + j];
            }
        }
    }

    /** gIn[i] = Σ_j w[i · nOut + j] · gOut[j] for i < nIn: the transposed product (a backward pass). */
    static void dotRows(float[] w, int nIn, int nOut, float[] gOut, float[] gIn, boolean vector) {
        if (vector) {
            VectorKernels.dotRows(w, nIn, nOut, gOut, gIn);
            return;
        }
        for (int i = 0; i < nIn; i++) {
            int row = i * nOut;
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int j = 0;
            for (; j + 3 < nOut; j += 4) {
                s0 += w[row + j] * gOut[j];
                s1 += w[row + j + 1] * gOut[j + 1];
                s2 += w[row + j + 2] * gOut[j + 2];
                s3 += w[row + j + 3] * gOut[j + 3];
            }
            for (; j < nOut; j++) {
                s0 += w[row + j] * gOut[j];
            }
            gIn[i] = s0 + s1 + s2 + s3;
        }
    }

    static void dotRows(float[] w, int nIn, int nOut, float[] gOut, float[] gIn) {
        dotRows(w, nIn, nOut, gOut, gIn, VECTOR);
    }
}
