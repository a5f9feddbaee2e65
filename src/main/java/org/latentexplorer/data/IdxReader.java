package org.latentexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.latentexplorer.common.InputException;

/**
 * Reads the IDX format of MNIST and its relatives (Fashion-MNIST, KMNIST, EMNIST): a big-endian
 * header (magic {@code 0x00000803} for unsigned-byte images N×H×W, {@code 0x00000801} for labels N)
 * followed by the raw bytes. Files may be gzip-compressed; that is detected from the first bytes.
 *
 * <p>Byte offsets in error messages count bytes of IDX data, i.e. after gzip decompression.
 * See <a href="http://yann.lecun.com/exdb/mnist/">LeCun et al., the MNIST database</a> for the format.
 */
public final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    private static final int CHUNK = 1 << 16;

    private IdxReader() {
    }

    /** Pixel bytes of an IDX images file, scaled to [0, 1]. */
    record Images(int count, int height, int width, float[] values) {
    }

    /**
     * Reads an images file and, when {@code labels} is not null, its labels file.
     *
     * @param id         the data set id to give the result
     * @param images     an IDX images file (gzip or raw)
     * @param labels     an IDX labels file, or {@code null} for an unlabelled data set
     * @param labelNames class names, or {@code null} for "0", "1", ... up to the largest label
     * @throws InputException naming the file and the problem (bad magic, truncation with byte offset,
     *                        count mismatch)
     */
    public static Dataset read(String id, Path images, Path labels, List<String> labelNames) {
        Images img;
        try (InputStream in = DataStreams.open(images)) {
            img = readImages(in, images.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] lab = null;
        if (labels != null) {
            try (InputStream in = DataStreams.open(labels)) {
                lab = readLabels(in, labels.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return combine(id, img, images.toString(), lab, labels == null ? null : labels.toString(), labelNames);
    }

    /** As {@link #read(String, Path, Path, List)} for streams (classpath resources); names are for messages. */
    public static Dataset read(String id, InputStream images, String imagesName, InputStream labels, String labelsName,
                               List<String> labelNames) {
        Images img = readImages(images, imagesName);
        int[] lab = labels == null ? null : readLabels(labels, labelsName);
        return combine(id, img, imagesName, lab, labelsName, labelNames);
    }

    /**
     * The labels file that usually sits beside an images file: "images" becomes "labels" and "idx3"
     * becomes "idx1" in the file name, with or without ".gz". Null when there is none.
     */
    public static Path labelsBeside(Path images) {
        String name = images.getFileName().toString();
        String guess = name.replace("images", "labels").replace("idx3", "idx1");
        if (guess.equals(name)) {
            return null;
        }
        List<String> candidates = new ArrayList<>(List.of(guess));
        candidates.add(guess.endsWith(".gz") ? guess.substring(0, guess.length() - 3) : guess + ".gz");
        for (String c : candidates) {
            Path p = images.resolveSibling(c);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    static Images readImages(InputStream raw, String name) {
        InputStream in = DataStreams.maybeGunzip(raw, name);
        byte[] header = new byte[16];
        int got = DataStreams.readUpTo(in, header, 16);
        if (got >= 4 && DataStreams.u32(header, 0) != IMAGES_MAGIC) {
            throw new InputException(name + ": not an IDX images file (magic number 0x"
                    + String.format("%08x", DataStreams.u32(header, 0)) + ", expected 0x00000803"
                    + (DataStreams.u32(header, 0) == LABELS_MAGIC ? "; this is a labels file" : "") + ")");
        }
        if (got < 16) {
            throw new InputException(name + ": truncated at byte offset " + got + " (the IDX header has 16 bytes)");
        }
        int n = DataStreams.u32(header, 4);
        int h = DataStreams.u32(header, 8);
        int w = DataStreams.u32(header, 12);
        if (n < 0 || h <= 0 || w <= 0 || (long) h * w > 16_777_216L || (long) n * h * w > Integer.MAX_VALUE - 8) {
            throw new InputException(name + ": implausible IDX dimensions " + n + " x " + h + " x " + w);
        }
        int total = n * h * w;
        float[] values = new float[total];
        byte[] buf = new byte[CHUNK];
        int done = 0;
        while (done < total) {
            int want = Math.min(CHUNK, total - done);
            int r = DataStreams.readUpTo(in, buf, want);
            for (int i = 0; i < r; i++) {
                values[done + i] = (buf[i] & 0xff) / 255f;
            }
            done += r;
            if (r < want) {
                throw new InputException(name + ": truncated at byte offset " + (16L + done) + ": header announces "
                        + n + " images of " + h + "x" + w + " (" + (16L + total) + " bytes), image " + (done / (h * w))
                        + " is incomplete");
            }
        }
        requireEnd(in, name, 16L + total);
        return new Images(n, h, w, values);
    }

    static int[] readLabels(InputStream raw, String name) {
        InputStream in = DataStreams.maybeGunzip(raw, name);
        byte[] header = new byte[8];
        int got = DataStreams.readUpTo(in, header, 8);
        if (got >= 4 && DataStreams.u32(header, 0) != LABELS_MAGIC) {
            throw new InputException(name + ": not an IDX labels file (magic number 0x"
                    + String.format("%08x", DataStreams.u32(header, 0)) + ", expected 0x00000801)");
        }
        if (got < 8) {
            throw new InputException(name + ": truncated at byte offset " + got + " (the IDX labels header has 8 bytes)");
        }
        int n = DataStreams.u32(header, 4);
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new InputException(name + ": implausible label count " + n);
        }
        byte[] bytes = new byte[n];
        int r = DataStreams.readUpTo(in, bytes, n);
        if (r < n) {
            throw new InputException(name + ": truncated at byte offset " + (8L + r) + ": header announces " + n
                    + " labels (" + (8L + n) + " bytes)");
        }
        requireEnd(in, name, 8L + n);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = bytes[i] & 0xff;
        }
        return labels;
    }

    private static void requireEnd(InputStream in, String name, long expected) {
        if (!DataStreams.atEnd(in, name)) {
            throw new InputException(name + ": has data after byte offset " + expected
                    + " where the header says the file ends; the header counts do not match the content");
        }
    }

    private static Dataset combine(String id, Images img, String imagesName, int[] labels, String labelsName,
                                   List<String> labelNames) {
        if (labels != null && labels.length != img.count()) {
            throw new InputException(labelsName + " has " + labels.length + " labels but " + imagesName + " has "
                    + img.count() + " images");
        }
        List<String> names = labelNames;
        if (labels != null && names == null) {
            int max = -1;
            for (int l : labels) {
                max = Math.max(max, l);
            }
            names = new ArrayList<>();
            for (int i = 0; i <= max; i++) {
                names.add(Integer.toString(i));
            }
        }
        if (labels != null) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] >= names.size()) {
                    throw new InputException(labelsName + ": label " + labels[i] + " of example " + i
                            + " is outside 0.." + (names.size() - 1));
                }
            }
        }
        return new Dataset(id, ImageShape.grey(img.height(), img.width()), img.count(), img.values(), labels,
                labels == null ? List.of() : names);
    }
}
