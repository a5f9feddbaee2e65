package org.latentexplorer.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.CRC32C;

/**
 * What a file was when this program last read or wrote it: size, modification time and a checksum of
 * its bytes. A writer that compares it with the file on disk just before replacing the file notices
 * that another program (a training run, a second window) wrote it in between, where size and time
 * alone can miss a rewrite within the file system's time resolution. CRC-32C, not a cryptographic
 * hash: it guards against accidents, not against an adversary, and costs a few milliseconds per model.
 *
 * @param size     length in bytes
 * @param modified last-modified time in nanoseconds since the epoch, as the file system reports it
 * @param crc32c   CRC-32C of the content
 */
public record FileFingerprint(long size, long modified, long crc32c) {

    /** The file's fingerprint, or {@code null} when there is no such file. */
    public static FileFingerprint of(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            CRC32C crc = new CRC32C();
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    crc.update(buf, 0, n);
                }
            }
            return new FileFingerprint(a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                    crc.getValue());
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
