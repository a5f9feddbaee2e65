package org.latentexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.reflect.Method;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.FreshCopy;
import org.latentexplorer.common.Lanes;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The SIMD activations give ND4J's own results, including the ragged tail of each row. */
class FusedOpsTest {
    /** 37 columns: two full 16-lane vectors and a 5-column scalar tail on AVX-512. */
    private static INDArray logits() {
        Nd4j.getRandom().setSeed(7);
        INDArray l = Nd4j.randn(DataType.FLOAT, 5, 37).muli(12);
        l.putScalar(0, 0, 200f);
        l.putScalar(0, 1, -200f);
        return l;
    }

    private static INDArray bias() {
        float[] b = new float[37];
        for (int j = 0; j < b.length; j++) {
            b[j] = -3f + j / 6f;
        }
        return Nd4j.create(b, new long[]{37}, 'c');
    }

    @Test
    void theVectorModuleIsInUseUnderTheBuild() {
        assertThat(FusedOps.VECTOR).as("surefire passes --add-modules=jdk.incubator.vector").isTrue();
    }

    @Test
    void biasSigmoidRowsMatchesNd4j() {
        INDArray l = logits();
        INDArray b = bias();
        float[][] expected = SameDiffModel.toRows(Transforms.sigmoid(l.addRowVector(b), false));
        float[][] got = VectorFusedOps.biasSigmoidRows(l, b.data().asFloat());
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(got[i][j]).as("(%d,%d)", i, j).isCloseTo(expected[i][j], within(1e-6f));
            }
        }
        assertThat(got[0][0]).isEqualTo(1f);
        assertThat(got[0][1]).isEqualTo(0f);
        assertThat(FusedOps.biasSigmoidRows(l, null)[2][36])
                .isCloseTo(1f / (1f + (float) Math.exp(-l.getFloat(2, 36))), within(1e-6f));
    }

    @Test
    void biasReluMatchesNd4jInPlace() {
        INDArray l = logits();
        INDArray b = bias();
        INDArray expected = Transforms.relu(l.addRowVector(b), false);
        VectorFusedOps.biasRelu(l, b.data().asFloat());
        assertThat(l.equalsWithEps(expected, 1e-6)).isTrue();
        assertThat(l.minNumber().floatValue()).isEqualTo(0f);
    }

    @Test
    void aViewFallsBackToNd4jWithTheSameResult() {
        INDArray l = logits();
        INDArray view = l.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        float[][] got = FusedOps.biasSigmoidRows(view, null);
        assertThat(l.getFloat(1, 3)).as("input untouched").isEqualTo(logits().getFloat(1, 3));
        assertThat(got).hasDimensions(2, 37);
        assertThat(got[0][3]).isCloseTo(1f / (1f + (float) Math.exp(-l.getFloat(1, 3))), within(1e-6f));
    }

    @Test
    void bernoulliLossAndGradientMatchNd4j() {
        INDArray l = logits();
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 37);
        x.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1), org.nd4j.linalg.indexing.NDArrayIndex.all()).assign(1f);
        INDArray tail = Transforms.log(Transforms.exp(Transforms.abs(l, true).negi(), false).addi(1), false);
        double expectedLoss = Transforms.relu(l, true).subi(l.mul(x)).addi(tail).sumNumber().doubleValue();
        INDArray expectedGrad = Transforms.sigmoid(l, true).subi(x).muli(0.25);

        double loss = VectorFusedOps.bernoulliLossGrad(l, x, 0.25f);

        assertThat(loss).isCloseTo(expectedLoss, within(1e-4 * Math.abs(expectedLoss)));
        assertThat(l.equalsWithEps(expectedGrad, 1e-6)).as("l now holds the gradient").isTrue();
    }

    @Test
    void adamMatchesNd4jsUpdaterOverSeveralSteps() {
        Nd4j.getRandom().setSeed(11);
        INDArray p1 = Nd4j.randn(DataType.FLOAT, 3, 37);
        INDArray p2 = p1.dup();
        org.nd4j.linalg.learning.config.Adam config = new org.nd4j.linalg.learning.config.Adam(0.01);
        org.nd4j.linalg.learning.AdamUpdater reference = new org.nd4j.linalg.learning.AdamUpdater(config);
        reference.setStateViewArray(Nd4j.zeros(DataType.FLOAT, 1, 2 * p1.length()), p1.shape(), 'c', true);
        float[] m = new float[(int) p1.length()];
        float[] v = new float[(int) p1.length()];
        for (int it = 0; it < 4; it++) {
            INDArray g = Nd4j.randn(DataType.FLOAT, 3, 37);
            INDArray update = g.dup();
            reference.applyUpdater(update, it, 0);
            p1.subi(update);
            double alphaT = 0.01 * Math.sqrt(1 - Math.pow(config.getBeta2(), it + 1)) / (1 - Math.pow(config.getBeta1(), it + 1));
            assertThat(FusedOps.canAdam(p2, g)).isTrue();
            FusedOps.adam(p2, g, m, v, config.getBeta1(), config.getBeta2(), alphaT, config.getEpsilon(), 0);
        }
        assertThat(p2.equalsWithEps(p1, 1e-5)).as("%s vs %s", p2, p1).isTrue();
    }

    @Test
    void vectorExpAndLog1pAreWithinAFewUlpOfMathsOverTheirRanges() {
        VectorSpecies<Float> species = FloatVector.SPECIES_PREFERRED;
        float[] in = new float[species.length()];
        float[] out = new float[species.length()];
        double worstExp = 0;
        double worstLog = 0;
        for (int i = 0; i < 200_000; i++) {
            for (int j = 0; j < in.length; j++) {
                in[j] = -87.33f * (i * in.length + j) / (200_000f * in.length);
            }
            VectorFusedOps.exp(FloatVector.fromArray(species, in, 0)).intoArray(out, 0);
            for (int j = 0; j < in.length; j++) {
                double exact = Math.exp(in[j]);
                worstExp = Math.max(worstExp, Math.abs(out[j] - exact) / Math.ulp((float) exact));
            }
            for (int j = 0; j < in.length; j++) {
                in[j] = (i * in.length + j + 1) / (200_000f * in.length);
            }
            VectorFusedOps.log1p(FloatVector.fromArray(species, in, 0)).intoArray(out, 0);
            for (int j = 0; j < in.length; j++) {
                double exact = Math.log1p(in[j]);
                worstLog = Math.max(worstLog, Math.abs(out[j] - exact) / Math.ulp((float) exact));
            }
        }
        assertThat(worstExp).as("exp, ulp").isLessThanOrEqualTo(1.0);
        assertThat(worstLog).as("log1p, ulp").isLessThanOrEqualTo(3.0);
        Arrays.fill(in, -90f);
        VectorFusedOps.exp(FloatVector.fromArray(species, in, 0)).intoArray(out, 0);
        assertThat(out[0]).as("below float's normal range").isEqualTo(0f);
        Arrays.fill(in, 0f);
        VectorFusedOps.exp(FloatVector.fromArray(species, in, 0)).intoArray(out, 0);
        assertThat(out[0]).isEqualTo(1f);
    }

    /**
     * Training with a seed is reproducible only if these ops give the same bits whether the JIT has
     * compiled them or not: the moment C2 takes over differs from run to run. A copy of
     * VectorFusedOps (and of Lanes) defined by a class loader of its own starts interpreted whatever earlier tests
     * compiled; its results are compared with its own once it has been called enough to be compiled.
     * (With the vector module's EXP and LOG1P a few lanes in a thousand changed in the last bit.)
     */
    @Test
    void fusedOpsGiveTheSameBitsInterpretedAndCompiled() throws Exception {
        Class<?> fresh = FreshCopy.of(VectorFusedOps.class, Lanes.class);
        Method lossGrad = FreshCopy.method(fresh, "bernoulliLossGrad", INDArray.class, INDArray.class, float.class);
        Method sigmoid = FreshCopy.method(fresh, "biasSigmoidRows", INDArray.class, float[].class);
        Nd4j.getRandom().setSeed(5);
        INDArray l0 = Nd4j.randn(DataType.FLOAT, 15, 37).muli(6);   // 555 values: ragged tails too
        INDArray x = Nd4j.rand(DataType.FLOAT, 15, 37);
        float[] b = new float[37];
        Arrays.fill(b, 0.25f);
        INDArray l = l0.dup();
        double loss = (double) lossGrad.invoke(null, l, x, 0.5f);
        float[] grad = l.data().asFloat();
        float[][] mean = (float[][]) sigmoid.invoke(null, l0, b);
        for (int call = 1; call <= 4000; call++) {
            l.assign(l0);
            double again = (double) lossGrad.invoke(null, l, x, 0.5f);
            if (again != loss || !Arrays.equals(l.data().asFloat(), grad)
                    || !Arrays.deepEquals((float[][]) sigmoid.invoke(null, l0, b), mean)) {
                assertThat(again).as("loss at call %d", call).isEqualTo(loss);
                assertThat(l.data().asFloat()).as("gradient at call %d", call).isEqualTo(grad);
                assertThat((float[][]) sigmoid.invoke(null, l0, b)).as("sigmoid at call %d", call).isDeepEqualTo(mean);
            }
        }
    }
}
