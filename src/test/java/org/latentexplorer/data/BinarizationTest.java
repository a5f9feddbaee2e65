package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinarizationTest {
    @Test
    void binarizedCopyIsReproducibleForASeedAndLeavesOriginalAndMissingAlone() {
        float[] v = new float[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 2 == 0 ? 0.5f : 0.9f;
        }
        v[7] = Float.NaN;
        Dataset d = new Dataset("d", ImageShape.vector(20), 10, v, new int[10], List.of("x"));
        Dataset a = Binarization.binarizedCopy(d, 42);
        Dataset b = Binarization.binarizedCopy(d, 42);
        Dataset c = Binarization.binarizedCopy(d, 43);
        assertThat(a.values()).containsExactly(b.values());
        assertThat(a.values()).isNotEqualTo(c.values());
        assertThat(d.values()[0]).isEqualTo(0.5f);
        assertThat(Float.isNaN(a.values()[7])).isTrue();
        for (int i = 0; i < v.length; i++) {
            if (i != 7) {
                assertThat(a.values()[i]).isIn(0f, 1f);
            }
        }
        assertThat(a.labels()).containsExactly(d.labels());
    }

    @Test
    void concatJoinsExamplesInOrder() {
        Dataset a = new Dataset("a", ImageShape.vector(1), 2, new float[] {1, 2}, new int[] {0, 1}, List.of("p", "q"));
        Dataset b = new Dataset("b", ImageShape.vector(1), 1, new float[] {3}, new int[] {1}, List.of("p", "q"));
        Dataset j = Dataset.concat("j", List.of(a, b));
        assertThat(j.values()).containsExactly(1, 2, 3);
        assertThat(j.labels()).containsExactly(0, 1, 1);
    }
}
