package org.latentexplorer.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;

/**
 * Reads a folder of images (PNG, JPEG, GIF, BMP through {@code javax.imageio}; PGM P2/P5 through
 * {@link PgmReader}) into a data set. Files are recognised by their first bytes, so the Yale set's
 * extension-less files work too. With one sub-folder per class the sub-folder names, in natural order
 * ({@code s2} before {@code s10}), are the label names; images directly in the folder give a data set
 * without labels. Mixing both is refused, as is a folder without images.
 */
public final class ImageFolderReader {
    /** Largest image accepted, as for PGM and IDX: 4096x4096, 64 MiB of floats per channel. */
    static final long MAX_PIXELS = 16_777_216L;

    /**
     * How to read the images.
     *
     * @param height   height to resize to, or 0 to keep the size (then all images must be the same size)
     * @param width    width to resize to, or 0 (set both or neither)
     * @param channels 1 grey, 3 RGB, or 0 for RGB if any image has colour, else grey
     */
    public record Options(int height, int width, int channels) {
        public static final Options DEFAULT = new Options(0, 0, 0);

        public Options {
            if (height < 0 || width < 0 || (height == 0) != (width == 0)) {
                throw new InputException("image size must be two positive numbers (height and width), got "
                        + height + "x" + width);
            }
            if (channels != 0 && channels != 1 && channels != 3) {
                throw new InputException("channels must be 1 (grey), 3 (RGB) or 0 (automatic), got " + channels);
            }
        }
    }

    private ImageFolderReader() {
    }

    /** Reads {@code folder}; {@code cancel} is checked once per image. */
    public static Dataset read(String id, Path folder, Options options, CancelToken cancel) {
        if (!Files.isDirectory(folder)) {
            throw new InputException(folder + ": folder not found");
        }
        if (sorted(folder).stream().noneMatch(p -> !hidden(p))) {
            throw new InputException(folder + ": folder is empty");
        }
        List<Path> direct = images(folder);
        List<Path> classDirs = new ArrayList<>();
        for (Path p : sorted(folder)) {
            if (Files.isDirectory(p) && !hidden(p) && !images(p).isEmpty()) {
                classDirs.add(p);
            }
        }
        if (!direct.isEmpty() && !classDirs.isEmpty()) {
            throw new InputException(folder + ": has images both directly inside and in sub-folders; put each class "
                    + "in its own sub-folder, or all images directly in the folder");
        }
        List<Path> files = new ArrayList<>(direct);
        List<Integer> labels = new ArrayList<>();
        List<String> labelNames = new ArrayList<>();
        for (Path dir : classDirs) {
            for (Path f : images(dir)) {
                files.add(f);
                labels.add(labelNames.size());
            }
            labelNames.add(dir.getFileName().toString());
        }
        if (files.isEmpty()) {
            throw new InputException(folder + ": contains no images (PNG, JPEG, GIF, BMP or PGM), "
                    + "neither directly nor in sub-folders");
        }
        List<Raster> rasters = new ArrayList<>(files.size());
        boolean anyColour = false;
        for (Path f : files) {
            cancel.check();
            Raster r = decode(f);
            if (options.height() == 0 && !rasters.isEmpty()
                    && (r.height() != rasters.get(0).height() || r.width() != rasters.get(0).width())) {
                throw new InputException(f + ": image is " + r.height() + "x" + r.width() + " but " + files.get(0)
                        + " is " + rasters.get(0).height() + "x" + rasters.get(0).width()
                        + "; choose a size to resize all images to");
            }
            if (options.height() > 0) {
                r = r.resize(options.height(), options.width());
            }
            anyColour |= r.channels() == 3;
            if (rasters.isEmpty()) {
                // All images share this size: the whole set (kept as rasters, then copied once) must fit.
                HeapBudget.require(folder.toString(), 2L * files.size() * 3 * r.height() * r.width() * Float.BYTES,
                        files.size() + " images of " + r.height() + "x" + r.width());
            }
            rasters.add(r);
        }
        int channels = options.channels() != 0 ? options.channels() : anyColour ? 3 : 1;
        ImageShape shape = new ImageShape(channels, rasters.get(0).height(), rasters.get(0).width());
        float[] values = new float[Math.multiplyExact(files.size(), shape.size())];
        for (int i = 0; i < rasters.size(); i++) {
            Raster r = channels == 1 ? rasters.get(i).toGrey() : rasters.get(i).toRgb();
            System.arraycopy(r.values(), 0, values, i * shape.size(), shape.size());
            rasters.set(i, null);
        }
        int[] lab = classDirs.isEmpty() ? null : labels.stream().mapToInt(Integer::intValue).toArray();
        return new Dataset(id, shape, files.size(), values, lab, lab == null ? List.of() : labelNames);
    }

    /** Decodes one image file (any supported format) to floats in [0, 1]. */
    static Raster decode(Path file) {
        byte[] head;
        try (InputStream in = DataStreams.open(file)) {
            head = DataStreams.peek(in, 8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (PgmReader.looksLikePgm(head)) {
            return PgmReader.read(file);
        }
        return fromBufferedImage(readBounded(file));
    }

    /**
     * Decodes with the {@code javax.imageio} reader for the file's format, after reading the size from
     * the header alone: a PNG of a few megabytes can declare 40000x40000 pixels (gigabytes once
     * decoded), which is refused here before any pixel memory exists.
     */
    private static BufferedImage readBounded(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InputException(file + ": not an image that can be read (PNG, JPEG, GIF, BMP or PGM)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w < 1 || h < 1 || w * h > MAX_PIXELS) {
                    throw new InputException(file + ": image is " + w + "x" + h + " pixels; images over "
                            + MAX_PIXELS / 1_000_000 + " million pixels (e.g. 4096x4096) are refused, scale it down first");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw new InputException(file + ": corrupt image (" + e.getMessage() + ")", e);
        }
    }

    private static Raster fromBufferedImage(BufferedImage img) {
        int h = img.getHeight();
        int w = img.getWidth();
        int n = h * w;
        if (img.getColorModel().getNumColorComponents() == 1) {
            // Read grey samples directly: getRGB() would pass them through a gamma conversion.
            java.awt.image.Raster raster = img.getRaster();
            float max = (1 << img.getColorModel().getComponentSize(0)) - 1;
            float[] v = new float[n];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    v[y * w + x] = raster.getSample(x, y, 0) / max;
                }
            }
            return new Raster(1, h, w, v);
        }
        float[] v = new float[3 * n];
        boolean colour = false;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                colour |= r != g || g != b;
                int i = y * w + x;
                v[i] = r / 255f;
                v[n + i] = g / 255f;
                v[2 * n + i] = b / 255f;
            }
        }
        Raster rgbRaster = new Raster(3, h, w, v);
        // An RGB file whose pixels are all grey counts as grey, so "automatic" picks one channel.
        return colour ? rgbRaster : new Raster(1, h, w, java.util.Arrays.copyOf(v, n));
    }

    /** True when the first bytes are those of an image format we read. */
    static boolean isImage(Path file) {
        if (!Files.isRegularFile(file) || hidden(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] h = in.readNBytes(8);
            return PgmReader.looksLikePgm(h)
                    || (h.length >= 4 && (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G')
                    || (h.length >= 3 && (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xd8 && (h[2] & 0xff) == 0xff)
                    || (h.length >= 4 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F' && h[3] == '8')
                    || (h.length >= 2 && h[0] == 'B' && h[1] == 'M');
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> images(Path dir) {
        return sorted(dir).stream().filter(ImageFolderReader::isImage).toList();
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static List<Path> sorted(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE)).toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list folder (" + e.getMessage() + ")", e);
        }
    }
}
