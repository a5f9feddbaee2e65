package org.latentexplorer.data;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.latentexplorer.common.InputException;

/**
 * Walks the regular files of a tar or tar.gz archive as streams, without extracting it, with Apache
 * Commons Compress doing the parsing (ustar, GNU and pax headers). What this class adds is the
 * messages: a cut-off archive is "truncated" (never "empty" or a wrong count), damaged gzip data is
 * "corrupt gzip data", a damaged header "not a tar archive or corrupt", each naming the archive.
 */
final class TarEntries {
    private static final int BLOCK = 512;

    /** Receives each regular file; {@code data} ends at the entry's end (a short read means truncation). */
    interface Visitor {
        void file(String name, long size, InputStream data) throws IOException;
    }

    private TarEntries() {
    }

    static void forEachFile(Path archive, Visitor visitor) {
        String where = archive.toString();
        try (InputStream raw = DataStreams.open(archive)) {
            InputStream content = DataStreams.maybeGunzip(raw, where);
            Counted counted = new Counted(content);
            TarArchiveInputStream tar = new TarArchiveInputStream(counted);
            for (TarArchiveEntry e = nextEntry(tar, where); e != null; e = nextEntry(tar, where)) {
                if (e.isFile()) {
                    visitor.file(e.getName(), e.getSize(), new EntryData(tar));
                }
            }
            // Read to the end: for gzip this checks the trailer (CRC and length), so a cut that falls
            // after the last entry is still found; a plain tar cut inside a header leaves a partial block.
            drain(counted);
            if (counted.count % BLOCK != 0) {
                throw truncated(where);
            }
        } catch (EOFException e) {
            throw truncated(where);
        } catch (IOException e) {
            throw new InputException(where + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static TarArchiveEntry nextEntry(TarArchiveInputStream tar, String where) throws IOException {
        try {
            return tar.getNextTarEntry();
        } catch (EOFException e) {
            throw e;
        } catch (IOException e) {
            throw new InputException(where + ": not a tar archive or corrupt (" + e.getMessage() + ")", e);
        }
    }

    /** Reads to the end; an early end of gzip data surfaces as an EOFException. */
    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        while (in.read(buf) >= 0) {
            // discard the end-of-archive blocks and padding
        }
    }

    static InputException truncated(String where) {
        return new InputException(where + ": truncated (the archive ends before its end-of-archive marker)");
    }

    /** Counts the bytes passed, skipped ones included (Commons' CountingInputStream misses skips). */
    private static final class Counted extends FilterInputStream {
        long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = in.read(b, off, len);
            count += Math.max(r, 0);
            return r;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(n);
            count += s;
            return s;
        }
    }

    /**
     * An entry's bytes. Commons Compress reports an entry cut short as an IOException ("Truncated TAR
     * archive"); the tar layer does not check data otherwise, so every IOException here is an early end,
     * turned into an EOFException the readers already handle as truncation with an offset.
     */
    private static final class EntryData extends FilterInputStream {
        EntryData(TarArchiveInputStream tar) {
            super(tar);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (EOFException e) {
                throw e;
            } catch (IOException e) {
                throw (EOFException) new EOFException(e.getMessage()).initCause(e);
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public void close() {
            // the archive stays open for the next entry
        }
    }
}
