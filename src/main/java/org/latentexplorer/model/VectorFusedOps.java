package org.latentexplorer.model;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The SIMD bodies behind {@link FusedOps}; loaded only when the vector module is present. The
 * arrays are read and written where ND4J keeps them (native memory), row by row.
 */
final class VectorFusedOps {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private VectorFusedOps() {
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
                m.set(ValueLayout.JAVA_FLOAT_UNALIGNED, at,
                        Math.max(0f, m.get(ValueLayout.JAVA_FLOAT_UNALIGNED, at) + b[j]));
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
                float v = m.get(ValueLayout.JAVA_FLOAT_UNALIGNED, row + (long) j * Float.BYTES)
                        + (b == null ? 0f : b[j]);
                o[j] = (float) (1.0 / (1.0 + Math.exp(-v)));
            }
        }
        return out;
    }

    static double bernoulliLossGrad(INDArray l, INDArray x, float scale) {
        MemorySegment ml = segment(l);
        MemorySegment mx = segment(x);
        long len = l.length();
        long bound = S.loopBound(len);
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector zero = FloatVector.zero(S);
        FloatVector sum = FloatVector.zero(S);
        double total = 0;
        long i = 0;
        for (int k = 0; i < bound; i += S.length(), k++) {
            long at = i * Float.BYTES;
            FloatVector lv = FloatVector.fromMemorySegment(S, ml, at, ORDER);
            FloatVector xv = FloatVector.fromMemorySegment(S, mx, at, ORDER);
            FloatVector e = lv.abs().neg().lanewise(VectorOperators.EXP);
            sum = sum.add(lv.max(zero).sub(lv.mul(xv)).add(e.lanewise(VectorOperators.LOG1P)));
            one.div(lv.neg().lanewise(VectorOperators.EXP).add(one)).sub(xv).mul(scale).intoMemorySegment(ml, at, ORDER);
            if ((k & 255) == 255) { // flush the float lanes into a double now and then: no drift over 10⁵ terms
                total += sum.reduceLanes(VectorOperators.ADD);
                sum = zero;
            }
        }
        total += sum.reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            long at = i * Float.BYTES;
            float lv = ml.get(ValueLayout.JAVA_FLOAT_UNALIGNED, at);
            float xv = mx.get(ValueLayout.JAVA_FLOAT_UNALIGNED, at);
            total += Math.max(lv, 0f) - lv * xv + Math.log1p(Math.exp(-Math.abs(lv)));
            ml.set(ValueLayout.JAVA_FLOAT_UNALIGNED, at, (float) ((1.0 / (1.0 + Math.exp(-lv)) - xv) * scale));
        }
        return total;
    }

    static void adam(INDArray p, INDArray g, float[] m, float[] v, float beta1, float beta2, float alphaT,
                     float epsilon, float decay) {
        MemorySegment mp = segment(p);
        MemorySegment mg = segment(g);
        int len = (int) p.length();
        int bound = S.loopBound(len);
        float c1 = 1f - beta1, c2 = 1f - beta2, keep = 1f - decay;
        int i = 0;
        for (; i < bound; i += S.length()) {
            long at = (long) i * Float.BYTES;
            FloatVector gv = FloatVector.fromMemorySegment(S, mg, at, ORDER);
            FloatVector mv = FloatVector.fromArray(S, m, i).mul(beta1).add(gv.mul(c1));
            FloatVector vv = FloatVector.fromArray(S, v, i).mul(beta2).add(gv.mul(gv).mul(c2));
            mv.intoArray(m, i);
            vv.intoArray(v, i);
            FloatVector step = mv.mul(alphaT).div(vv.lanewise(VectorOperators.SQRT).add(epsilon));
            FloatVector.fromMemorySegment(S, mp, at, ORDER).mul(keep).sub(step).intoMemorySegment(mp, at, ORDER);
        }
        for (; i < len; i++) {
            long at = (long) i * Float.BYTES;
            float gi = mg.get(ValueLayout.JAVA_FLOAT_UNALIGNED, at);
            m[i] = beta1 * m[i] + c1 * gi;
            v[i] = beta2 * v[i] + c2 * gi * gi;
            float pi = mp.get(ValueLayout.JAVA_FLOAT_UNALIGNED, at);
            mp.set(ValueLayout.JAVA_FLOAT_UNALIGNED, at, pi * keep - alphaT * m[i] / ((float) Math.sqrt(v[i]) + epsilon));
        }
    }
}
