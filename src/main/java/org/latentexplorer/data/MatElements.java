package org.latentexplorer.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.latentexplorer.common.InputException;

/**
 * Checks every size a MATLAB v5 file declares, down through nested matrices, cells and structs, before
 * MFL reads it: MFL reserves a buffer of a declared size before reading it (a 216-byte file found by
 * the fuzzer asked for 1.3 GB). Each element must fit in the element around it (the file at the top);
 * a compressed element's content may be at most 1032 times its compressed size (deflate's largest
 * ratio) and must fit in the heap. The walk reads the file once, inflating compressed elements as a
 * stream, and keeps nothing. Layout: MathWorks, "MAT-File Format", R2022b, ch. 1 (128-byte header,
 * 8-byte tags, small data elements, miMATRIX = 14, miCOMPRESSED = 15, elements padded to 8 bytes).
 */
final class MatElements {
    private static final int HEADER = 128;
    private static final int MI_MATRIX = 14;
    private static final int MI_COMPRESSED = 15;
    private static final int MAX_DEPTH = 16;

    private final Path file;
    private final ByteOrder order;

    private MatElements(Path file, ByteOrder order) {
        this.file = file;
        this.order = order;
    }

    static void check(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            long size = Files.size(file);
            byte[] header = in.readNBytes(HEADER);
            if (header.length < HEADER) {
                throw new InputException(file + ": truncated .mat file (a header of " + header.length + " bytes)");
            }
            // The endian indicator: 'I','M' as stored by a little-endian writer, 'M','I' by a big-endian one.
            ByteOrder order = header[126] == 'I' && header[127] == 'M' ? ByteOrder.LITTLE_ENDIAN
                    : header[126] == 'M' && header[127] == 'I' ? ByteOrder.BIG_ENDIAN : null;
            if (order == null) {
                throw new InputException(file + ": corrupt .mat file (no endian indicator at byte 126)");
            }
            new MatElements(file, order).elements(in, size - HEADER, 0, true);
        } catch (ZipException e) {
            throw new InputException(file + ": corrupt .mat file (compressed data: " + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new InputException(file + ": truncated .mat file (a compressed element ends early)", e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Walks the elements in the next {@code length} bytes of {@code in}. */
    private void elements(InputStream in, long length, int depth, boolean top) throws IOException {
        long left = length;
        while (left > 0) {
            if (left < 8) {
                skip(in, left); // padding
                return;
            }
            ByteBuffer tag = ByteBuffer.wrap(readFully(in, 8)).order(order);
            left -= 8;
            int word = tag.getInt(0);
            if ((word >>> 16) != 0) {
                continue; // a small data element: up to 4 bytes of data inside the tag
            }
            long bytes = Integer.toUnsignedLong(tag.getInt(4));
            if (bytes > left) {
                throw new InputException(file + ": corrupt .mat file (an element declares " + bytes + " bytes where "
                        + left + " remain" + (top ? " in the file" : " in the element around it") + ")");
            }
            if (word == MI_COMPRESSED && top) {
                compressed(in, bytes);
                left -= bytes;
                continue;
            }
            long padded = top && word == MI_COMPRESSED ? bytes : Math.min(left, (bytes + 7) / 8 * 8);
            if (word == MI_MATRIX && depth < MAX_DEPTH) {
                elements(in, bytes, depth + 1, false);
                skip(in, padded - bytes);
            } else {
                skip(in, padded);
            }
            left -= padded;
        }
    }

    /** A compressed top-level element: one element inside a zlib stream of {@code bytes} bytes. */
    private void compressed(InputStream in, long bytes) throws IOException {
        InputStream slice = new BoundedStream(in, bytes);
        InputStream inflated = new InflaterInputStream(slice);
        long bound = bytes * DataStreams.DEFLATE_MAX_RATIO;
        ByteBuffer tag = ByteBuffer.wrap(readFully(inflated, 8)).order(order);
        long content = Integer.toUnsignedLong(tag.getInt(4));
        if (content + 8 > bound) {
            throw new InputException(file + ": corrupt .mat file (a compressed element of " + bytes
                    + " bytes declares " + content + " bytes of content, more than deflate can hold)");
        }
        HeapBudget.require(file.toString(), content, "a variable of " + content + " bytes");
        if (tag.getInt(0) == MI_MATRIX) {
            elements(inflated, content, 1, false);
        }
        skip(slice, Long.MAX_VALUE); // the rest of the compressed bytes, whatever the inflater left
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException();
        }
        return b;
    }

    private static void skip(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    if (n == Long.MAX_VALUE) {
                        return;
                    }
                    throw new EOFException();
                }
                s = 1;
            }
            left -= s;
        }
    }

    /** At most {@code limit} bytes of the stream under it, never closing it. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            left -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int r = in.read(buf, off, (int) Math.min(len, left));
            left -= Math.max(r, 0);
            return r;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(Math.min(n, left));
            left -= s;
            return s;
        }
    }
}
