package org.latentexplorer.model;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The SIMD bodies behind {@link Activations}; loaded only when the vector module is present. The
 * arrays are read and written where ND4J keeps them (native memory), row by row.
 */
final class VectorActivations {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private VectorActivations() {
    }

    private static MemorySegment segment(INDArray a) {
        return MemorySegment.ofAddress(a.data().address()).reinterpret(a.length() * Float.BYTES);
    }

    static void biasRelu(INDArray h, float[] b) {
        MemorySegment m = segment(h);
        int n = (int) h.size(0), d = (int) h.size(1);
        int bound = S.loopBound(d);
        FloatVector zero = FloatVector.zero(S);
        for (int r = 0; r < n; r++) {
            long row = (long) r * d * Float.BYTES;
            int j = 0;
            for (; j < bound; j += S.length()) {
                long at = row + (long) j * Float.BYTES;
                FloatVector.fromMemorySegment(S, m, at, ORDER).add(FloatVector.fromArray(S, b, j)).max(zero)
                        .intoMemorySegment(m, at, ORDER);
            }
            for (; j < d; j++) {
                long at = row + (long) j * Float.BYTES;
                m.set(java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED, at,
                        Math.max(0f, m.get(java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED, at) + b[j]));
            }
        }
    }

    /** sigmoid(v) = 1 / (1 + e^−v), the Bernoulli decoder's mean (Kingma &amp; Welling 2014, appendix C.1). */
    static float[][] biasSigmoidRows(INDArray l, float[] b) {
        MemorySegment m = segment(l);
        int n = (int) l.size(0), d = (int) l.size(1);
        int bound = S.loopBound(d);
        FloatVector one = FloatVector.broadcast(S, 1f);
        float[][] out = new float[n][d];
        for (int r = 0; r < n; r++) {
            long row = (long) r * d * Float.BYTES;
            float[] o = out[r];
            int j = 0;
            for (; j < bound; j += S.length()) {
                FloatVector v = FloatVector.fromMemorySegment(S, m, row + (long) j * Float.BYTES, ORDER);
                if (b != null) {
                    v = v.add(FloatVector.fromArray(S, b, j));
                }
                one.div(v.neg().lanewise(VectorOperators.EXP).add(one)).intoArray(o, j);
            }
            for (; j < d; j++) {
                float v = m.get(java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED, row + (long) j * Float.BYTES)
                        + (b == null ? 0f : b[j]);
                o[j] = (float) (1.0 / (1.0 + Math.exp(-v)));
            }
        }
        return out;
    }
}
