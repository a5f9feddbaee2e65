package org.latentexplorer.model;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.latentexplorer.common.Lanes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The SIMD bodies behind {@link FusedOps}; loaded only when the vector module is present. The
 * arrays are read and written where ND4J keeps them (native memory), row by row.
 *
 * <p>The vector code uses only lane-wise operations that IEEE 754 rounds exactly (+, −, ×, ÷, √, fma,
 * min/max, compares, bit operations), so its results are the same whether the JIT has compiled this
 * class yet or not. The vector module's EXP and LOG1P and its float {@code reduceLanes(ADD)} are not:
 * compiled by C2 they run a native SIMD math library and a tree-shaped sum, interpreted they run
 * {@code Math.exp} per lane and a left-to-right sum, and the two differ in the last bit of a few
 * lanes in a thousand. With them, training depended on when compilation happened to finish, and two
 * runs with the same seed gave different weights; {@link #exp}, {@link #log1p} and {@link Lanes#sum}
 * replace them. (The scalar tails' {@code Math.exp} and {@code Math.log1p} are one routine in
 * HotSpot's interpreter and compilers alike; {@code FusedOpsTest} checks both paths.)
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
                sigmoid(v, exp(v.abs().neg())).intoArray(o, j);
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
        FloatVector zero = FloatVector.zero(S);
        FloatVector sum = FloatVector.zero(S);
        double total = 0;
        long i = 0;
        for (int k = 0; i < bound; i += S.length(), k++) {
            long at = i * Float.BYTES;
            FloatVector lv = FloatVector.fromMemorySegment(S, ml, at, ORDER);
            FloatVector xv = FloatVector.fromMemorySegment(S, mx, at, ORDER);
            FloatVector e = exp(lv.abs().neg());
            sum = sum.add(lv.max(zero).sub(lv.mul(xv)).add(log1p(e)));
            sigmoid(lv, e).sub(xv).mul(scale).intoMemorySegment(ml, at, ORDER);
            if ((k & 255) == 255) { // flush the float lanes into a double now and then: no drift over 10⁵ terms
                total += Lanes.sum(sum);
                sum = zero;
            }
        }
        total += Lanes.sum(sum);
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

    /** a ← sigmoid(a) in place: the same lanes and scalar tail as {@link #biasSigmoidRows}, on a Java array. */
    static void sigmoidInPlace(float[] a) {
        int bound = S.loopBound(a.length);
        int j = 0;
        for (; j < bound; j += S.length()) {
            FloatVector v = FloatVector.fromArray(S, a, j);
            sigmoid(v, exp(v.abs().neg())).intoArray(a, j);
        }
        for (; j < a.length; j++) {
            a[j] = (float) (1.0 / (1.0 + Math.exp(-a[j])));
        }
    }

    /** sigmoid(v) = 1 / (1 + e^−v) from e = e^−|v|: 1/(1 + e) for v ≥ 0, e/(1 + e) below, never overflowing. */
    private static FloatVector sigmoid(FloatVector v, FloatVector e) {
        FloatVector inv = FloatVector.broadcast(S, 1f).div(e.add(1f));
        return inv.blend(e.mul(inv), v.compare(VectorOperators.LT, 0f));
    }

    /** Below this e^x is near float's smallest normal number 2⁻¹²⁶ (ln 2⁻¹²⁶ = −87.3365) and taken as 0. */
    private static final float EXP_MIN = -87.33f;
    private static final float LOG2E = 1.44269504f;
    /** ln 2 split so that n·LN2_HI is exact for the |n| ≤ 126 here (Cody &amp; Waite 1980; Cephes expf). */
    private static final float LN2_HI = 0.693359375f, LN2_LO = -2.12194440e-4f;
    /** 1.5·2²³: adding it rounds a float of magnitude below 2²² to an integer (round to nearest even). */
    private static final float ROUND = 12582912f;

    /**
     * e^x for x ≤ 0 (0 below {@link #EXP_MIN}), to within 1 ulp: x = n ln 2 + r with |r| ≤ ½ ln 2,
     * e^r by its Taylor series to r⁷ (remainder below r⁸/8! ≈ 6·10⁻⁹), times 2ⁿ set in the exponent bits
     * (Cody &amp; Waite 1980, "Software Manual for the Elementary Functions", ch. 6).
     */
    static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(EXP_MIN);
        // t = n + 1.5·2²³ with n = round(x/ln 2): n sits in the low bits of t's significand.
        FloatVector t = xc.fma(FloatVector.broadcast(S, LOG2E), FloatVector.broadcast(S, ROUND));
        FloatVector n = t.sub(ROUND);
        FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), xc);
        r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector p = r.fma(1f / 5040, 1f / 720);
        for (float c : EXP_TAYLOR) {
            p = p.fma(r, FloatVector.broadcast(S, c));
        }
        // 2ⁿ: exponent field n + 127; shifting t's bits left by 23 keeps (n + 127)·2²³ and drops the rest of t.
        FloatVector scale = t.reinterpretAsInts().add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(scale).blend(0f, x.compare(VectorOperators.LT, EXP_MIN));
    }

    /** 1/5!, 1/4!, … 1/0!: e^r's Taylor coefficients below r⁶, highest first. */
    private static final float[] EXP_TAYLOR = {1f / 120, 1f / 24, 1f / 6, 0.5f, 1f, 1f};

    /**
     * log(1 + e) for 0 ≤ e ≤ 1, to about 3 ulp: with t = e/(2 + e) ≤ ⅓, log(1 + e) = 2 atanh t
     * = 2t (1 + t²/3 + t⁴/5 + …), summed to t¹², the rest below (1/9)⁷/15 ≈ 1.4·10⁻⁸ of the whole.
     */
    static FloatVector log1p(FloatVector e) {
        FloatVector t = e.div(e.add(2f));
        FloatVector s = t.mul(t);
        FloatVector p = s.fma(1f / 13, 1f / 11);
        for (float c : ATANH_SERIES) {
            p = p.fma(s, FloatVector.broadcast(S, c));
        }
        return p.mul(t).mul(2f);
    }

    /** 1/9, 1/7, … 1/1: the coefficients of atanh(t)/t in t² below t¹⁰, highest first. */
    private static final float[] ATANH_SERIES = {1f / 9, 1f / 7, 1f / 5, 1f / 3, 1f};
}
