package org.latentexplorer.common;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks, before any work starts, that an output file can be written, so an hour of training or a
 * long inpainting run does not end in "cannot write". Missing folders are created (the write would
 * create them anyway) and a probe file is created and deleted there.
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * @param out    the file to be written
     * @param option how the user named it, e.g. {@code --out}, for the message
     * @throws InputException naming the file and why it cannot be written
     */
    public static void checkWritable(Path out, String option) {
        Path abs = out.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new InputException(option + " " + out + " is a folder; give a file name inside it");
        }
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            throw new InputException(option + " " + out + " exists and is not writable");
        }
        Path dir = abs.getParent();
        // Permission bits do not tell everything (read-only mounts, /proc, quotas): create a file there.
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, "." + abs.getFileName(), ".probe"));
        } catch (IOException | SecurityException e) {
            String why = e instanceof NoSuchFileException || e instanceof FileAlreadyExistsException
                    ? "cannot create " + e.getMessage() : e instanceof AccessDeniedException
                    ? "permission denied" : e.getMessage();
            throw new InputException(option + " " + out + ": cannot write in " + dir + " (" + why + ")");
        }
    }
}
