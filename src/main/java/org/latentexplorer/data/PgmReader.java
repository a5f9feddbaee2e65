package org.latentexplorer.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.latentexplorer.common.InputException;

/**
 * Reads Netpbm grey images (PGM), plain {@code P2} (ASCII numbers) and raw {@code P5} (bytes, or
 * big-endian 16-bit words when maxval &gt; 255), as used by the ORL/AT&amp;T and Extended Yale B face
 * sets; {@code javax.imageio} has no PGM reader. Format: <a href="https://netpbm.sourceforge.net/doc/pgm.html">netpbm pgm(5)</a>.
 * Only the first image of a multi-image file is read.
 */
final class PgmReader {
    private PgmReader() {
    }

    /** True when the bytes start like a PGM file ("P2" or "P5" then whitespace). */
    static boolean looksLikePgm(byte[] head) {
        return head.length >= 3 && head[0] == 'P' && (head[1] == '2' || head[1] == '5') && Character.isWhitespace(head[2]);
    }

    static Raster read(Path file) {
        try (InputStream in = DataStreams.open(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static Raster read(InputStream in, String name) throws IOException {
        String magic = token(in, name);
        if (!magic.equals("P2") && !magic.equals("P5")) {
            throw new InputException(name + ": not a PGM image (starts with '" + magic + "', expected P2 or P5)");
        }
        int width = number(in, name, "width");
        int height = number(in, name, "height");
        int maxval = number(in, name, "maxval");
        if (width < 1 || height < 1 || maxval < 1 || maxval > 65535 || (long) width * height > 16_777_216L) {
            throw new InputException(name + ": implausible PGM header " + width + "x" + height + " maxval " + maxval);
        }
        float[] v = new float[width * height];
        if (magic.equals("P2")) {
            for (int i = 0; i < v.length; i++) {
                int s = number(in, name, "pixel " + i);
                v[i] = sample(s, maxval, name);
            }
        } else {
            // Exactly one whitespace byte separates maxval from the raster; token() consumed it.
            int bytesPer = maxval > 255 ? 2 : 1;
            byte[] raw = in.readNBytes(v.length * bytesPer);
            if (raw.length < v.length * bytesPer) {
                throw new InputException(name + ": truncated PGM raster: " + raw.length + " of "
                        + (v.length * bytesPer) + " bytes");
            }
            for (int i = 0; i < v.length; i++) {
                int s = bytesPer == 1 ? raw[i] & 0xff : ((raw[2 * i] & 0xff) << 8) | (raw[2 * i + 1] & 0xff);
                v[i] = sample(s, maxval, name);
            }
        }
        return new Raster(1, height, width, v);
    }

    private static float sample(int s, int maxval, String name) {
        if (s < 0 || s > maxval) {
            throw new InputException(name + ": pixel value " + s + " exceeds maxval " + maxval);
        }
        return (float) s / maxval;
    }

    private static int number(InputStream in, String name, String what) throws IOException {
        String t = token(in, name);
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new InputException(name + ": PGM " + what + " is '" + t + "', not a number");
        }
    }

    /** Next whitespace-separated token, skipping '#' comments to the end of the line; eats one trailing whitespace. */
    private static String token(InputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int c = in.read();
        while (c >= 0 && (Character.isWhitespace(c) || c == '#')) {
            if (c == '#') {
                while (c >= 0 && c != '\n' && c != '\r') {
                    c = in.read();
                }
            }
            c = in.read();
        }
        while (c >= 0 && !Character.isWhitespace(c) && c != '#') {
            out.write(c);
            if (out.size() > 32) {
                throw new InputException(name + ": not a PGM image (header token too long)");
            }
            c = in.read();
        }
        if (out.size() == 0) {
            throw new InputException(name + ": truncated PGM header or raster");
        }
        return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
