package org.latentexplorer.ui.inpaint;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.ui.common.Raster;

/**
 * The Inpaint screen as one PNG: the image, its mask, the mean completion, the uncertainty map with its
 * colour bar, a few samples, and the status figures underneath. {@code inpaint/CompletionSheet} draws
 * the command line's rows of many images without labels or samples, so this is its own small composer.
 */
final class InpaintSheet {
    static final int SAMPLES = 4;
    private static final int TILE = 112, GAP = 10, CAPTION = 18, BAR = 12, BAR_LABELS = 44, MARGIN = 10;
    /** The editor's mask tint (230, 40, 120 at 45 %). */
    private static final int MASK_RGB = 0xE62878;
    private static final double MASK_ALPHA = 0.45;

    private InpaintSheet() {
    }

    static BufferedImage compose(Outcome o, List<String> footer) {
        int width = 2 * MARGIN + 4 * TILE + 3 * GAP + GAP + BAR + BAR_LABELS;
        int rowH = CAPTION + TILE;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        FontMetrics fm = probe.createGraphics().getFontMetrics(font);
        List<String> lines = new ArrayList<>();
        for (String f : footer) {
            lines.addAll(wrap(f, fm, width - 2 * MARGIN));
        }
        int height = MARGIN + 2 * rowH + GAP + GAP + lines.size() * (fm.getHeight()) + MARGIN;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(font);

        ImageShape s = o.shape();
        int y = MARGIN;
        tile(g, "Image", pixels(o.image(), s), s, MARGIN, y);
        tile(g, "Hidden (magenta)", masked(pixels(o.image(), s), o.missing(), s), s, MARGIN + TILE + GAP, y);
        tile(g, "Mean completion", pixels(o.completion().mean(), s), s, MARGIN + 2 * (TILE + GAP), y);
        int ux = MARGIN + 3 * (TILE + GAP);
        Uncertainty u = o.uncertainty();
        if (u.shown()) {
            tile(g, "Uncertainty (std. dev.)", Heat.map(o.completion().stdDev(), s.width(), s.height(), u.max()), s, ux, y);
            bar(g, ux + TILE + GAP, y + CAPTION, u.max());
        } else {
            caption(g, "Uncertainty", ux, y);
            g.setColor(new Color(0xEEEEEE));
            g.fillRect(ux, y + CAPTION, TILE, TILE);
            g.setColor(Color.DARK_GRAY);
            int ly = y + CAPTION + fm.getAscent() + 6;
            for (String line : wrap(u.absent(), fm, TILE - 12)) {
                g.drawString(line, ux + 6, ly);
                ly += fm.getHeight();
            }
        }
        y += rowH + GAP;
        float[][] samples = o.completion().samples();
        for (int i = 0; i < Math.min(SAMPLES, samples.length); i++) {
            tile(g, i == 0 ? "Samples" : "", pixels(samples[i], s), s, MARGIN + i * (TILE + GAP), y);
        }
        y += rowH + GAP + fm.getAscent();
        g.setColor(Color.BLACK);
        for (String line : lines) {
            g.drawString(line, MARGIN, y);
            y += fm.getHeight();
        }
        g.dispose();
        return img;
    }

    static void write(Path file, Outcome o, List<String> footer) throws IOException {
        BufferedImage img = compose(o, footer);
        org.latentexplorer.common.AtomicFiles.writePng(img, file);
    }

    private static int[] pixels(float[] values, ImageShape s) {
        int[] argb = new int[s.height() * s.width()];
        Raster.blit(values, s, argb, s.width(), 0, 0);
        return argb;
    }

    private static int[] masked(int[] argb, boolean[] missing, ImageShape s) {
        for (int i = 0; i < argb.length; i++) {
            if (missing[i]) { // the first channel's mask, as the editor draws it
                argb[i] = blend(argb[i], MASK_RGB, MASK_ALPHA);
            }
        }
        return argb;
    }

    private static int blend(int under, int over, double a) {
        int r = (int) Math.round((1 - a) * (under >> 16 & 0xFF) + a * (over >> 16 & 0xFF));
        int g = (int) Math.round((1 - a) * (under >> 8 & 0xFF) + a * (over >> 8 & 0xFF));
        int b = (int) Math.round((1 - a) * (under & 0xFF) + a * (over & 0xFF));
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    /** Pixels as squares (no smoothing), the largest whole scale that fits a tile. */
    private static void tile(Graphics2D g, String caption, int[] argb, ImageShape s, int x, int y) {
        caption(g, caption, x, y);
        int scale = Math.max(1, TILE / Math.max(s.height(), s.width()));
        BufferedImage small = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
        small.setRGB(0, 0, s.width(), s.height(), argb, 0, s.width());
        g.drawImage(small, x, y + CAPTION, s.width() * scale, s.height() * scale, null);
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(x, y + CAPTION, s.width() * scale - 1, s.height() * scale - 1);
    }

    private static void caption(Graphics2D g, String text, int x, int y) {
        g.setColor(Color.BLACK);
        g.drawString(text, x, y + CAPTION - 5);
    }

    private static void bar(Graphics2D g, int x, int y, double max) {
        BufferedImage b = new BufferedImage(BAR, TILE, BufferedImage.TYPE_INT_RGB);
        b.setRGB(0, 0, BAR, TILE, Heat.bar(BAR, TILE), 0, BAR);
        g.drawImage(b, x, y, null);
        g.setColor(Color.GRAY);
        g.drawRect(x, y, BAR - 1, TILE - 1);
        g.setColor(Color.BLACK);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(String.format(Locale.ROOT, "%.3f", max), x + BAR + 4, y + fm.getAscent());
        g.drawString("0", x + BAR + 4, y + TILE);
    }

    private static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (fm.stringWidth(next) > width && !line.isEmpty()) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (!line.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }
}
