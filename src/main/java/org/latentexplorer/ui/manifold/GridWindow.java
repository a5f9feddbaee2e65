package org.latentexplorer.ui.manifold;

/**
 * The part of a {@link TileLattice} the manifold grid shows: n×n cells whose top-left cell sits at
 * lattice column {@code column} and row {@code row}. Both are whole numbers at rest and fractional
 * while the grid is dragged; the picture then shifts by the fraction of a cell, so every tile is drawn
 * where its code lies on the plane.
 */
public record GridWindow(TileLattice lattice, double column, double row) {

    /** The window's left edge in lattice pixels when a cell is {@code cellW} pixels wide. */
    public long left(int cellW) {
        return Math.round(column * cellW);
    }

    /** The window's top edge in lattice pixels when a cell is {@code cellH} pixels high. */
    public long top(int cellH) {
        return Math.round(row * cellH);
    }

    /** Whether every cell that shows (at the tiles' own pixel size) is decoded. */
    public boolean complete() {
        int w = lattice.tileShape().width();
        int h = lattice.tileShape().height();
        int n = lattice.size();
        long x = left(w);
        long y = top(h);
        return lattice.covers((int) Math.floorDiv(x, w), (int) Math.floorDiv(x + (long) n * w - 1, w),
                (int) Math.floorDiv(y, h), (int) Math.floorDiv(y + (long) n * h - 1, h));
    }
}
