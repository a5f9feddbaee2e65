package org.latentexplorer.ui.fakes;

import java.nio.file.Path;
import java.util.Optional;
import org.latentexplorer.ui.shell.FileDialogs;

/** File choosers that answer what the test set. */
public final class FakeFileDialogs implements FileDialogs {
    public volatile Path model;
    public volatile Path dataset;
    public volatile Path save;

    @Override
    public Optional<Path> openModel() {
        return Optional.ofNullable(model);
    }

    @Override
    public Optional<Path> openDataset(boolean folder) {
        return Optional.ofNullable(dataset);
    }

    @Override
    public Optional<Path> save(String title, String suggestedName, String extension) {
        return Optional.ofNullable(save);
    }
}
