package org.latentexplorer.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a reader never sees half a file and a failed write leaves the old file as it
 * was: the content goes to a temporary file in the same folder, which is then renamed over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes the whole content of a file to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** A last check on the finished temporary file, just before it replaces the target. */
    @FunctionalInterface
    public interface BeforeReplace {
        void check(Path tmp) throws IOException;
    }

    public static void write(Path target, Writer writer) throws IOException {
        write(target, writer, tmp -> { });
    }

    /**
     * As {@link #write(Path, Writer)}, calling {@code beforeReplace} once the content is complete and
     * just before the rename; when it throws, the target is left as it was.
     */
    public static void write(Path target, Writer writer, BeforeReplace beforeReplace) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its 0600 mode would make every saved file private to the user;
        // a plain CREATE_NEW follows the umask like any other file the user writes.
        Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime())
                + Long.toHexString(Thread.currentThread().threadId()) + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writer.write(out);
            }
            beforeReplace.check(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, out -> out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
