package org.latentexplorer.ui.map;

import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.ui.common.Raster;

/**
 * A scrolling grid of example images that stays two nodes however many it holds: the tiles of the rows in
 * view are drawn into one image each time it scrolls or resizes, so selecting 60,000 points costs one
 * buffer the size of the gallery, not 60,000 image views.
 */
final class TileGallery extends Region {
    private static final int GAP = 4;
    private static final int BACKGROUND = 0xFFF4F4F4;

    private final ImageView view = new ImageView();
    private final ScrollBar bar = new ScrollBar();
    private int[] indices = new int[0];
    private IntFunction<float[]> rows = i -> null;
    private ImageShape shape;
    private IntConsumer onHover = i -> { };
    private WritableImage image;
    private int[] buffer = new int[0];
    private int drawn;

    TileGallery() {
        getStyleClass().add("tile-gallery");
        bar.setOrientation(Orientation.VERTICAL);
        bar.valueProperty().addListener((o, a, b) -> redraw());
        view.setSmooth(false);
        getChildren().addAll(view, bar);
        setMinSize(80, 60);
        setOnScroll(e -> bar.setValue(Math.clamp(bar.getValue() - e.getDeltaY(), bar.getMin(), bar.getMax())));
        setOnMouseMoved(e -> onHover.accept(at(e.getX(), e.getY())));
        setOnMouseExited(e -> onHover.accept(-1));
    }

    /** Shows the examples {@code indices}, each drawn from {@code rows} in {@code shape}, from the top. */
    void show(int[] indices, IntFunction<float[]> rows, ImageShape shape) {
        this.indices = indices;
        this.rows = rows;
        this.shape = shape == null ? null : Raster.drawable(shape);
        bar.setValue(0);
        requestLayout();
        redraw();
    }

    /** Called with the example under the mouse, or −1. */
    void setOnHover(IntConsumer c) {
        onHover = c;
    }

    /** How many tiles the last drawing held (tests: the ones in view, never all of a large selection). */
    int tilesDrawn() {
        return drawn;
    }

    /** Display size of a tile: small images are enlarged by a whole factor, so pixels stay square. */
    private int scale() {
        return shape == null ? 1 : Math.max(1, Math.round(48f / Math.max(shape.width(), shape.height())));
    }

    private int tileW() {
        return shape == null ? 1 : shape.width() * scale();
    }

    private int tileH() {
        return shape == null ? 1 : shape.height() * scale();
    }

    private int columns() {
        return Math.max(1, (int) ((getWidth() - bar.getWidth() - GAP) / (tileW() + GAP)));
    }

    /** The example under gallery point (x, y), or −1. */
    private int at(double x, double y) {
        if (shape == null) {
            return -1;
        }
        int col = (int) ((x - GAP) / (tileW() + GAP));
        int row = (int) ((y + bar.getValue() - GAP) / (tileH() + GAP));
        int t = row * columns() + col;
        return x < GAP || col >= columns() || t < 0 || t >= indices.length ? -1 : indices[t];
    }

    @Override
    protected void layoutChildren() {
        double bw = bar.prefWidth(-1);
        bar.resizeRelocate(getWidth() - bw, 0, bw, getHeight());
        view.relocate(0, 0);
        redraw();
    }

    private void redraw() {
        int w = (int) Math.max(1, getWidth() - bar.getWidth());
        int h = (int) Math.max(1, getHeight());
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
            buffer = new int[w * h];
            view.setImage(image);
        }
        java.util.Arrays.fill(buffer, BACKGROUND);
        drawn = 0;
        if (shape != null && indices.length > 0) {
            int cols = columns();
            int rowH = tileH() + GAP;
            int total = (indices.length + cols - 1) / cols;
            double content = total * rowH + GAP;
            bar.setMax(Math.max(0, content - h));
            bar.setVisibleAmount(bar.getMax() * h / Math.max(1, content));
            bar.setUnitIncrement(rowH / 2.0);
            bar.setBlockIncrement(h);
            int top = (int) bar.getValue();
            int[] tile = new int[shape.width() * shape.height()];
            for (int r = Math.max(0, (top - GAP) / rowH); r < total && r * rowH + GAP - top < h; r++) {
                for (int c = 0; c < cols; c++) {
                    int t = r * cols + c;
                    if (t >= indices.length) {
                        break;
                    }
                    float[] v = rows.apply(indices[t]);
                    if (v == null) {
                        continue;
                    }
                    Raster.blit(v.length == shape.size() ? v : java.util.Arrays.copyOf(v, shape.size()), shape, tile,
                            shape.width(), 0, 0);
                    copyScaled(tile, GAP + c * (tileW() + GAP), GAP + r * rowH - top, w, h);
                    drawn++;
                }
            }
        } else {
            bar.setMax(0);
        }
        bar.setVisible(bar.getMax() > 0);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), buffer, 0, w);
    }

    /** Writes a tile enlarged by {@link #scale()} at (x0, y0), clipped to the w × h buffer. */
    private void copyScaled(int[] tile, int x0, int y0, int w, int h) {
        int s = scale();
        int tw = shape.width();
        for (int y = 0; y < tileH(); y++) {
            int yy = y0 + y;
            if (yy < 0 || yy >= h) {
                continue;
            }
            int src = (y / s) * tw;
            int dst = yy * w;
            for (int x = 0; x < tileW() && x0 + x < w; x++) {
                buffer[dst + x0 + x] = tile[src + x / s];
            }
        }
    }
}
