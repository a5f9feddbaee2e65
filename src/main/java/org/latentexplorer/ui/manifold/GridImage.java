package org.latentexplorer.ui.manifold;

/** A rendered grid or strip: ARGB pixels, row-major, {@code width × height}. */
public record GridImage(int[] argb, int width, int height) {
}
