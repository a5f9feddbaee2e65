package org.latentexplorer.ui.inpaint;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.SameDiffVaeac;
import org.latentexplorer.ui.services.CoreServices;
import org.latentexplorer.ui.services.ModelHandle;
import org.latentexplorer.ui.shell.ErrorReporter;
import org.latentexplorer.ui.tasks.TaskExecutor;

/**
 * The completion model a user picks for an open model that is not a VAEAC (issue 22): a VAEAC trained on
 * images of the same shape, found in the shipped and the user's models folders or chosen as a file. Its
 * handle is this class's to close: when it is replaced, when the open model's shape no longer fits, when
 * a VAEAC is opened (which brings its own), and when the window closes. Finding candidates reads each
 * bundle's config and opening one reads its weights; both run on a worker, never on the FX thread.
 */
public final class Companion {
    /** Bundles read per folder at most: a folder of thousands of files must not keep the list waiting. */
    static final int MAX_FILES = 500;

    /** One entry of the chooser: none, a VAEAC bundle, or the entry that asks for a file. */
    public record Choice(Path path, String text) {
        public static final Choice NONE = new Choice(null, "none");
        public static final Choice CHOOSE_FILE = new Choice(null, "Choose file…");

        static Choice of(Path path, ModelConfig config) {
            String data = config.datasetId().isEmpty() ? "" : " · " + config.datasetId();
            return new Choice(path.toAbsolutePath().normalize(), path.getFileName() + data);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final CoreServices services;
    private final TaskExecutor executor;
    private final ErrorReporter errors;
    /** Called on the FX thread when the user's pick took effect (a companion came or went). */
    private final Runnable onChange;
    private final ObservableList<Choice> choices = FXCollections.observableArrayList(Choice.NONE, Choice.CHOOSE_FILE);
    private final ReadOnlyObjectWrapper<Choice> chosen = new ReadOnlyObjectWrapper<>(Choice.NONE);
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private ModelHandle handle;
    private ImageShape shape;
    private String datasetId = "";
    /** Bumped by each scan and each pick: a result that arrives after a newer one is dropped (and closed). */
    private long scans;
    private long picks;
    private boolean disposed;
    /** Once the screen has asked for the list, each model opened is looked for again at once. */
    private boolean listed;

    Companion(CoreServices services, TaskExecutor executor, ErrorReporter errors, Runnable onChange) {
        this.services = services;
        this.executor = executor;
        this.errors = errors;
        this.onChange = onChange;
    }

    static boolean isVaeac(ModelConfig config) {
        return config != null && SameDiffVaeac.KIND.equals(config.kind());
    }

    /**
     * The open model changed ({@code config} null: none, or no images to paint). A companion whose
     * images still have the model's shape is kept; otherwise it is closed. A VAEAC needs none.
     * Does not call {@code onChange}: the caller offers the methods afterwards.
     */
    void modelOpened(ModelConfig config, boolean images) {
        picks++; // a companion still opening was asked for the last model
        opening.set(false);
        boolean usable = images && config != null && !isVaeac(config);
        available.set(usable);
        if (!usable) {
            note.set("");
            shape = null;
            drop();
            scans++;
            choices.setAll(Choice.NONE, Choice.CHOOSE_FILE);
            return;
        }
        shape = config.inputShape();
        datasetId = config.datasetId();
        if (handle != null && !handle.config().inputShape().equals(shape)) {
            note.set(handle.name() + " completes " + handle.config().inputShape() + " images, not " + shape
                    + ": no longer used");
            drop();
        }
        scans++; // the last model's candidates may be of another shape
        choices.setAll(chosen.get().path() == null ? List.of(Choice.NONE, Choice.CHOOSE_FILE)
                : List.of(Choice.NONE, chosen.get(), Choice.CHOOSE_FILE));
        if (listed) {
            refresh();
        }
    }

    /**
     * Looks (again) for VAEAC bundles of the open model's shape, same data set first, on a worker. The
     * View asks each time the list opens, so a VAEAC trained or copied meanwhile is there.
     */
    public void refresh() {
        listed = true;
        if (!available.get() || disposed) {
            return;
        }
        long id = ++scans;
        ImageShape want = shape;
        String data = datasetId;
        executor.submit("Finding completion models", false, (p, cancel) -> candidates(want, data, cancel), found -> {
            if (id != scans || disposed) {
                return;
            }
            List<Choice> all = new ArrayList<>();
            all.add(Choice.NONE);
            all.addAll(found);
            if (chosen.get().path() != null && !all.contains(chosen.get())) {
                all.add(chosen.get()); // a file chosen outside the folders stays in the list
            }
            all.add(Choice.CHOOSE_FILE);
            if (!all.equals(choices)) { // an open list re-lays itself out on a change
                choices.setAll(all);
            }
        }, t -> {
            // Listing is a convenience: "Choose file…" still works, and a folder we cannot read is no error.
        });
    }

    /** On a worker: the VAEAC bundles of {@code want}'s shape in the shipped and the user's models folders. */
    private List<Choice> candidates(ImageShape want, String data, CancelToken cancel) {
        Set<Path> folders = new LinkedHashSet<>();
        services.defaultModel().map(p -> p.toAbsolutePath().normalize().getParent()).ifPresent(folders::add);
        folders.add(services.modelsFolder().toAbsolutePath().normalize());
        record Found(boolean sameData, Choice choice) {
        }
        List<Found> found = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path folder : folders) {
            if (folder == null || !Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.lexb")) {
                int n = 0;
                for (Path f : files) {
                    cancel.check();
                    if (++n > MAX_FILES) {
                        break;
                    }
                    Path file = f.toAbsolutePath().normalize();
                    if (!Files.isRegularFile(file) || file.getFileName().toString().endsWith(".previous.lexb")
                            || !seen.add(file)) {
                        continue;
                    }
                    ModelConfig config;
                    try {
                        config = services.modelConfig(file);
                    } catch (CancellationException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        continue; // a damaged or foreign file is no candidate, and no reason to stop looking
                    }
                    if (isVaeac(config) && config.inputShape().equals(want)) {
                        found.add(new Found(config.datasetId().equals(data), Choice.of(file, config)));
                    }
                }
            } catch (IOException | java.nio.file.DirectoryIteratorException e) {
                // an unreadable folder offers nothing
            }
        }
        return found.stream().sorted(Comparator.comparing((Found f) -> !f.sameData()).thenComparing(f -> f.choice().text()))
                .map(Found::choice).toList();
    }

    /** The user chose an entry of {@link #choices()}: none drops the companion; "Choose file…" is the View's. */
    public void pick(Choice c) {
        if (c == null || c == Choice.CHOOSE_FILE || c.equals(chosen.get())) {
            return;
        }
        if (c.path() == null) {
            picks++;
            opening.set(false);
            boolean had = handle != null;
            drop();
            note.set("");
            if (had) {
                onChange.run();
            }
            return;
        }
        pick(c.path());
    }

    /**
     * Opens {@code file} on a worker and, when it is a VAEAC of the open model's shape, makes it the
     * companion (the old one is closed); otherwise one message names the file and the choice returns to
     * the companion in use (none when there was none).
     */
    public void pick(Path file) {
        if (!available.get() || disposed || file == null) {
            return;
        }
        Path path = file.toAbsolutePath().normalize();
        if (handle != null && handle.source() != null && path.equals(handle.source().toAbsolutePath().normalize())) {
            chosen.set(current());
            return;
        }
        long id = ++picks;
        ImageShape want = shape;
        opening.set(true);
        note.set("opening " + path.getFileName() + "…");
        executor.submit("Opening " + path.getFileName() + " to complete", true, (p, cancel) -> open(path, want, cancel),
                h -> {
                    if (id != picks || disposed) {
                        closeLater(h); // superseded while it opened
                        return;
                    }
                    opening.set(false);
                    ModelHandle old = handle;
                    handle = h;
                    closeLater(old);
                    Choice c = Choice.of(path, h.config());
                    if (!choices.contains(c)) {
                        choices.add(choices.size() - 1, c);
                    }
                    chosen.set(c);
                    note.set(inUse());
                    onChange.run();
                }, t -> {
                    if (id != picks) {
                        return;
                    }
                    opening.set(false);
                    chosen.set(current());
                    note.set(inUse());
                    if (ErrorReporter.isCancellation(t)) {
                        return;
                    }
                    note.set(ErrorReporter.describe(t));
                    errors.error("Cannot complete with this model", ErrorReporter.describe(t));
                });
    }

    /** On a worker: the bundle opened and checked; a refused one is closed before the message goes out. */
    private ModelHandle open(Path file, ImageShape want, CancelToken cancel) {
        ModelHandle h = services.openModel(file);
        try {
            cancel.check();
            ModelConfig c = h.config();
            if (!isVaeac(c)) {
                throw new InputException(file + ": a " + c.kind() + " model, not a VAEAC; only a VAEAC "
                        + "(latent-explorer train --model vaeac) can complete for another model");
            }
            if (!c.inputShape().equals(want)) {
                throw new InputException(file + ": a VAEAC of " + c.inputShape() + " images; the open model's "
                        + "are " + want);
            }
            return h;
        } catch (RuntimeException e) {
            h.close();
            throw e;
        }
    }

    /** Which model completes what: the companion only serves the vaeac method. */
    private String inUse() {
        return handle == null ? "" : "VAEAC completes with " + handle.name() + "; the other methods with the open model";
    }

    private Choice current() {
        return handle == null ? Choice.NONE : Choice.of(handle.source(), handle.config());
    }

    /** Forgets the companion and closes it on a worker (a completion may still hold its lock). */
    private void drop() {
        ModelHandle old = handle;
        handle = null;
        chosen.set(Choice.NONE);
        closeLater(old);
    }

    private void closeLater(ModelHandle h) {
        if (h != null) {
            executor.submit("Closing " + h.name(), false, (p, c) -> {
                h.close();
                return null;
            }, v -> { }, t -> { });
        }
    }

    /** The window closes: the companion is closed now (the executor may already be stopped). */
    void dispose() {
        disposed = true;
        picks++;
        scans++;
        if (handle != null) {
            handle.close();
            handle = null;
        }
    }

    /** The companion in use, or null. */
    public ModelHandle handle() {
        return handle;
    }

    /** None, the candidates (same data set first), a file chosen elsewhere, and "Choose file…" last. */
    public ObservableList<Choice> choices() {
        return choices;
    }

    public ReadOnlyObjectProperty<Choice> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** False when the open model is a VAEAC (it completes by itself) or there is nothing to paint on. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** Which model completes, what is opening, or why the last pick was refused. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** Where a "Choose file…" dialog starts: the user's models folder. */
    public Path folder() {
        return services.modelsFolder();
    }
}
