package org.latentexplorer.ui.fakes;

import java.nio.file.Path;
import java.util.Optional;
import org.latentexplorer.ui.shell.FileDialogs;

/** File choosers that answer what the test set. */
public final class FakeFileDialogs implements FileDialogs {
    public volatile Path model;
    public volatile Path dataset;
    public volatile Path save;
    /** Answers to {@link #openFile}, in the order they are asked; empty: the user cancelled. */
    public final java.util.Queue<Path> files = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** The titles {@link #openFile} was asked with. */
    public final java.util.List<String> fileTitles = new java.util.concurrent.CopyOnWriteArrayList<>();

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

    @Override
    public Optional<Path> openFile(String title, Path folder, String description, String... patterns) {
        fileTitles.add(title);
        return Optional.ofNullable(files.poll());
    }
}
