package org.latentexplorer.inpaint;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.latentexplorer.common.Lanes;

/**
 * {@link DenseKernels} with the JDK Vector API. Loaded only when {@link DenseKernels#VECTOR} is true,
 * so a JVM without the {@code jdk.incubator.vector} module never touches this class.
 */
final class VectorKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorKernels() {
    }

    static void addRows(float[] w, int nOut, int[] rows, float[] coef, int n, float[] out) {
        int bound = S.loopBound(nOut);
        int k = 0;
        for (; k + 3 < n; k += 4) {
            int r0 = rows[k] * nOut, r1 = rows[k + 1] * nOut, r2 = rows[k + 2] * nOut, r3 = rows[k + 3] * nOut;
            float v0 = coef[k], v1 = coef[k + 1], v2 = coef[k + 2], v3 = coef[k + 3];
            FloatVector b0 = FloatVector.broadcast(S, v0), b1 = FloatVector.broadcast(S, v1);
            FloatVector b2 = FloatVector.broadcast(S, v2), b3 = FloatVector.broadcast(S, v3);
            int j = 0;
            for (; j < bound; j += S.length()) {
                FloatVector o = FloatVector.fromArray(S, out, j);
                o = FloatVector.fromArray(S, w, r0 + j).fma(b0, o);
                o = FloatVector.fromArray(S, w, r1 + j).fma(b1, o);
                o = FloatVector.fromArray(S, w, r2 + j).fma(b2, o);
                o = FloatVector.fromArray(S, w, r3 + j).fma(b3, o);
                o.intoArray(out, j);
            }
            for (; j < nOut; j++) {
                out[j] += v0 * w[r0 + j] + v1 * w[r1 + j] + v2 * w[r2 + j] + v3 * w[r3 + j];
            }
        }
        for (; k < n; k++) {
            int r = rows[k] * nOut;
            float v = coef[k];
            FloatVector b = FloatVector.broadcast(S, v);
            int j = 0;
            for (; j < bound; j += S.length()) {
                FloatVector.fromArray(S, w, r + j).fma(b, FloatVector.fromArray(S, out, j)).intoArray(out, j);
            }
            for (; j < nOut; j++) {
                out[j] += v * w[r + j];
            }
        }
    }

    /**
     * Four rows per pass over {@code gOut}: four independent chains of fmas rather than one. Each row's
     * lanes are then added in a fixed order ({@link Lanes#sum}), not by {@code reduceLanes(ADD)},
     * whose order, and so whose last bit, changed when C2 compiled this loop. A row's sum is the same
     * whether it is computed with three others or alone.
     */
    static void dotRows(float[] w, int nIn, int nOut, float[] gOut, float[] gIn) {
        int bound = S.loopBound(nOut);
        int i = 0;
        for (; i + 3 < nIn; i += 4) {
            int r0 = i * nOut, r1 = r0 + nOut, r2 = r1 + nOut, r3 = r2 + nOut;
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int j = 0; j < bound; j += S.length()) {
                FloatVector g = FloatVector.fromArray(S, gOut, j);
                a0 = FloatVector.fromArray(S, w, r0 + j).fma(g, a0);
                a1 = FloatVector.fromArray(S, w, r1 + j).fma(g, a1);
                a2 = FloatVector.fromArray(S, w, r2 + j).fma(g, a2);
                a3 = FloatVector.fromArray(S, w, r3 + j).fma(g, a3);
            }
            gIn[i] = rowSum(a0, w, r0, bound, nOut, gOut);
            gIn[i + 1] = rowSum(a1, w, r1, bound, nOut, gOut);
            gIn[i + 2] = rowSum(a2, w, r2, bound, nOut, gOut);
            gIn[i + 3] = rowSum(a3, w, r3, bound, nOut, gOut);
        }
        for (; i < nIn; i++) {
            int row = i * nOut;
            FloatVector acc = FloatVector.zero(S);
            for (int j = 0; j < bound; j += S.length()) {
                acc = FloatVector.fromArray(S, w, row + j).fma(FloatVector.fromArray(S, gOut, j), acc);
            }
            gIn[i] = rowSum(acc, w, row, bound, nOut, gOut);
        }
    }

    /** acc's lanes added in a fixed order, then the scalar tail w[row + j]·gOut[j] for bound ≤ j &lt; nOut. */
    private static float rowSum(FloatVector acc, float[] w, int row, int bound, int nOut, float[] gOut) {
        float s = Lanes.sum(acc);
        for (int j = bound; j < nOut; j++) {
            s += w[row + j] * gOut[j];
        }
        return s;
    }
}
