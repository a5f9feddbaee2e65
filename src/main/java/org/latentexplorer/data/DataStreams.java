package org.latentexplorer.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.latentexplorer.common.InputException;

/**
 * Small stream helpers shared by the readers: open a file with a clear message when it is missing,
 * unwrap gzip by its magic bytes (never by the file name), and read exact byte counts while keeping
 * track of the offset so that a truncated file can be reported precisely.
 *
 * <p>Two kinds of bad gzip data are told apart: data that stops early (an {@link EOFException}, which
 * the readers report as truncation at an offset) and data that is damaged (an {@link InputException}
 * "corrupt gzip data" at once, never a short read that a reader would blame on its header counts).
 */
final class DataStreams {
    /** Deflate's largest compression ratio (zlib technical details): the most a byte of gzip can hold. */
    static final long DEFLATE_MAX_RATIO = 1032;

    private DataStreams() {
    }

    /** Throws an {@link InputException} naming the file when it does not exist or is a folder. */
    static Path requireFile(Path file) {
        if (!Files.exists(file)) {
            throw new InputException(file + ": file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": is not a file");
        }
        return file;
    }

    /**
     * How many content bytes a file can hold: {@code exact} for a plain file (its length); for gzip an
     * upper bound, its length times 1032, deflate's largest compression ratio (zlib technical details,
     * "Maximum compression factor"). Readers compare header counts with it before allocating anything.
     */
    record ContentBound(long bytes, boolean exact) {
        /** A stream of unknown length (a class-path resource). */
        static final ContentBound UNKNOWN = new ContentBound(Long.MAX_VALUE, false);
    }

    static ContentBound contentBound(Path file) {
        try (InputStream in = open(file)) {
            long size = Files.size(file);
            return isGzip(peek(in, 2)) ? new ContentBound(size * DEFLATE_MAX_RATIO, false) : new ContentBound(size, true);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Opens a file, buffered, mark-capable. */
    static InputStream open(Path file) {
        requireFile(file);
        try {
            return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": file not found", e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The first {@code n} bytes of a mark-capable stream, without consuming them (fewer at end of file). */
    static byte[] peek(InputStream in, int n) throws IOException {
        in.mark(n);
        byte[] head = in.readNBytes(n);
        in.reset();
        return head;
    }

    static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    /**
     * Returns a mark-capable stream of the content: decompressed when the stream starts with the gzip
     * magic bytes, else the stream itself.
     */
    static InputStream maybeGunzip(InputStream in, String name) {
        try {
            InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
            if (isGzip(peek(buffered, 2))) {
                return new BufferedInputStream(new CheckedGunzip(buffered, name), 1 << 16);
            }
            return buffered;
        } catch (EOFException e) {
            throw new InputException(name + ": truncated gzip header", e);
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads {@code len} bytes into {@code buf}. Returns how many were read before the end of the data;
     * a cut-off gzip stream counts as the end of the data, so callers can report the offset.
     */
    static int readUpTo(InputStream in, byte[] buf, int len, String name) {
        int done = 0;
        try {
            while (done < len) {
                int r = in.read(buf, done, len - done);
                if (r < 0) {
                    break;
                }
                done += r;
            }
        } catch (EOFException e) {
            // A gzip stream cut short ends with an EOFException: the same as a short file for us.
            return done;
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return done;
    }

    /** Bytes read in pieces; see {@link #readChunks}. */
    record Chunks(List<byte[]> parts, long length) {
    }

    /**
     * Reads up to {@code n} bytes in pieces of at most 16 MiB, each allocated only once the bytes
     * before it have arrived: a header that claims gigabytes over a few bytes of data costs one small
     * piece, not the claimed size. Fewer bytes than {@code n} means the data ended (truncation).
     */
    static Chunks readChunks(InputStream in, long n, String name) {
        List<byte[]> parts = new ArrayList<>();
        long done = 0;
        while (done < n) {
            byte[] part = new byte[(int) Math.min(n - done, 1 << 24)];
            int r = readUpTo(in, part, part.length, name);
            done += r;
            parts.add(r == part.length ? part : java.util.Arrays.copyOf(part, r));
            if (r < part.length) {
                break;
            }
        }
        return new Chunks(parts, done);
    }

    /** True when the stream has no more bytes; a gzip stream cut before its trailer is reported as such. */
    static boolean atEnd(InputStream in, String name) {
        try {
            return in.read() < 0;
        } catch (EOFException e) {
            throw new InputException(name + ": truncated gzip data (the file ends before the gzip trailer)", e);
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A gzip stream (all members, as gzip(1) reads them) whose damage is an {@link InputException}
     * naming the file and the content offset, while an early end stays an {@link EOFException}.
     * The JDK's {@link GZIPInputStream} rather than Commons Compress' GzipCompressorInputStream: the
     * JDK's hands out the bytes before a cut, so a truncated file is reported at its exact offset;
     * Commons' fills the whole request or throws, losing up to a buffer of good data.
     */
    private static final class CheckedGunzip extends java.io.FilterInputStream {
        private final String name;
        private long offset;

        CheckedGunzip(InputStream in, String name) throws IOException {
            super(open(in, name));
            this.name = name;
        }

        private static InputStream open(InputStream in, String name) throws IOException {
            try {
                return new GZIPInputStream(in, 1 << 16);
            } catch (EOFException e) {
                throw e;
            } catch (IOException e) {
                throw new InputException(name + ": corrupt gzip header (" + e.getMessage() + ")", e);
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int r = in.read(b, off, len);
                offset += Math.max(r, 0);
                return r;
            } catch (EOFException e) {
                throw e;
            } catch (IOException e) {
                throw new InputException(name + ": corrupt gzip data after " + offset + " bytes of content ("
                        + e.getMessage() + ")", e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            // Through read(), so that damage met while skipping is reported like damage met while reading.
            byte[] buf = new byte[8192];
            long done = 0;
            while (done < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }
    }

    static int u32(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }
}
