package org.latentexplorer.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The element-wise steps that follow a dense layer's matrix product: bias + ReLU in place, and
 * bias + sigmoid copied out into Java rows. ND4J 1.0.0-M2.1 runs these one scalar at a time (its
 * sigmoid costs ≈ 5 ns an element, a third of a 400-code decode: docs/benchmarks.md); with the JDK's
 * vector module ({@code --add-modules jdk.incubator.vector}, which the launcher and the tests pass)
 * they run on SIMD registers, reading ND4J's off-heap buffer directly. Without the module the same
 * results come from ND4J's own ops.
 */
final class Activations {
    private Activations() {
    }

    /** Whether the SIMD path is in use (the module is resolved in this JVM). */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("latentexplorer.noVector");

    /** h ← max(h + b, 0) row-wise, in place; h is n × d, b has d entries. */
    static void biasRelu(INDArray h, INDArray b) {
        if (VECTOR && plain(h)) {
            VectorActivations.biasRelu(h, bias(b, h.size(1)));
        } else {
            Transforms.relu(h.addiRowVector(b), false);
        }
    }

    /** Rows of sigmoid(l + b) for n × d logits l (b may be null), as new Java arrays. */
    static float[][] biasSigmoidRows(INDArray l, INDArray b) {
        if (VECTOR && plain(l)) {
            return VectorActivations.biasSigmoidRows(l, b == null ? null : bias(b, l.size(1)));
        }
        // Never in place: l is the caller's.
        return SameDiffModel.toRows(b == null ? Transforms.sigmoid(l, true) : Transforms.sigmoid(l.addRowVector(b), false));
    }

    /** A c-ordered float array that owns its whole buffer from offset 0, so it can be read raw. */
    private static boolean plain(INDArray a) {
        return a.rank() == 2 && a.dataType() == DataType.FLOAT && a.ordering() == 'c' && !a.isView()
                && a.offset() == 0 && a.data().length() == a.length() && a.size(1) > 0
                && Nd4j.getBackend().getClass().getSimpleName().startsWith("CpuBackend");
    }

    private static float[] bias(INDArray b, long d) {
        if (b.length() != d) {
            throw new IllegalArgumentException("bias has " + b.length() + " entries for " + d + " columns");
        }
        return b.dup().data().asFloat();
    }
}
