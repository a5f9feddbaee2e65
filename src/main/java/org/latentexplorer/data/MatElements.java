package org.latentexplorer.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.latentexplorer.common.InputException;

/**
 * Checks the sizes a MATLAB v5 file declares for its top-level data elements before MFL reads it: MFL
 * reserves a buffer of the declared size first (a 216-byte file found by the fuzzer asked for 1.3 GB).
 * Each element must fit in the bytes that follow it; a compressed element's inflated size, read from
 * the tag at the start of its zlib stream, may be at most 1032 times its compressed size (deflate's
 * largest ratio) and must fit in the heap. Layout: MathWorks, "MAT-File Format", R2022b, ch. 1
 * (128-byte header, 8-byte tags, small data elements, miCOMPRESSED = 15).
 */
final class MatElements {
    private static final int HEADER = 128;
    private static final int MI_COMPRESSED = 15;
    private static final long DEFLATE_MAX_RATIO = 1032;

    private MatElements() {
    }

    static void check(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer header = read(ch, 0, HEADER, file);
            // The endian indicator: 'I','M' as stored by a little-endian writer, 'M','I' by a big-endian one.
            ByteOrder order = header.get(126) == 'I' && header.get(127) == 'M' ? ByteOrder.LITTLE_ENDIAN
                    : header.get(126) == 'M' && header.get(127) == 'I' ? ByteOrder.BIG_ENDIAN : null;
            if (order == null) {
                throw new InputException(file + ": corrupt .mat file (no endian indicator at byte 126)");
            }
            long at = HEADER;
            while (at < size) {
                if (size - at < 8) {
                    throw new InputException(file + ": truncated .mat file (" + (size - at) + " stray bytes at the end)");
                }
                ByteBuffer tag = read(ch, at, 8, file).order(order);
                int word = tag.getInt(0);
                if ((word >>> 16) != 0) {
                    at += 8; // a small data element: tag and up to 4 bytes of data in 8 bytes
                    continue;
                }
                long bytes = Integer.toUnsignedLong(tag.getInt(4));
                if (bytes > size - at - 8) {
                    throw new InputException(file + ": truncated .mat file (an element at byte " + at + " declares "
                            + bytes + " bytes, " + (size - at - 8) + " follow)");
                }
                if (word == MI_COMPRESSED) {
                    checkCompressed(ch, at + 8, bytes, order, file);
                    at += 8 + bytes;
                } else {
                    at += 8 + (bytes + 7) / 8 * 8;
                }
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static void checkCompressed(FileChannel ch, long at, long bytes, ByteOrder order, Path file)
            throws IOException {
        ByteBuffer head = read(ch, at, (int) Math.min(bytes, 4096), file);
        Inflater inflater = new Inflater();
        byte[] tag = new byte[8];
        try {
            inflater.setInput(head);
            int got = 0;
            while (got < 8 && !inflater.finished() && !inflater.needsInput()) {
                got += inflater.inflate(tag, got, 8 - got);
            }
            if (got < 8) {
                throw new InputException(file + ": corrupt .mat file (the compressed element at byte " + (at - 8)
                        + " holds no element tag)");
            }
        } catch (DataFormatException e) {
            throw new InputException(file + ": corrupt .mat file (compressed data at byte " + at + ": "
                    + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
        long inflated = 8 + Integer.toUnsignedLong(ByteBuffer.wrap(tag).order(order).getInt(4));
        if (inflated > bytes * DEFLATE_MAX_RATIO) {
            throw new InputException(file + ": corrupt .mat file (a compressed element of " + bytes
                    + " bytes declares " + inflated + " bytes of content, more than deflate can hold)");
        }
        HeapBudget.require(file.toString(), inflated, "a variable of " + inflated + " bytes");
    }

    private static ByteBuffer read(FileChannel ch, long at, int length, Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, at + buf.position()) < 0) {
                throw new InputException(file + ": truncated .mat file (ends at byte " + (at + buf.position()) + ")");
            }
        }
        return buf.flip();
    }
}
