package org.latentexplorer.inpaint;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

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

    static void dotRows(float[] w, int nIn, int nOut, float[] gOut, float[] gIn) {
        int bound = S.loopBound(nOut);
        for (int i = 0; i < nIn; i++) {
            int row = i * nOut;
            FloatVector acc = FloatVector.zero(S);
            int j = 0;
            for (; j < bound; j += S.length()) {
                acc = FloatVector.fromArray(S, w, row + j).fma(FloatVector.fromArray(S, gOut, j), acc);
            }
            float s = acc.reduceLanes(VectorOperators.ADD);
            for (; j < nOut; j++) {
                s += w[row + j] * gOut[j];
            }
            gIn[i] = s;
        }
    }
}
