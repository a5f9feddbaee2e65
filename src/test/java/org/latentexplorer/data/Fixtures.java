package org.latentexplorer.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/** Builds tiny data files for the tests, so no binary fixture has to be kept in the repository. */
final class Fixtures {
    private Fixtures() {
    }

    /** An IDX images file: n images of h×w, pixel (i, k) = (i * 7 + k) % 256. */
    static byte[] idxImages(int n, int h, int w) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * h * w);
        b.putInt(0x00000803).putInt(n).putInt(h).putInt(w);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < h * w; k++) {
                b.put((byte) ((i * 7 + k) % 256));
            }
        }
        return b.array();
    }

    /** An IDX labels file with label i % classes for example i. */
    static byte[] idxLabels(int n, int classes) {
        ByteBuffer b = ByteBuffer.allocate(8 + n);
        b.putInt(0x00000801).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) (i % classes));
        }
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** CIFAR records: label i % 10, pixel bytes (i + k) % 256. */
    static byte[] cifarRecords(int n) {
        byte[] b = new byte[n * 3073];
        for (int i = 0; i < n; i++) {
            b[i * 3073] = (byte) (i % 10);
            for (int k = 0; k < 3072; k++) {
                b[i * 3073 + 1 + k] = (byte) ((i + k) % 256);
            }
        }
        return b;
    }

    /** A ustar archive of the given (name, content) pairs. */
    static byte[] tar(Object... nameContent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int e = 0; e < nameContent.length; e += 2) {
            String name = (String) nameContent[e];
            byte[] data = (byte[]) nameContent[e + 1];
            byte[] h = new byte[512];
            put(h, 0, name);
            put(h, 100, "0000644");
            put(h, 108, "0000000");
            put(h, 116, "0000000");
            put(h, 124, String.format("%011o", data.length));
            put(h, 136, "00000000000");
            h[156] = '0';
            put(h, 257, "ustar");
            put(h, 263, "00");
            for (int i = 148; i < 156; i++) {
                h[i] = ' ';
            }
            int sum = 0;
            for (byte x : h) {
                sum += x & 0xff;
            }
            put(h, 148, String.format("%06o", sum));
            h[154] = 0;
            out.writeBytes(h);
            out.writeBytes(data);
            out.writeBytes(new byte[(512 - data.length % 512) % 512]);
        }
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }

    /** A grey PNG whose pixel (x, y) is {@code value}. */
    static void greyPng(Path file, int h, int w, int value) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, value);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    /** An RGB image of one colour in the given format ("png", "jpg"). */
    static void rgbImage(Path file, String format, int h, int w, int rgb) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, format, file.toFile());
    }

    /** A binary PGM (P5) with the given 8-bit pixels, row by row. */
    static void pgmP5(Path file, int h, int w, byte[] pixels) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("P5\n# made by a test\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(pixels);
        Files.createDirectories(file.getParent());
        Files.write(file, out.toByteArray());
    }
}
