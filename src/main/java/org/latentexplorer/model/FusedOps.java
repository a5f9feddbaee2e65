package org.latentexplorer.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The dense VAE's element-wise work fused into single passes: bias + ReLU in place, bias + sigmoid
 * copied out into Java rows, the Bernoulli loss with its gradient, and the Adam update. ND4J
 * 1.0.0-M2.1 runs each element-wise op one scalar at a time and one op per pass (its
 * sigmoid costs ≈ 5 ns an element, a third of a 400-code decode: docs/benchmarks.md); with the JDK's
 * vector module ({@code --add-modules jdk.incubator.vector}, which the launcher and the tests pass)
 * they run on SIMD registers, reading ND4J's off-heap buffer directly. Without the module the same
 * results come from ND4J's own ops.
 */
final class FusedOps {
    private FusedOps() {
    }

    /** Whether the SIMD path is in use (the module is resolved in this JVM). */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("latentexplorer.noVector");

    /** h ← max(h + b, 0) row-wise, in place; h is n × d, b has d entries. */
    static void biasRelu(INDArray h, INDArray b) {
        if (VECTOR && plain(h)) {
            VectorFusedOps.biasRelu(h, bias(b, h.size(1)));
        } else {
            Transforms.relu(h.addiRowVector(b), false);
        }
    }

    /** Rows of sigmoid(l + b) for n × d logits l (b may be null), as new Java arrays. */
    static float[][] biasSigmoidRows(INDArray l, INDArray b) {
        if (VECTOR && plain(l)) {
            return VectorFusedOps.biasSigmoidRows(l, b == null ? null : bias(b, l.size(1)));
        }
        // Never in place: l is the caller's.
        return SameDiffModel.toRows(b == null ? Transforms.sigmoid(l, true) : Transforms.sigmoid(l.addRowVector(b), false));
    }

    /** a ← sigmoid(a) in place, on a Java array (an imported decoder's logits). */
    static void sigmoidInPlace(float[] a) {
        if (VECTOR) {
            VectorFusedOps.sigmoidInPlace(a);
        } else {
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (1.0 / (1.0 + Math.exp(-a[i])));
            }
        }
    }

    /**
     * Bernoulli reconstruction term and its gradient in one pass over logits l and pixels x (n × D):
     * returns Σ −log p(x|l) = Σ max(l, 0) − l·x + log(1 + e^−|l|) (the overflow-free form of the
     * cross-entropy), and overwrites l with ∂/∂l = (sigmoid(l) − x)·scale (Kingma &amp; Welling 2014,
     * appendix C.1: the decoder's Bernoulli mean is sigmoid(l)).
     */
    static double bernoulliLossGrad(INDArray l, INDArray x, double scale) {
        if (VECTOR && plain(l) && plain(x) && java.util.Arrays.equals(l.shape(), x.shape())) {
            return VectorFusedOps.bernoulliLossGrad(l, x, (float) scale);
        }
        INDArray tail = Transforms.log(Transforms.exp(Transforms.abs(l, true).negi(), false).addi(1), false);
        double sum = Transforms.relu(l, true).subi(l.mul(x)).addi(tail).sumNumber().doubleValue();
        Transforms.sigmoid(l, false).subi(x).muli(scale);
        return sum;
    }

    /** Whether {@link #adam} can update p from g (both flat float buffers of the CPU backend). */
    static boolean canAdam(INDArray p, INDArray g) {
        return VECTOR && plainFlat(p) && plainFlat(g) && p.length() == g.length();
    }

    /**
     * One Adam step in place (Kingma &amp; Ba 2015, Algorithm 1, with the step size folded into
     * α_t = α·√(1 − β₂ᵗ)/(1 − β₁ᵗ) as in their §2): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
     * p ← p − α_t·m/(√v + ε) − decay·p, the last term being decoupled weight decay (Loshchilov &amp;
     * Hutter 2019). m and v are the caller's state, as long as p.
     */
    static void adam(INDArray p, INDArray g, float[] m, float[] v, double beta1, double beta2, double alphaT,
                     double epsilon, double decay) {
        VectorFusedOps.adam(p, g, m, v, (float) beta1, (float) beta2, (float) alphaT, (float) epsilon, (float) decay);
    }

    /** A c-ordered 2-D float array that owns its whole buffer from offset 0, so it can be read raw. */
    private static boolean plain(INDArray a) {
        return a.rank() == 2 && a.size(1) > 0 && plainFlat(a);
    }

    /** Whether ND4J's arrays live in host memory this process can read (not a GPU backend). */
    private static final boolean CPU_BACKEND = Nd4j.getBackend().getClass().getSimpleName().startsWith("CpuBackend");

    private static boolean plainFlat(INDArray a) {
        return CPU_BACKEND && a.dataType() == DataType.FLOAT && a.ordering() == 'c' && !a.isView()
                && a.offset() == 0 && a.data().length() == a.length();
    }

    private static float[] bias(INDArray b, long d) {
        if (b.length() != d) {
            throw new IllegalArgumentException("bias has " + b.length() + " entries for " + d + " columns");
        }
        return plainFlat(b) ? b.data().asFloat() : b.dup().data().asFloat();
    }
}
