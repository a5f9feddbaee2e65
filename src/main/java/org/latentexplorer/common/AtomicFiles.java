package org.latentexplorer.common;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes files so that a reader never sees half a file and a failed write, a crash or a power cut
 * leaves the old file as it was: the content goes to a temporary file in the same folder, is flushed
 * to the disk, and is then renamed over the target; the folder is flushed too, so the rename survives.
 *
 * <ul>
 *   <li>A target that is a symbolic link keeps the link: the file it points to is replaced.</li>
 *   <li>An existing target keeps its permissions; a new one follows the umask like any file the user
 *       writes (not {@code Files.createTempFile}'s private 0600).</li>
 *   <li>Temporary files left by a writer that was killed ({@code .NAME.*.tmp} older than an hour)
 *       are removed the next time NAME is written.</li>
 * </ul>
 */
public final class AtomicFiles {
    private static final Duration STALE = Duration.ofHours(1);

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
        Path abs = resolveLinks(target.toAbsolutePath());
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        String name = abs.getFileName().toString();
        sweepStale(dir, name);
        Path tmp = dir.resolve("." + name + "." + Long.toHexString(System.nanoTime())
                + Long.toHexString(Thread.currentThread().threadId()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                // Writers may close their stream (a ZipOutputStream does): that must not close the channel
                // before it is forced to the disk.
                OutputStream out = new FilterOutputStream(Channels.newOutputStream(channel)) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        this.out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
                writer.write(out);
                out.flush();
                channel.force(true);
            }
            keepPermissions(abs, tmp);
            beforeReplace.check(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            syncFolder(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** The file a chain of symbolic links ends at (a dangling link: the path it names). */
    private static Path resolveLinks(Path path) throws IOException {
        Path p = path;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops > 40) {
                throw new IOException(path + ": too many levels of symbolic links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        return p;
    }

    private static void keepPermissions(Path target, Path tmp) {
        try {
            if (Files.exists(target) && target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // The content matters more than the mode: write it with the default mode.
        }
    }

    /** Makes the rename durable; folders cannot be opened for that on every system (Windows), so best effort. */
    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Nothing more can be done here; the file itself was flushed.
        }
    }

    private static void sweepStale(Path dir, String name) {
        FileTime limit = FileTime.from(Instant.now().minus(STALE));
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, "." + glob(name) + ".*.tmp")) {
            for (Path p : stale) {
                if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).compareTo(limit) < 0) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // Sweeping is housekeeping: never fail a save over it.
        }
    }

    private static String glob(String name) {
        return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }

    /** Writes {@code img} as a PNG, atomically (see {@link #write}). */
    public static void writePng(java.awt.image.BufferedImage img, Path file) throws IOException {
        write(file, out -> {
            if (!javax.imageio.ImageIO.write(img, "png", out)) {
                throw new IOException("this Java runtime has no PNG writer for a type " + img.getType() + " image");
            }
        });
    }
}
