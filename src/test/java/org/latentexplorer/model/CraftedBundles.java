package org.latentexplorer.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Bad bundles made on the fly from a good one: entries replaced, stored uncompressed so that a byte of
 * their content can be flipped in place, or the archive's central directory made to lie about a size.
 */
final class CraftedBundles {
    private CraftedBundles() {
    }

    /** Source for a replaced entry's content: written straight to the archive, so it can be large. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A copy of {@code good} with the entries in {@code replace} rewritten; those in {@code stored} not compressed. */
    static Path copy(Path good, Path out, Map<String, Content> replace, Set<String> stored) throws IOException {
        try (ZipFile z = new ZipFile(good.toFile()); ZipOutputStream zo = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : Collections.list(z.entries())) {
                Content c = replace.containsKey(e.getName()) ? replace.get(e.getName())
                        : o -> z.getInputStream(e).transferTo(o);
                ZipEntry ne = new ZipEntry(e.getName());
                if (stored.contains(e.getName())) {
                    var buf = new java.io.ByteArrayOutputStream();
                    c.writeTo(buf);
                    byte[] b = buf.toByteArray();
                    CRC32 crc = new CRC32();
                    crc.update(b);
                    ne.setMethod(ZipEntry.STORED);
                    ne.setSize(b.length);
                    ne.setCompressedSize(b.length);
                    ne.setCrc(crc.getValue());
                    zo.putNextEntry(ne);
                    zo.write(b);
                } else {
                    zo.putNextEntry(ne);
                    c.writeTo(zo);
                }
                zo.closeEntry();
            }
        }
        return out;
    }

    static Content text(String s) {
        return o -> o.write(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code n} zero bytes: deflate packs them about 1000 to 1. */
    static Content zeros(long n) {
        return o -> {
            byte[] buf = new byte[1 << 16];
            for (long left = n; left > 0; left -= buf.length) {
                o.write(buf, 0, (int) Math.min(buf.length, left));
            }
        };
    }

    static String entryText(Path bundle, String name) throws IOException {
        try (ZipFile z = new ZipFile(bundle.toFile())) {
            return new String(z.getInputStream(z.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Makes the central directory declare {@code size} inflated bytes for {@code name}. */
    static void lieAboutSize(Path bundle, String name, long size) throws IOException {
        byte[] all = Files.readAllBytes(bundle);
        int at = centralHeader(all, name);
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 24, (int) size);
        Files.write(bundle, all);
    }

    /** Flips one bit in the middle of a stored entry's bytes, leaving its recorded CRC as it was. */
    static void flipStoredByte(Path bundle, String name) throws IOException {
        byte[] all = Files.readAllBytes(bundle);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int cen = centralHeader(all, name);
        int size = b.getInt(cen + 20);
        int local = b.getInt(cen + 42);
        int data = local + 30 + (b.getShort(local + 26) & 0xffff) + (b.getShort(local + 28) & 0xffff);
        all[data + size / 2] ^= 0x10;
        Files.write(bundle, all);
    }

    private static int centralHeader(byte[] all, String name) {
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        byte[] want = name.getBytes(StandardCharsets.UTF_8);
        for (int i = all.length - 46; i >= 0; i--) {
            if (b.getInt(i) == 0x02014b50 && (b.getShort(i + 28) & 0xffff) == want.length
                    && java.util.Arrays.equals(all, i + 46, i + 46 + want.length, want, 0, want.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no central directory entry " + name);
    }
}
