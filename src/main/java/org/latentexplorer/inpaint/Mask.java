package org.latentexplorer.inpaint;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;

/**
 * Which values of one example are missing (to be completed) and which are observed (kept exactly).
 * Index {@code i} follows the data set's layout: channel-major, then row by row
 * ({@link ImageShape}). Spatial presets hide the same pixels in every channel.
 *
 * <p>Immutable: the constructor and {@link #missing()} copy the array.
 *
 * @param shape   shape of the example the mask applies to
 * @param missing {@code missing[i]} is true when value {@code i} is to be completed
 */
public record Mask(ImageShape shape, boolean[] missing) {
    public Mask {
        if (shape == null || missing == null) {
            throw new InputException("a mask needs a shape and one flag per value");
        }
        if (missing.length != shape.size()) {
            throw new InputException("the mask has " + missing.length + " values but the image " + shape
                    + " has " + shape.size());
        }
        missing = missing.clone();
    }

    @Override
    public boolean[] missing() {
        return missing.clone();
    }

    /** True when value {@code i} is missing. */
    public boolean isMissing(int i) {
        return missing[i];
    }

    public int size() {
        return missing.length;
    }

    public int missingCount() {
        int n = 0;
        for (boolean m : missing) {
            n += m ? 1 : 0;
        }
        return n;
    }

    public int observedCount() {
        return missing.length - missingCount();
    }

    /** Nothing is hidden: there is nothing to complete. */
    public boolean isEmpty() {
        return missingCount() == 0;
    }

    /** Everything is hidden: completions are unconditional samples of the model. */
    public boolean isFull() {
        return observedCount() == 0;
    }

    /** Indices of the missing values, ascending. */
    public int[] missingIndices() {
        int[] idx = new int[missingCount()];
        for (int i = 0, k = 0; i < missing.length; i++) {
            if (missing[i]) {
                idx[k++] = i;
            }
        }
        return idx;
    }

    /** A copy of {@code values} with the missing entries set to 0: what the encoder sees of a masked image. */
    public float[] zeroFilled(float[] values) {
        float[] x = values.clone();
        for (int i = 0; i < missing.length; i++) {
            if (missing[i]) {
                x[i] = 0f;
            }
        }
        return x;
    }

    /** Indices of the observed values, ascending. */
    public int[] observedIndices() {
        int[] idx = new int[observedCount()];
        for (int i = 0, k = 0; i < missing.length; i++) {
            if (!missing[i]) {
                idx[k++] = i;
            }
        }
        return idx;
    }

    /** Throws a message naming both sizes when {@code values} is not an example of this mask's shape. */
    public void checkFits(float[] values) {
        if (values == null || values.length != missing.length) {
            throw new InputException("the image has " + (values == null ? 0 : values.length) + " values but the mask is "
                    + shape + " (" + missing.length + " values)");
        }
        for (int i = 0; i < values.length; i++) {
            if (!missing[i] && !Float.isFinite(values[i])) {
                throw new InputException("observed value " + i + " is " + values[i] + "; observed values must be finite "
                        + "(mark missing entries in the mask)");
            }
        }
    }

    /** A mask with nothing hidden. */
    public static Mask none(ImageShape shape) {
        return new Mask(shape, new boolean[shape.size()]);
    }

    /** A mask with everything hidden. */
    public static Mask all(ImageShape shape) {
        boolean[] m = new boolean[shape.size()];
        Arrays.fill(m, true);
        return new Mask(shape, m);
    }

    /** The upper {@code floor(H/2)} rows hidden (Kormaris 2020, Table 5.1 protocol). */
    public static Mask topHalf(ImageShape s) {
        return spatial(s, (y, x) -> y < s.height() / 2);
    }

    public static Mask bottomHalf(ImageShape s) {
        return spatial(s, (y, x) -> y >= s.height() / 2);
    }

    public static Mask leftHalf(ImageShape s) {
        return spatial(s, (y, x) -> x < s.width() / 2);
    }

    public static Mask rightHalf(ImageShape s) {
        return spatial(s, (y, x) -> x >= s.width() / 2);
    }

    /** A centred {@code side × side} square hidden; {@code side} in 1..min(H, W). */
    public static Mask square(ImageShape s, int side) {
        if (side < 1 || side > Math.min(s.height(), s.width())) {
            throw new InputException("square side must be between 1 and " + Math.min(s.height(), s.width())
                    + " for " + s + " images, got " + side);
        }
        int y0 = (s.height() - side) / 2, x0 = (s.width() - side) / 2;
        return spatial(s, (y, x) -> y >= y0 && y < y0 + side && x >= x0 && x < x0 + side);
    }

    /** Each pixel hidden independently with probability {@code percent}/100, seeded. */
    public static Mask random(ImageShape s, double percent, long seed) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new InputException("random mask percentage must be in [0, 100], got " + percent);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[] pix = new boolean[s.height() * s.width()];
        for (int i = 0; i < pix.length; i++) {
            pix[i] = rng.nextDouble() * 100 < percent;
        }
        return spatial(s, (y, x) -> pix[y * s.width() + x]);
    }

    /** Missing wherever {@code values} is NaN (a ratings row: unrated items). */
    public static Mask ofNaN(ImageShape shape, float[] values) {
        boolean[] m = new boolean[values.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Float.isNaN(values[i]);
        }
        return new Mask(shape, m);
    }

    /** Values missing in this mask or in {@code other}. */
    public Mask or(Mask other) {
        if (other.size() != size()) {
            throw new InputException("cannot combine masks of " + size() + " and " + other.size() + " values");
        }
        boolean[] m = missing.clone();
        for (int i = 0; i < m.length; i++) {
            m[i] |= other.missing[i];
        }
        return new Mask(shape, m);
    }

    /**
     * Parses the command-line form: {@code top-half}, {@code bottom-half}, {@code left-half},
     * {@code right-half}, {@code square:S} (centred square of side S), {@code random:P} (P percent of
     * pixels, drawn with {@code seed}).
     */
    public static Mask parse(String text, ImageShape shape, long seed) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith(".png")) {
            return fromPng(java.nio.file.Path.of(text.trim()), shape);
        }
        switch (t) {
            case "top-half": return topHalf(shape);
            case "bottom-half": return bottomHalf(shape);
            case "left-half": return leftHalf(shape);
            case "right-half": return rightHalf(shape);
            default: break;
        }
        try {
            if (t.startsWith("square:")) {
                return square(shape, Integer.parseInt(t.substring(7)));
            }
            if (t.startsWith("random:")) {
                return random(shape, Double.parseDouble(t.substring(7)), seed);
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new InputException("--mask must be top-half, bottom-half, left-half, right-half, square:S, random:P or a "
                + "PNG file (light pixels hidden), got '"
                + text + "'");
    }

    /**
     * A mask painted as a PNG of the images' height and width: a pixel is hidden (to be completed) where
     * the PNG is light (grey value ≥ 128 and opaque), observed where it is dark or transparent; every
     * channel of a colour image shares the pixel's state. The PNG's header is checked before its pixels
     * are decoded, so a huge file is refused cheaply.
     */
    public static Mask fromPng(java.nio.file.Path file, ImageShape shape) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new InputException(file + ": no such mask file");
        }
        java.awt.image.BufferedImage img;
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
            var readers = javax.imageio.ImageIO.getImageReadersByFormatName("png");
            if (in == null || !readers.hasNext()) {
                throw new InputException(file + ": cannot be read as a PNG");
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0), h = reader.getHeight(0);
                if (w != shape.width() || h != shape.height()) {
                    throw new InputException(file + ": the mask is " + w + "x" + h + " pixels but the images are "
                            + shape.width() + "x" + shape.height());
                }
                img = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw new InputException(file + ": not a readable PNG mask (" + e.getMessage() + ")", e);
        }
        java.awt.image.BufferedImage mask = img;
        return spatial(shape, (y, x) -> {
            int argb = mask.getRGB(x, y);
            int alpha = mask.getColorModel().hasAlpha() ? argb >>> 24 : 255;
            int grey = (((argb >> 16) & 0xff) * 299 + ((argb >> 8) & 0xff) * 587 + (argb & 0xff) * 114) / 1000;
            return alpha >= 128 && grey >= 128;
        });
    }

    private interface PixelRule {
        boolean hidden(int y, int x);
    }

    private static Mask spatial(ImageShape s, PixelRule rule) {
        boolean[] m = new boolean[s.size()];
        int plane = s.height() * s.width();
        for (int c = 0; c < s.channels(); c++) {
            for (int y = 0; y < s.height(); y++) {
                for (int x = 0; x < s.width(); x++) {
                    m[c * plane + y * s.width() + x] = rule.hidden(y, x);
                }
            }
        }
        return new Mask(s, m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask m && m.shape.equals(shape) && Arrays.equals(m.missing, missing);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(missing);
    }

    @Override
    public String toString() {
        return "Mask(" + shape + ", " + missingCount() + " of " + missing.length + " missing)";
    }
}
