package org.latentexplorer.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.latentexplorer.common.InputException;

/**
 * Small stream helpers shared by the readers: open a file with a clear message when it is missing,
 * unwrap gzip by its magic bytes (never by the file name), and read exact byte counts while keeping
 * track of the offset so that a truncated file can be reported precisely.
 */
final class DataStreams {
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
                return new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16);
            }
            return buffered;
        } catch (ZipException e) {
            throw new InputException(name + ": corrupt gzip header (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads exactly {@code buf.length} bytes. Returns how many were read before the end of the data;
     * a corrupt or cut-off gzip stream counts as the end of the data, so callers can report the offset.
     */
    static int readUpTo(InputStream in, byte[] buf, int len) {
        int done = 0;
        try {
            while (done < len) {
                int r = in.read(buf, done, len - done);
                if (r < 0) {
                    break;
                }
                done += r;
            }
        } catch (EOFException | ZipException e) {
            // A gzip stream cut short ends with an EOFException: the same as a short file for us.
            return done;
        } catch (IOException e) {
            throw new InputException("read failed: " + e.getMessage(), e);
        }
        return done;
    }

    /** True when the stream has no more bytes; a corrupt gzip tail is reported as such. */
    static boolean atEnd(InputStream in, String name) {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            throw new InputException(name + ": corrupt data at the end of the file (" + e.getMessage() + ")", e);
        }
    }

    static int u32(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }
}
