package org.latentexplorer.inpaint;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;

/**
 * Writes completions as a PNG sheet for {@code inpaint --out}: one row per image with the original,
 * the masked input (missing pixels in red), the completion and its per-pixel spread (brighter = less
 * certain), each scaled up 3×.
 */
public final class CompletionSheet {
    private static final int SCALE = 3, GAP = 2, COLUMNS = 4;

    private CompletionSheet() {
    }

    public static void write(Path file, ImageShape shape, Mask mask, List<float[]> originals, List<Completion> done)
            throws IOException {
        if (!shape.isImage()) {
            throw new InputException("--out needs image data; " + shape + " examples cannot be drawn");
        }
        int cw = shape.width() * SCALE + GAP, ch = shape.height() * SCALE + GAP;
        BufferedImage img = new BufferedImage(COLUMNS * cw, originals.size() * ch, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < originals.size(); r++) {
            Completion c = done.get(r);
            float[] spread = c.stdDev().clone();
            for (int i = 0; i < spread.length; i++) {
                spread[i] = Math.min(1f, spread[i] * 2); // a std of 0.5 is the most a [0, 1] value can have
            }
            draw(img, shape, originals.get(r), null, 0, r * ch);
            draw(img, shape, originals.get(r), mask, cw, r * ch);
            draw(img, shape, c.mean(), null, 2 * cw, r * ch);
            draw(img, shape, spread, null, 3 * cw, r * ch);
        }
        org.latentexplorer.common.AtomicFiles.writePng(img, file);
    }

    private static void draw(BufferedImage img, ImageShape s, float[] v, Mask mask, int x0, int y0) {
        int plane = s.height() * s.width();
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                int p = y * s.width() + x;
                int rgb;
                if (mask != null && mask.isMissing(p)) {
                    rgb = 0xC03030;
                } else if (s.channels() >= 3) {
                    rgb = (grey(v[p]) << 16) | (grey(v[plane + p]) << 8) | grey(v[2 * plane + p]);
                } else {
                    int g = grey(v[p]);
                    rgb = (g << 16) | (g << 8) | g;
                }
                for (int dy = 0; dy < SCALE; dy++) {
                    for (int dx = 0; dx < SCALE; dx++) {
                        img.setRGB(x0 + x * SCALE + dx, y0 + y * SCALE + dy, rgb);
                    }
                }
            }
        }
    }

    private static int grey(float v) {
        return Math.round(Math.max(0, Math.min(1, Float.isNaN(v) ? 0 : v)) * 255);
    }
}
