package org.latentexplorer.sample;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;

/** Lays decoded images out in a grid and writes it as a PNG (grey or RGB, values in [0, 1]). */
public final class ImageTiles {
    private ImageTiles() {
    }

    /** One image of {@code cols} columns of tiles, a {@code gap}-pixel white border between tiles. */
    public static BufferedImage tile(List<float[]> images, ImageShape shape, int cols, int gap) {
        if (!shape.isImage() || (shape.channels() != 1 && shape.channels() != 3)) {
            throw new InputException("cannot draw examples of shape " + shape + " as images");
        }
        int rows = (images.size() + cols - 1) / cols;
        int h = shape.height(), w = shape.width();
        BufferedImage out = new BufferedImage(cols * (w + gap) + gap, Math.max(1, rows) * (h + gap) + gap,
                BufferedImage.TYPE_INT_RGB);
        int[] white = new int[out.getWidth() * out.getHeight()];
        java.util.Arrays.fill(white, 0xFFFFFF);
        out.setRGB(0, 0, out.getWidth(), out.getHeight(), white, 0, out.getWidth());
        int plane = h * w;
        for (int t = 0; t < images.size(); t++) {
            float[] img = images.get(t);
            int x0 = gap + (t % cols) * (w + gap), y0 = gap + (t / cols) * (h + gap);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    int r = byteOf(img[p]);
                    int rgb = shape.channels() == 1 ? (r << 16) | (r << 8) | r
                            : (r << 16) | (byteOf(img[plane + p]) << 8) | byteOf(img[2 * plane + p]);
                    out.setRGB(x0 + x, y0 + y, rgb);
                }
            }
        }
        return out;
    }

    private static int byteOf(float v) {
        return Float.isNaN(v) ? 0 : Math.round(Math.min(1f, Math.max(0f, v)) * 255f);
    }

    /** Writes the tiles to a PNG file, atomically. */
    public static void writePng(List<float[]> images, ImageShape shape, int cols, Path file) throws IOException {
        BufferedImage img = tile(images, shape, cols, 1);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
