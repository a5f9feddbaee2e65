package org.latentexplorer.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.FreshCopy;
import org.latentexplorer.common.Lanes;

class DenseKernelsTest {
    /** The Vector API and the plain loops give the same sums (to float rounding), at odd sizes too. */
    @Test
    void vectorAndPlainLoopsAgreeWithADirectSum() {
        assertThat(DenseKernels.VECTOR).as("the tests run with --add-modules jdk.incubator.vector").isTrue();
        SplittableRandom rng = new SplittableRandom(4);
        for (int[] size : new int[][]{{7, 5}, {33, 37}, {512, 784}, {1, 1}}) {
            int nIn = size[0], nOut = size[1];
            float[] w = new float[nIn * nOut];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) rng.nextGaussian();
            }
            int[] rows = IntStream.range(0, nIn).filter(i -> i % 3 != 1).toArray();
            float[] coef = new float[rows.length];
            for (int k = 0; k < coef.length; k++) {
                coef[k] = (float) rng.nextGaussian();
            }
            float[] expected = new float[nOut];
            for (int j = 0; j < nOut; j++) {
                double s = 1;
                for (int k = 0; k < rows.length; k++) {
                    s += (double) coef[k] * w[rows[k] * nOut + j];
                }
                expected[j] = (float) s;
            }
            for (boolean vector : new boolean[]{true, false}) {
                float[] out = new float[nOut];
                Arrays.fill(out, 1f);
                DenseKernels.addRows(w, nOut, rows, coef, rows.length, out, vector);
                assertThat(out).as("addRows %dx%d vector=%s", nIn, nOut, vector).containsExactly(expected, within(1e-3f));
            }
            float[] g = new float[nOut];
            for (int j = 0; j < nOut; j++) {
                g[j] = (float) rng.nextGaussian();
            }
            float[] dotExpected = new float[nIn];
            for (int i = 0; i < nIn; i++) {
                double s = 0;
                for (int j = 0; j < nOut; j++) {
                    s += (double) w[i * nOut + j] * g[j];
                }
                dotExpected[i] = (float) s;
            }
            for (boolean vector : new boolean[]{true, false}) {
                float[] gIn = new float[nIn];
                DenseKernels.dotRows(w, nIn, nOut, g, gIn, vector);
                assertThat(gIn).as("dotRows %dx%d vector=%s", nIn, nOut, vector).containsExactly(dotExpected, within(1e-3f));
            }
        }
    }

    /**
     * A seeded completion is reproducible only if the kernels give the same bits whether C2 has
     * compiled them yet or not (when it does differs from run to run). A fresh copy of VectorKernels
     * and of its lane sum starts interpreted; its results must not change once it is compiled. (With
     * {@code reduceLanes(ADD)} the dot products' last bits changed when C2 took over.)
     */
    @Test
    void vectorKernelsGiveTheSameBitsInterpretedAndCompiled() throws Exception {
        Class<?> fresh = FreshCopy.of(VectorKernels.class, Lanes.class);
        Method dotRows = FreshCopy.method(fresh, "dotRows", float[].class, int.class, int.class, float[].class, float[].class);
        Method addRows = FreshCopy.method(fresh, "addRows", float[].class, int.class, int[].class, float[].class, int.class,
                float[].class);
        SplittableRandom rng = new SplittableRandom(9);
        int nIn = 23, nOut = 53;   // 23 rows: passes of four and single rows; 53: a ragged tail at 4, 8, 16 lanes
        float[] w = new float[nIn * nOut];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) rng.nextGaussian();
        }
        float[] g = new float[nOut];
        for (int j = 0; j < nOut; j++) {
            g[j] = (float) rng.nextGaussian();
        }
        int[] rows = IntStream.range(0, nIn).filter(i -> i % 4 != 2).toArray();
        float[] coef = new float[rows.length];
        for (int k = 0; k < coef.length; k++) {
            coef[k] = (float) rng.nextGaussian();
        }
        float[] gIn = new float[nIn], out = new float[nOut];
        dotRows.invoke(null, w, nIn, nOut, g, gIn);
        addRows.invoke(null, w, nOut, rows, coef, rows.length, out);
        float[] gIn2 = new float[nIn], out2 = new float[nOut];
        for (int call = 1; call <= 4000; call++) {
            dotRows.invoke(null, w, nIn, nOut, g, gIn2);
            Arrays.fill(out2, 0f);
            addRows.invoke(null, w, nOut, rows, coef, rows.length, out2);
            if (!Arrays.equals(gIn2, gIn) || !Arrays.equals(out2, out)) {
                assertThat(gIn2).as("dotRows at call %d", call).isEqualTo(gIn);
                assertThat(out2).as("addRows at call %d", call).isEqualTo(out);
            }
        }
    }
}
