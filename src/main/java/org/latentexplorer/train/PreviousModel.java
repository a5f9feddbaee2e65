package org.latentexplorer.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.InputException;

/**
 * Training writes a checkpoint over its output after every epoch; when that output already holds a
 * model, a copy of it is kept first, so a run that goes wrong (or was simply the wrong command) never
 * costs the user the model they had.
 */
public final class PreviousModel {
    private PreviousModel() {
    }

    /** Where the previous model of {@code out} is kept: {@code NAME.previous.lexb} beside it. */
    public static Path backupOf(Path out) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        return out.resolveSibling(stem + ".previous" + ext);
    }

    /**
     * Copies an existing {@code out} to {@link #backupOf(Path)} (atomically, replacing an older backup).
     *
     * @return the backup, or empty when {@code out} did not exist
     * @throws InputException if the copy cannot be written (before any training starts)
     */
    public static Optional<Path> keep(Path out) {
        return keep(out, "nothing was trained");
    }

    /** {@link #keep(Path)}, its message ending with {@code consequence} (what did not happen). */
    public static Optional<Path> keep(Path out, String consequence) {
        if (!Files.isRegularFile(out)) {
            return Optional.empty();
        }
        Path backup = backupOf(out);
        try {
            AtomicFiles.write(backup, stream -> Files.copy(out, stream));
        } catch (IOException e) {
            throw new InputException(out + " already holds a model and a copy of it could not be kept at " + backup
                    + " (" + e.getMessage() + "); " + consequence, e);
        }
        return Optional.of(backup);
    }
}
