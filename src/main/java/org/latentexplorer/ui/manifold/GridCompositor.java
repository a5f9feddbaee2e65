package org.latentexplorer.ui.manifold;

import java.util.Arrays;
import org.latentexplorer.data.ImageShape;

/**
 * Draws a {@link GridWindow} into one ARGB buffer of n×n cells of {@code cellW × cellH} pixels: each
 * decoded tile scaled by nearest neighbour, the window shifted by whole pixels. The view draws at
 * screen size so that JavaFX shows the buffer unscaled (the software pipeline draws a transformed
 * image several times slower than a plain copy). One instance per buffer size: nothing is allocated
 * per frame.
 */
public final class GridCompositor {
    /** Drawn where a cell is not decoded yet (for the frame or two until its decode arrives). */
    public static final int EMPTY = 0xFFEDEDED;

    private final int n;
    private final ImageShape tile;
    private final int cellW;
    private final int cellH;
    private final int tileW;
    private final int width;
    private final int height;
    private final int[] srcX;
    private final int[] srcY;
    private final int[][] rowTiles;
    private final int[] argb;

    public GridCompositor(int n, ImageShape tile, int cellW, int cellH) {
        if (n < 1 || cellW < 1 || cellH < 1) {
            throw new IllegalArgumentException("grid of " + n + " cells of " + cellW + "×" + cellH + " pixels");
        }
        this.n = n;
        this.tile = tile;
        this.cellW = cellW;
        this.cellH = cellH;
        this.tileW = tile.width();
        this.width = n * cellW;
        this.height = n * cellH;
        this.srcX = new int[cellW];
        this.srcY = new int[cellH];
        for (int x = 0; x < cellW; x++) {
            srcX[x] = x * tile.width() / cellW;
        }
        for (int y = 0; y < cellH; y++) {
            srcY[y] = y * tile.height() / cellH;
        }
        this.rowTiles = new int[n + 1][];
        this.argb = new int[width * height];
    }

    /** The buffer drawn into, row-major, {@link #width()} × {@link #height()}. */
    public int[] pixels() {
        return argb;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Cells per side. */
    public int size() {
        return n;
    }

    /** The pixel shape of the tiles it scales. */
    public ImageShape tileShape() {
        return tile;
    }

    public int cellWidth() {
        return cellW;
    }

    public int cellHeight() {
        return cellH;
    }

    /**
     * Draws the window.
     *
     * @return how many of the cells in view are not decoded yet (drawn {@link #EMPTY})
     */
    public int draw(GridWindow window) {
        TileLattice lattice = window.lattice();
        long left = window.left(cellW);
        long top = window.top(cellH);
        int k0 = (int) Math.floorDiv(left, cellW);
        int ox = (int) (left - (long) k0 * cellW);
        int l0 = (int) Math.floorDiv(top, cellH);
        int oy = (int) (top - (long) l0 * cellH);
        int columns = ox == 0 ? n : n + 1;
        boolean unscaled = cellW == tileW;
        int missing = 0;
        int tileRow = -1;
        int lastSy = -1;
        for (int y = 0; y < height; y++) {
            int gy = oy + y;
            int r = gy / cellH;
            int sy = srcY[gy - r * cellH];
            int base = y * width;
            if (r == tileRow && sy == lastSy) {
                // Upscaled: this row repeats the previous one.
                System.arraycopy(argb, base - width, argb, base, width);
                continue;
            }
            if (r != tileRow) {
                tileRow = r;
                for (int i = 0; i < columns; i++) {
                    rowTiles[i] = lattice.tile(k0 + i, l0 + r);
                    if (rowTiles[i] == null) {
                        missing++;
                    }
                }
            }
            lastSy = sy;
            int srcRow = sy * tileW;
            for (int i = 0; i < columns; i++) {
                int start = i * cellW - ox;
                int x0 = Math.max(0, start);
                int x1 = Math.min(width, start + cellW);
                int[] t = rowTiles[i];
                if (t == null) {
                    Arrays.fill(argb, base + x0, base + x1, EMPTY);
                } else if (unscaled) {
                    System.arraycopy(t, srcRow + x0 - start, argb, base + x0, x1 - x0);
                } else {
                    for (int x = x0; x < x1; x++) {
                        argb[base + x] = t[srcRow + srcX[x - start]];
                    }
                }
            }
        }
        return missing;
    }
}
