package org.latentexplorer.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.latentexplorer.common.InputException;

class AttributeDirectionTest {
    private static final float[][] CODES = {{0, 0, 0}, {2, 0, 0}, {4, 4, 0}, {6, 4, 0}, {1, 0, 5}};

    @Test
    void theVectorRunsFromCentroidAToCentroidB() {
        AttributeDirection dir = AttributeDirection.between(CODES, new int[] {0, 1}, new int[] {2, 3});
        assertThat(dir.from()).containsExactly(1, 0, 0);
        assertThat(dir.to()).containsExactly(5, 4, 0);
        assertThat(dir.vector()).containsExactly(4, 4, 0);
        assertThat(dir.length()).isCloseTo(Math.sqrt(32), within(1e-9));
    }

    @Test
    void aWalkAddsMultiplesOfTheVector() {
        AttributeDirection dir = AttributeDirection.between(CODES, new int[] {0}, new int[] {1});
        double[] t = AttributeDirection.multiples(2, 9);
        assertThat(t).containsExactly(-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2);
        float[][] walk = dir.walk(new float[] {1, 1, 1}, t);
        assertThat(walk).hasNumberOfRows(9);
        assertThat(walk[0]).containsExactly(-3, 1, 1);
        assertThat(walk[4]).containsExactly(1, 1, 1);
        assertThat(walk[8]).containsExactly(5, 1, 1);
        assertThatThrownBy(() -> AttributeDirection.multiples(2, 1)).isInstanceOf(InputException.class);
    }

    @Test
    void theAxisPlanePutsAAtZeroBAtTheLengthAndTheSecondAxisAcrossTheRestsSpread() {
        // The codes spread most along z3 once the A → B direction (along z1) is taken out.
        float[][] codes = {{0, 0, -3}, {0, 0.1f, 3}, {2, 0, -3}, {2, -0.1f, 3}, {1, 0, 0}};
        AttributeDirection dir = AttributeDirection.between(codes, new int[] {0, 1}, new int[] {2, 3});
        Plane plane = dir.axisPlane(codes, "A → B");
        assertThat(plane.coordinates(dir.from())[0]).isCloseTo(0, within(1e-6));
        assertThat(plane.coordinates(dir.to())[0]).isCloseTo(dir.length(), within(1e-6));
        double dot = 0;
        for (int k = 0; k < 3; k++) {
            dot += plane.a()[k] * plane.b()[k];
        }
        assertThat(dot).isCloseTo(0, within(1e-6));
        assertThat(Math.abs((double) plane.b()[2])).isCloseTo(1, within(1e-3));
        assertThat(plane.uName()).isEqualTo("A → B");
    }

    @Test
    void groupsMustBeNonEmptyAndApartForAnAxis() {
        assertThatThrownBy(() -> AttributeDirection.between(CODES, new int[] {}, new int[] {1}))
                .isInstanceOf(InputException.class).hasMessageContaining("group A is empty");
        AttributeDirection same = AttributeDirection.between(CODES, new int[] {0, 1}, new int[] {1, 0});
        assertThatThrownBy(() -> same.axisPlane(CODES, "x")).isInstanceOf(InputException.class)
                .hasMessageContaining("same centroid");
    }

    @Test
    void oneDimensionalCodesHaveAFlatSecondAxis() {
        float[][] codes = {{0}, {1}, {2}};
        Plane p = AttributeDirection.between(codes, new int[] {0}, new int[] {2}).axisPlane(codes, "x");
        assertThat(p.b()).containsExactly(0);
        assertThat(p.coordinates(new float[] {2})[0]).isCloseTo(2, within(1e-6));
    }
}
