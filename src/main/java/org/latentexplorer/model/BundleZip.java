package org.latentexplorer.model;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.latentexplorer.common.InputException;

/**
 * A bundle's ZIP archive, read so that a damaged or hostile file costs little: every entry is inflated
 * through a stream with a hard cap on its size (the size the archive declares is checked against the
 * cap first, and inflating past it stops the read, but it is never what bounds an allocation), a limit
 * on its compression ratio, and its CRC-32 checked against the archive's central directory when it
 * ends. An entry counts as read
 * only once its stream has returned end-of-file, so callers read each entry to its end.
 */
final class BundleZip implements AutoCloseable {
    /** More entries than a bundle ever has (it has seven) means a foreign or hostile archive. */
    static final int MAX_ENTRIES = 64;
    /** Deflate reaches about 1000:1 on zeros; real bundle entries stay below 10:1, so 200:1 is a bomb. */
    static final int MAX_RATIO = 200;
    /** The ratio is only judged past this many inflated bytes: tiny JSON entries can look inflated. */
    static final long RATIO_FLOOR = 1L << 20;

    private final Path file;
    private final ZipFile zip;

    BundleZip(Path file) throws IOException {
        this.file = file;
        this.zip = new ZipFile(file.toFile());
        int entries = zip.size();
        if (entries > MAX_ENTRIES) {
            zip.close();
            throw new InputException(file + ": not a Latent Explorer model (the archive holds " + entries + " entries)");
        }
    }

    boolean has(String name) {
        return zip.getEntry(name) != null;
    }

    /** The whole entry, at most {@code cap} bytes. */
    byte[] read(String name, long cap) throws IOException {
        try (InputStream in = open(name, cap)) {
            return in.readAllBytes();
        }
    }

    /** Reads the entry to its end and drops it: checks its size and CRC. */
    void verify(String name, long cap) throws IOException {
        try (InputStream in = open(name, cap)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    /**
     * The entry's bytes, failing with an {@link InputException} naming the file and entry once more
     * than {@code cap} bytes come out, or once its CRC or size disagrees with the archive's directory
     * at its end.
     */
    InputStream open(String name, long cap) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new InputException(file + ": not a Latent Explorer model (no " + name + " inside)");
        }
        if (entry.getSize() > cap) {
            throw tooLarge(name, entry.getSize(), cap);
        }
        return new Checked(zip.getInputStream(entry), entry, name, cap);
    }

    /** {@code declared}: the size the archive claims, or -1 when it is the inflated count that went past. */
    private InputException tooLarge(String name, long declared, long cap) {
        return new InputException(declared >= 0
                ? String.format(Locale.ROOT, "%s: %s declares %,d bytes, more than the %,d this model can need (the "
                        + "bundle is damaged, or not a real model)", file, name, declared, cap)
                : String.format(Locale.ROOT, "%s: %s inflates to more than the %,d bytes this model can need (the "
                        + "bundle is damaged, or not a real model)", file, name, cap));
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Counts, caps and checksums what comes out; checks the count and CRC at end-of-file. */
    private final class Checked extends FilterInputStream {
        private final ZipEntry entry;
        private final String name;
        private final long cap;
        private final CRC32 crc = new CRC32();
        private long count;
        private boolean checked;

        Checked(InputStream in, ZipEntry entry, String name, long cap) {
            super(in);
            this.entry = entry;
            this.name = name;
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            // Never ask for more than one byte past the cap: the inflater stops where we stop.
            int n = in.read(b, off, (int) Math.min(len, cap - count + 1));
            if (n < 0) {
                atEnd();
                return -1;
            }
            crc.update(b, off, n);
            count += n;
            if (count > cap) {
                throw tooLarge(name, -1, cap);
            }
            if (entry.getSize() >= 0 && count > entry.getSize()) {
                // The declared size is no bound we rely on, but going past it is proof of a damaged or lying archive.
                throw new InputException(String.format(Locale.ROOT, "%s: %s inflates past the %,d bytes the archive "
                        + "declares for it (the bundle is damaged, or a ZIP bomb)", file, name, entry.getSize()));
            }
            long packed = entry.getCompressedSize();
            if (count > RATIO_FLOOR && packed > 0 && count > packed * MAX_RATIO) {
                throw new InputException(String.format(Locale.ROOT, "%s: %s inflates more than %d-fold (%,d bytes "
                        + "from %,d): a ZIP bomb, not a model", file, name, MAX_RATIO, count, packed));
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Through read, so that skipped bytes are counted and checksummed too.
            byte[] buf = new byte[8192];
            long left = n;
            while (left > 0) {
                int r = read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) {
                    break;
                }
                left -= r;
            }
            return n - left;
        }

        private void atEnd() {
            if (checked) {
                return;
            }
            checked = true;
            if (entry.getSize() >= 0 && count != entry.getSize()) {
                throw new InputException(String.format(Locale.ROOT, "%s: %s is corrupt (%,d bytes inside where the "
                        + "archive says %,d)", file, name, count, entry.getSize()));
            }
            if (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc()) {
                throw new InputException(String.format(Locale.ROOT, "%s: %s is corrupt (its CRC-32 is %08x where the "
                        + "archive says %08x: the file was damaged after it was written)", file, name, crc.getValue(),
                        entry.getCrc()));
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
