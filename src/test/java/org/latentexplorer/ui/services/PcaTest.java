package org.latentexplorer.ui.services;

import org.latentexplorer.sample.Plane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PcaTest {
    @Test
    void findsTheDirectionsOfLargestVarianceAndInvertsOnThePlane() {
        SplittableRandom rng = new SplittableRandom(1);
        float[][] z = new float[2000][4];
        for (float[] row : z) {
            double a = rng.nextGaussian() * 5;
            double b = rng.nextGaussian() * 2;
            // Main axis along (1,1,0,0)/√2, second along (0,0,1,0), small noise elsewhere.
            row[0] = (float) (a / Math.sqrt(2) + 1);
            row[1] = (float) (a / Math.sqrt(2));
            row[2] = (float) b;
            row[3] = (float) (rng.nextGaussian() * 0.1);
        }
        Plane p = Pca.principalPlane(z);
        assertThat(Math.abs(p.a()[0])).isCloseTo(0.7071f, offset(0.02f));
        assertThat(Math.abs(p.a()[1])).isCloseTo(0.7071f, offset(0.02f));
        assertThat(Math.abs(p.b()[2])).isCloseTo(1f, offset(0.02f));
        assertThat(p.origin()[0]).isCloseTo(1f, offset(0.2f));
        float[] back = p.point(p.coordinates(z[7])[0], p.coordinates(z[7])[1]);
        assertThat(back[0]).isCloseTo(z[7][0], offset(0.5f));
        assertThat(back[2]).isCloseTo(z[7][2], offset(0.5f));
    }
}
