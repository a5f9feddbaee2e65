package org.latentexplorer.ui.shell;

import java.nio.file.Path;
import java.util.Optional;

/** File choosers behind a seam, so that UI tests can answer them. */
public interface FileDialogs {
    Optional<Path> openModel();

    /** A data set file or folder. */
    Optional<Path> openDataset(boolean folder);

    Optional<Path> save(String title, String suggestedName, String extension);

    /**
     * Any file to read, offered first among files matching {@code patterns} (e.g. {@code *.onnx}) and
     * starting in {@code folder} when that exists (null: the platform's choice).
     */
    Optional<Path> openFile(String title, Path folder, String description, String... patterns);

    /** A file to write, the chooser starting in {@code folder} (when it exists) with {@code suggestedName}. */
    default Optional<Path> save(String title, Path folder, String suggestedName, String extension) {
        return save(title, suggestedName, extension);
    }
}
