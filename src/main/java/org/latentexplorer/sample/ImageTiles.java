package org.latentexplorer.sample;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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

    /** A column this narrow (in pixels) is enlarged when it has a header, so that a short name fits. */
    static final int MIN_HEADED_COLUMN = 48;

    /**
     * {@link #tile} with a header above each column ({@code headers} one per column, or empty for none).
     * With headers the tiles are enlarged by the smallest whole factor that makes a column at least
     * {@value #MIN_HEADED_COLUMN} pixels wide (a 28-pixel MNIST tile doubles), nearest neighbour so
     * pixels stay square; a header wider than its column is cut short with an ellipsis.
     */
    public static BufferedImage tile(List<float[]> images, ImageShape shape, int cols, int gap, List<String> headers) {
        return tile(images, shape, cols, gap, headers, List.of());
    }

    /**
     * {@link #tile(List, ImageShape, int, int, List)} with a label left of each row ({@code rowLabels} one
     * per row, or empty for none), e.g. the latent dimension a traversal's row varies.
     */
    public static BufferedImage tile(List<float[]> images, ImageShape shape, int cols, int gap, List<String> headers,
                                     List<String> rowLabels) {
        BufferedImage headed = headed(images, shape, cols, gap, headers);
        if (rowLabels.isEmpty()) {
            return headed;
        }
        int rows = (images.size() + cols - 1) / cols;
        if (rowLabels.size() != rows) {
            throw new InputException(rows + " rows need " + rows + " labels, got " + rowLabels.size());
        }
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        Graphics2D probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        FontMetrics fm = probe.getFontMetrics(font);
        probe.dispose();
        int band = 6 + rowLabels.stream().mapToInt(fm::stringWidth).max().orElse(0);
        int scale = headers.isEmpty() ? 1 : Math.max(1, (MIN_HEADED_COLUMN + shape.width() + gap - 1) / (shape.width() + gap));
        int rowHeight = (shape.height() + gap) * scale;
        int top = headed.getHeight() - rows * rowHeight - gap * scale;
        BufferedImage out = new BufferedImage(headed.getWidth() + band, headed.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(headed, band, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            g.setColor(new Color(0x33, 0x33, 0x33));
            for (int r = 0; r < rows; r++) {
                int y = top + gap * scale + r * rowHeight + (shape.height() * scale + fm.getAscent()) / 2;
                g.drawString(rowLabels.get(r), 3, y);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage headed(List<float[]> images, ImageShape shape, int cols, int gap, List<String> headers) {
        BufferedImage plain = tile(images, shape, cols, gap);
        if (headers.isEmpty()) {
            return plain;
        }
        if (headers.size() != cols) {
            throw new InputException(cols + " columns need " + cols + " headers, got " + headers.size());
        }
        int column = shape.width() + gap;
        int scale = Math.max(1, (MIN_HEADED_COLUMN + column - 1) / column);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        Graphics2D probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        FontMetrics fm = probe.getFontMetrics(font);
        probe.dispose();
        int band = fm.getHeight() + 4;
        BufferedImage out = new BufferedImage(plain.getWidth() * scale, plain.getHeight() * scale + band,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(plain, 0, band, plain.getWidth() * scale, plain.getHeight() * scale, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            g.setColor(new Color(0x33, 0x33, 0x33));
            int room = column * scale - 2;
            for (int c = 0; c < cols; c++) {
                String text = fit(headers.get(c), fm, room);
                int x = gap * scale + c * column * scale + (shape.width() * scale - fm.stringWidth(text)) / 2;
                g.drawString(text, x, 2 + fm.getAscent());
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** {@code text}, or as much of it as fits in {@code room} pixels followed by an ellipsis. */
    private static String fit(String text, FontMetrics fm, int room) {
        if (fm.stringWidth(text) <= room) {
            return text;
        }
        int n = text.length();
        while (n > 1 && fm.stringWidth(text.substring(0, n) + "…") > room) {
            n--;
        }
        return text.substring(0, n) + "…";
    }

    /** Writes the tiles to a PNG file, atomically. */
    public static void writePng(List<float[]> images, ImageShape shape, int cols, Path file) throws IOException {
        writePng(images, shape, cols, List.of(), file);
    }

    /** Writes the tiles to a PNG file, atomically, with a header above each column (see {@link #tile(List, ImageShape, int, int, List)}). */
    public static void writePng(List<float[]> images, ImageShape shape, int cols, List<String> headers, Path file)
            throws IOException {
        writePng(images, shape, cols, headers, List.of(), file);
    }

    /** Writes the tiles with column headers and row labels to a PNG file, atomically. */
    public static void writePng(List<float[]> images, ImageShape shape, int cols, List<String> headers,
                                List<String> rowLabels, Path file) throws IOException {
        BufferedImage img = tile(images, shape, cols, 1, headers, rowLabels);
        org.latentexplorer.common.AtomicFiles.writePng(img, file);
    }
}
