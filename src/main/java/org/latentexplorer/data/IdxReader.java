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
            img = readImages(in, images.toString(), DataStreams.contentBound(images));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] lab = null;
        if (labels != null) {
            try (InputStream in = DataStreams.open(labels)) {
                lab = readLabels(in, labels.toString(), DataStreams.contentBound(labels));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return combine(id, img, images.toString(), lab, labels == null ? null : labels.toString(), labelNames);
    }

    /** As {@link #read(String, Path, Path, List)} for streams (classpath resources); names are for messages. */
    public static Dataset read(String id, InputStream images, String imagesName, InputStream labels, String labelsName,
                               List<String> labelNames) {
        Images img = readImages(images, imagesName, DataStreams.ContentBound.UNKNOWN);
        int[] lab = labels == null ? null : readLabels(labels, labelsName, DataStreams.ContentBound.UNKNOWN);
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

    /**
     * Reads an images file. Every count in the header is checked before anything of that size is
     * allocated: against {@code bound} (the bytes the file can hold, see
     * {@link DataStreams#contentBound}), against the heap, and then by reading in pieces that exist.
     */
    static Images readImages(InputStream raw, String name, DataStreams.ContentBound bound) {
        InputStream in = DataStreams.maybeGunzip(raw, name);
        byte[] header = new byte[16];
        int got = DataStreams.readUpTo(in, header, 16, name);
        if (got == 0) {
            throw new InputException(name + ": empty file (an IDX images file starts with a 16-byte header)");
        }
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
        if (n == 0) {
            throw new InputException(name + ": holds no images (its header announces 0 images of " + h + "x" + w + ")");
        }
        long total = (long) n * h * w;
        if (16 + total > bound.bytes()) {
            throw bound.exact() ? truncated(name, bound.bytes(), n, h, w) : new InputException(name + ": header announces "
                    + n + " images of " + h + "x" + w + " (" + (16 + total) + " bytes) but this gzip file can hold at most "
                    + bound.bytes() + " bytes; it is truncated or its header is wrong");
        }
        HeapBudget.require(name, total * Float.BYTES, n + " images of " + h + "x" + w);
        DataStreams.Chunks bytes = DataStreams.readChunks(in, total, name);
        if (bytes.length() < total) {
            throw truncated(name, 16 + bytes.length(), n, h, w);
        }
        requireEnd(in, name, 16L + total);
        float[] values = new float[(int) total];
        int at = 0;
        for (byte[] part : bytes.parts()) {
            for (byte b : part) {
                values[at++] = (b & 0xff) / 255f;
            }
        }
        return new Images(n, h, w, values);
    }

    static int[] readLabels(InputStream raw, String name, DataStreams.ContentBound bound) {
        InputStream in = DataStreams.maybeGunzip(raw, name);
        byte[] header = new byte[8];
        int got = DataStreams.readUpTo(in, header, 8, name);
        if (got == 0) {
            throw new InputException(name + ": empty file (an IDX labels file starts with an 8-byte header)");
        }
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
        if (8L + n > bound.bytes()) {
            throw new InputException(name + (bound.exact() ? ": truncated at byte offset " + bound.bytes() + ": header announces "
                    : ": header announces ") + n + " labels (" + (8L + n) + " bytes)"
                    + (bound.exact() ? "" : " but this gzip file can hold at most " + bound.bytes() + " bytes"));
        }
        DataStreams.Chunks bytes = DataStreams.readChunks(in, n, name);
        if (bytes.length() < n) {
            throw new InputException(name + ": truncated at byte offset " + (8L + bytes.length()) + ": header announces " + n
                    + " labels (" + (8L + n) + " bytes)");
        }
        requireEnd(in, name, 8L + n);
        int[] labels = new int[n];
        int at = 0;
        for (byte[] part : bytes.parts()) {
            for (byte b : part) {
                labels[at++] = b & 0xff;
            }
        }
        return labels;
    }

    private static InputException truncated(String name, long offset, int n, int h, int w) {
        return new InputException(name + ": truncated at byte offset " + offset + ": header announces " + n + " images of "
                + h + "x" + w + " (" + (16L + (long) n * h * w) + " bytes), image " + ((offset - 16) / ((long) h * w))
                + " is incomplete");
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
