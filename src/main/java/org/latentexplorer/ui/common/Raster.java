package org.latentexplorer.ui.common;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.latentexplorer.data.ImageShape;

/** Turns model outputs (values in [0, 1], channel-major) into ARGB pixels. */
public final class Raster {
    private static final int[] GREY = new int[256];

    static {
        for (int v = 0; v < 256; v++) {
            // Dark ink on white, as the digits are usually printed.
            int g = 255 - v;
            GREY[v] = 0xFF000000 | g << 16 | g << 8 | g;
        }
    }

    private Raster() {
    }

    private static int level(float v) {
        if (!(v > 0)) {
            return 0;
        }
        return v >= 1 ? 255 : (int) (v * 255 + 0.5f);
    }

    /**
     * Draws one example at ({@code x0}, {@code y0}) of an ARGB buffer {@code stride} pixels wide.
     * Grey images use the ink palette; three channels are drawn as RGB.
     */
    public static void blit(float[] values, ImageShape shape, int[] argb, int stride, int x0, int y0) {
        int h = shape.height();
        int w = shape.width();
        int plane = h * w;
        boolean rgb = shape.channels() == 3;
        for (int r = 0; r < h; r++) {
            int row = (y0 + r) * stride + x0;
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                argb[row + c] = rgb
                        ? 0xFF000000 | level(values[i]) << 16 | level(values[plane + i]) << 8 | level(values[2 * plane + i])
                        : GREY[level(values[i])];
            }
        }
    }

    /** The shape to draw a model output as: its image shape, or a near-square block for vectors. */
    public static ImageShape drawable(ImageShape shape) {
        if (shape.isImage()) {
            return shape;
        }
        int n = shape.size();
        int w = (int) Math.ceil(Math.sqrt(n));
        int h = (n + w - 1) / w;
        return new ImageShape(1, h, w);
    }

    /** One example as an image. */
    public static WritableImage image(float[] values, ImageShape shape) {
        ImageShape s = drawable(shape);
        float[] v = values.length == s.size() ? values : java.util.Arrays.copyOf(values, s.size());
        int[] argb = new int[s.height() * s.width()];
        blit(v, s, argb, s.width(), 0, 0);
        WritableImage img = new WritableImage(s.width(), s.height());
        img.getPixelWriter().setPixels(0, 0, s.width(), s.height(), PixelFormat.getIntArgbPreInstance(), argb, 0, s.width());
        return img;
    }
}
