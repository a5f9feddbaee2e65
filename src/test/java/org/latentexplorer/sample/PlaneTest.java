package org.latentexplorer.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaneTest {
    @Test
    void gridRunsLeftToRightAndTopDownWithLabelsForEachAxis() {
        Plane p = Plane.ofDims(new float[]{0, 9, 0}, 0, 2);
        float[][] z = p.grid(0, 1, 2, 3); // u in -2..2, v in -1..3
        assertThat(z[0]).containsExactly(-2, 9, 3);
        assertThat(z[2]).containsExactly(2, 9, 3);
        assertThat(z[8]).containsExactly(2, 9, -1);
        assertThat(p.columnLabels(0, 2, 3)).containsExactly("z1 = -2", "0", "2");
        assertThat(p.rowLabels(1, 2, 3)).containsExactly("z3 = 3", "1", "-1");
        Plane pair = Plane.throughPair(new float[]{0, 0, 0}, new float[]{2, 0, 0},
                new float[][]{{0, 0, 0}, {0, 1, 0}, {0, 2, 0.1f}}, "#0→#1");
        assertThat(pair.a()).containsExactly(1, 0, 0);
        assertThat(pair.columnLabels(0, 1, 2).get(0)).startsWith("u = ");
        assertThat(pair.rowLabels(0, 1, 2).get(0)).startsWith("v = ");
    }
}
