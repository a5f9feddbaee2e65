package org.latentexplorer.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.latentexplorer.common.InputException;

/**
 * A minimal reader of (ustar / GNU) tar streams, enough to take the CIFAR-10 batches out of
 * {@code cifar-10-binary.tar.gz} without extracting it. Each entry is a 512-byte header (name at 0,
 * size in octal at 124, type flag at 156, ustar name prefix at 345) followed by the data padded to a
 * multiple of 512; two zero blocks end the archive. GNU long names ('L') and pax 'path' records ('x')
 * are honoured; every other special entry is skipped. Format: POSIX.1-1988 ustar, see tar(5).
 */
final class TarReader {
    private static final int BLOCK = 512;

    /** One file in the archive; {@link #data()} is readable until the next call to {@link TarReader#next()}. */
    record Entry(String name, long size, boolean isFile, InputStream data) {
    }

    private final InputStream in;
    private final String archiveName;
    private long remaining;
    private long padding;

    TarReader(InputStream in, String archiveName) {
        this.in = in;
        this.archiveName = archiveName;
    }

    /** The next entry, or null at the end of the archive. */
    Entry next() throws IOException {
        skipRest();
        String longName = null;
        while (true) {
            byte[] h = in.readNBytes(BLOCK);
            if (h.length == 0) {
                return null;
            }
            if (h.length < BLOCK) {
                throw new InputException(archiveName + ": truncated tar header");
            }
            if (allZero(h)) {
                return null;
            }
            checkChecksum(h);
            long size = octal(h, 124, 12);
            char type = (char) h[156];
            String name = longName != null ? longName : header(h);
            longName = null;
            if (type == 'L' || type == 'x') {
                byte[] body = readBody(size);
                String text = new String(body, StandardCharsets.UTF_8);
                longName = type == 'L' ? text.replace("\0", "") : paxPath(text);
                continue;
            }
            remaining = size;
            padding = (BLOCK - size % BLOCK) % BLOCK;
            boolean file = type == '0' || type == '\0' || type == '7';
            return new Entry(name, size, file, new Bounded());
        }
    }

    private String header(byte[] h) {
        String name = string(h, 0, 100);
        boolean ustar = new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? string(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private byte[] readBody(long size) throws IOException {
        if (size > 1 << 20) {
            throw new InputException(archiveName + ": implausible tar extended header of " + size + " bytes");
        }
        byte[] body = in.readNBytes((int) size);
        in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
        return body;
    }

    /** The "path" value of pax records ("LEN path=VALUE\n"), or null (then the header name is used). */
    private static String paxPath(String records) {
        for (String line : records.split("\n")) {
            int sp = line.indexOf(' ');
            if (sp > 0 && line.startsWith("path=", sp + 1)) {
                return line.substring(sp + 6);
            }
        }
        return null;
    }

    private void skipRest() throws IOException {
        if (remaining + padding > 0) {
            long skip = remaining + padding;
            remaining = 0;
            padding = 0;
            try {
                in.skipNBytes(skip);
            } catch (java.io.EOFException e) {
                throw new InputException(archiveName + ": truncated tar archive", e);
            }
        }
    }

    private void checkChecksum(byte[] h) {
        long stored = octal(h, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            // The checksum field itself counts as eight spaces.
            sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xff;
        }
        if (sum != stored) {
            throw new InputException(archiveName + ": not a tar archive or corrupt (header checksum mismatch)");
        }
    }

    private long octal(byte[] h, int off, int len) {
        long v = 0;
        for (int i = off; i < off + len; i++) {
            int c = h[i];
            if (c == 0 || c == ' ') {
                if (v > 0) {
                    break;
                }
                continue;
            }
            if (c < '0' || c > '7') {
                throw new InputException(archiveName + ": not a tar archive or corrupt (bad number in header)");
            }
            v = v * 8 + (c - '0');
        }
        return v;
    }

    private static String string(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static boolean allZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The current entry's bytes; reading stops at its end. */
    private final class Bounded extends FilterInputStream {
        Bounded() {
            super(TarReader.this.in);
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int r = in.read(b, off, (int) Math.min(len, remaining));
            if (r > 0) {
                remaining -= r;
            }
            return r;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(Math.min(n, remaining));
            remaining -= s;
            return s;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }

        @Override
        public void close() {
            // The archive stream stays open for the next entry.
        }
    }
}
