package org.latentexplorer.ui.manifold;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.ui.fakes.Harness;
import org.latentexplorer.sample.Plane;

class GridCompositorTest {
    @TempDir
    Path dir;

    private TileLattice lattice() {
        Harness h = new Harness(dir).withModel(2);
        return TileLattice.of(h.session.workspace().model(), Plane.ofDims(new float[2], 0, 1), 0, 0, 4, 5);
    }

    @Test
    void cellsTwiceTheTileSizeRepeatEachPixelTwiceEachWay() {
        TileLattice t = lattice();
        assertThat(t.fill(0, 4, 0, 4)).isEqualTo(25);
        GridCompositor c = new GridCompositor(5, t.tileShape(), 56, 56);
        assertThat(c.draw(new GridWindow(t, 0, 0))).isZero();
        for (int y = 0; y < c.height(); y++) {
            for (int x = 0; x < c.width(); x++) {
                int[] tile = t.tile(x / 56, y / 56);
                assertThat(c.pixels()[y * c.width() + x]).isEqualTo(tile[(y % 56 / 2) * 28 + x % 56 / 2]);
            }
        }
    }

    @Test
    void halfACellToTheRightShowsHalfOfTheNextColumnDrawnEmptyUntilDecoded() {
        TileLattice t = lattice();
        t.fill(0, 4, 0, 4);
        GridCompositor c = new GridCompositor(5, t.tileShape(), 28, 28);
        // Column 5 is in view (its left half) but not decoded: five cells missing.
        assertThat(c.draw(new GridWindow(t, 0.5, 0))).isEqualTo(5);
        int w = c.width();
        for (int y = 0; y < c.height(); y++) {
            assertThat(c.pixels()[y * w + w - 1]).isEqualTo(GridCompositor.EMPTY);
            assertThat(c.pixels()[y * w]).isEqualTo(t.tile(0, y / 28)[(y % 28) * 28 + 14]);
        }
        assertThat(t.fill(0, 5, 0, 4)).isEqualTo(5);
        assertThat(c.draw(new GridWindow(t, 0.5, 0))).isZero();
        assertThat(c.pixels()[w - 1]).isEqualTo(t.tile(5, 0)[13]);
    }

    @Test
    void cellsSmallerThanTheTileSampleEveryOtherPixel() {
        TileLattice t = lattice();
        t.fill(0, 4, 0, 4);
        GridCompositor c = new GridCompositor(5, t.tileShape(), 14, 14);
        c.draw(new GridWindow(t, 0, 0));
        assertThat(c.pixels()[3 * c.width() + 14 + 5]).isEqualTo(t.tile(1, 0)[6 * 28 + 10]);
    }
}
