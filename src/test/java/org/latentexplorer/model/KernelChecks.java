package org.latentexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Checks of a fused training kernel against the SameDiff graph it stands in for. */
final class KernelChecks {
    private KernelChecks() {
    }

    /** {@code n} rows of {@code dim} values in {0, ½, 1}, so both binary and grey pixels occur. */
    static INDArray halfStepRows(SplittableRandom rng, int n, int dim) {
        float[][] x = new float[n][dim];
        for (float[] row : x) {
            for (int p = 0; p < row.length; p++) {
                row[p] = rng.nextInt(3) / 2f;
            }
        }
        return SameDiffModel.toArray(x, dim);
    }

    /** The graph's own gradient of every trainable variable for {@code feed} (one for each). */
    static Map<String, INDArray> graphGradients(SameDiffModel m, Map<String, INDArray> feed) {
        List<String> weights = m.graph().variables().stream()
                .filter(v -> v.getVariableType() == VariableType.VARIABLE).map(v -> v.name()).toList();
        Map<String, INDArray> gradients = m.graph().calculateGradients(feed, weights);
        assertThat(gradients).containsOnlyKeys(weights);
        return gradients;
    }

    /** {@code actual} has a gradient for exactly the variables of {@code expected}, each within 1e-4 (relative L2). */
    static void assertSameGradients(Map<String, INDArray> expected, Map<String, INDArray> actual, String what) {
        assertThat(actual.keySet()).as(what).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (String w : expected.keySet()) {
            INDArray e = expected.get(w).reshape(actual.get(w).shape());
            double scale = Math.max(1e-3, e.norm2Number().doubleValue());
            assertThat(e.sub(actual.get(w)).norm2Number().doubleValue() / scale).as(what + " " + w).isLessThan(1e-4);
        }
    }
}
