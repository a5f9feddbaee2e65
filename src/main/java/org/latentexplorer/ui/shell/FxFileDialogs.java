package org.latentexplorer.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The platform's file choosers. */
public final class FxFileDialogs implements FileDialogs {
    private final Supplier<Window> owner;

    public FxFileDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> openModel() {
        FileChooser c = new FileChooser();
        c.setTitle("Open model bundle");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Model bundles (*.lexb)", "*.lexb"),
                new FileChooser.ExtensionFilter("All files", "*"));
        // The user's own models first (where the window saves them); else the shipped ones.
        File mine = org.latentexplorer.ui.services.ModelsFolder.userDefault().toFile();
        File shipped = org.latentexplorer.Main.home().resolve("models").toFile();
        File start = mine.isDirectory() ? mine : shipped;
        if (start.isDirectory()) {
            c.setInitialDirectory(start.getAbsoluteFile());
        }
        return Optional.ofNullable(c.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> openDataset(boolean folder) {
        if (folder) {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Import a folder of images");
            return Optional.ofNullable(c.showDialog(owner.get())).map(File::toPath);
        }
        FileChooser c = new FileChooser();
        c.setTitle("Import a data set file");
        return Optional.ofNullable(c.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> save(String title, String suggestedName, String extension) {
        return save(title, null, suggestedName, extension);
    }

    @Override
    public Optional<Path> save(String title, Path folder, String suggestedName, String extension) {
        FileChooser c = new FileChooser();
        if (folder != null && folder.toFile().isDirectory()) {
            c.setInitialDirectory(folder.toFile());
        }
        c.setTitle(title);
        c.setInitialFileName(suggestedName);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase() + " (*." + extension + ")",
                "*." + extension));
        return Optional.ofNullable(c.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> openFile(String title, Path folder, String description, String... patterns) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        if (patterns.length > 0) {
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        }
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        if (folder != null && folder.toFile().isDirectory()) {
            c.setInitialDirectory(folder.toAbsolutePath().toFile());
        }
        return Optional.ofNullable(c.showOpenDialog(owner.get())).map(File::toPath);
    }
}
