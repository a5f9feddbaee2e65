package org.latentexplorer.model;

import java.util.SplittableRandom;
import org.latentexplorer.data.ImageShape;

/**
 * The masks a VAEAC trains on, one per example, drawn from the families the Inpaint screen offers
 * (its {@code inpaint.Mask} presets and brush): a half of the image (top, bottom, left or right), a
 * square of random side and place, pixels hidden independently at a random rate, and brush strokes
 * (random polylines a few pixels wide, like a person painting). Ivanov et al. (2019, §4.1) train on
 * the mask distribution they test on; an editor's user paints any of these, so training covers all of
 * them. By default halves are half of the masks (each other family a sixth): they are the hardest, the
 * visible part saying least about the hidden one, and the benchmark's masks (docs/benchmarks-inpaint.md,
 * session 6; a quarter before); {@code train --half-masks} sets another share, the rest split evenly. A
 * mask here is a float row of the example's size, 1 where a value is missing, the same in every channel.
 * Everything comes from the caller's random stream, so a seed fixes every mask.
 */
final class VaeacMasks {
    private VaeacMasks() {
    }

    /** The share of halves when a model names none. */
    static final double DEFAULT_HALF_SHARE = 0.5;

    /** One mask with halves at their {@linkplain #DEFAULT_HALF_SHARE default share}. */
    static float[] draw(ImageShape shape, SplittableRandom rng) {
        return draw(shape, DEFAULT_HALF_SHARE, rng);
    }

    /**
     * One mask for an example of {@code shape}, a half with probability {@code halfShare} (0 … 1), else
     * a square, random pixels or strokes, equally likely; never empty, so every example has something to
     * complete.
     */
    static float[] draw(ImageShape shape, double halfShare, SplittableRandom rng) {
        int h = shape.height(), w = shape.width();
        boolean[] pix = new boolean[h * w];
        // The default share draws as the masks of every bundle trained before the share could be set, so
        // their seeded runs repeat; another share picks the family from one uniform draw.
        int family;
        if (halfShare == DEFAULT_HALF_SHARE) {
            family = rng.nextInt(6);
        } else {
            double u = rng.nextDouble();
            family = u < halfShare ? 0 : 3 + Math.min(2, (int) ((u - halfShare) / (1 - halfShare) * 3));
        }
        switch (family) {
            case 0, 1, 2 -> half(pix, h, w, rng.nextInt(4));
            case 3 -> square(pix, h, w, rng);
            case 4 -> {
                double rate = 0.1 + 0.8 * rng.nextDouble();
                for (int i = 0; i < pix.length; i++) {
                    pix[i] = rng.nextDouble() < rate;
                }
            }
            default -> strokes(pix, h, w, rng);
        }
        if (!any(pix)) {
            pix[rng.nextInt(pix.length)] = true;
        }
        float[] m = new float[shape.size()];
        int plane = h * w;
        for (int c = 0; c < shape.channels(); c++) {
            for (int i = 0; i < plane; i++) {
                m[c * plane + i] = pix[i] ? 1f : 0f;
            }
        }
        return m;
    }

    private static void half(boolean[] pix, int h, int w, int which) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pix[y * w + x] = switch (which) {
                    case 0 -> y < h / 2;
                    case 1 -> y >= h / 2;
                    case 2 -> x < w / 2;
                    default -> x >= w / 2;
                };
            }
        }
    }

    /** A square of side between a quarter and three quarters of the shorter edge, anywhere inside. */
    private static void square(boolean[] pix, int h, int w, SplittableRandom rng) {
        int s = Math.min(h, w);
        int side = Math.max(1, s / 4 + rng.nextInt(Math.max(1, s / 2 + 1)));
        int y0 = rng.nextInt(h - side + 1), x0 = rng.nextInt(w - side + 1);
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) {
                pix[y * w + x] = true;
            }
        }
    }

    /** One to four polylines of two to five segments, each a brush 1.5–3.5 pixels in radius. */
    private static void strokes(boolean[] pix, int h, int w, SplittableRandom rng) {
        int lines = 1 + rng.nextInt(4);
        for (int l = 0; l < lines; l++) {
            double radius = 1.5 + 2 * rng.nextDouble();
            double py = rng.nextDouble() * h, px = rng.nextDouble() * w;
            int segments = 2 + rng.nextInt(4);
            for (int s = 0; s < segments; s++) {
                double ny = rng.nextDouble() * h, nx = rng.nextDouble() * w;
                int steps = (int) Math.ceil(Math.hypot(ny - py, nx - px)) + 1;
                for (int t = 0; t <= steps; t++) {
                    double f = t / (double) steps;
                    dab(pix, h, w, py + f * (ny - py), px + f * (nx - px), radius);
                }
                py = ny;
                px = nx;
            }
        }
    }

    private static void dab(boolean[] pix, int h, int w, double cy, double cx, double r) {
        for (int y = Math.max(0, (int) (cy - r)); y <= Math.min(h - 1, (int) (cy + r)); y++) {
            for (int x = Math.max(0, (int) (cx - r)); x <= Math.min(w - 1, (int) (cx + r)); x++) {
                if ((y + 0.5 - cy) * (y + 0.5 - cy) + (x + 0.5 - cx) * (x + 0.5 - cx) <= r * r) {
                    pix[y * w + x] = true;
                }
            }
        }
    }

    private static boolean any(boolean[] pix) {
        for (boolean b : pix) {
            if (b) {
                return true;
            }
        }
        return false;
    }
}
