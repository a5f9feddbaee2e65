package org.latentexplorer.ui.library;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentexplorer.ui.library.ImportForm.Field;
import org.latentexplorer.ui.services.CoreServices;
import org.latentexplorer.ui.services.ImportPreview;
import org.latentexplorer.ui.services.ImportRequest;
import org.latentexplorer.ui.shell.ErrorReporter;
import org.latentexplorer.ui.tasks.TaskExecutor;
import org.latentexplorer.ui.tasks.TaskHandle;
import org.latentexplorer.ui.tasks.Work;

/**
 * "Import model": the form of {@code latent-explorer import-model} ({@link ImportForm}, checked as the
 * user types) and two commands. Preview reads and wires the pair and runs it on a few test images of
 * its data set in the background, through the services; Save and open writes the previewed model and
 * opens it as Library's Open does. Save is offered only for a preview of the fields as they stand, so
 * what is saved is what the user saw.
 */
public final class ImportViewModel {
    private final CoreServices services;
    private final TaskExecutor executor;
    private final Consumer<Path> open;
    private final ImportForm form;
    private final ReadOnlyObjectWrapper<ImportPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper previewCurrent = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> saved = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canPreview;
    private final BooleanBinding canSave;
    /** The fields (all but where to save) as they were when the shown preview was asked for. */
    private Map<Field, String> previewed;
    private TaskHandle task;
    private boolean disposed;

    /**
     * @param modelsFolder where the model is saved unless the user says otherwise
     * @param open         opens a saved bundle as the current model (Library's Open)
     */
    public ImportViewModel(CoreServices services, TaskExecutor executor, Path modelsFolder, Consumer<Path> open) {
        this.services = services;
        this.executor = executor;
        this.open = open;
        this.form = new ImportForm(services, modelsFolder);
        form.revisionProperty().addListener((o, a, b) -> updateCurrent());
        canPreview = form.validProperty().and(running.getReadOnlyProperty().not());
        canSave = Bindings.createBooleanBinding(() -> preview.get() != null && previewCurrent.get()
                && form.validProperty().get() && !running.get(), preview, previewCurrent, form.validProperty(), running);
    }

    /** The fields, their messages and whether all are right. */
    public ImportForm form() {
        return form;
    }

    /** The last successful preview (null before one, and after saving). */
    public ReadOnlyObjectProperty<ImportPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Whether the shown preview is of the fields as they stand (only the output file may differ). */
    public ReadOnlyBooleanProperty previewCurrentProperty() {
        return previewCurrent.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The running step's progress in [0, 1], or negative when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the running step does, or how the last one ended. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the last preview or save failed (the core's message, naming the file), or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Where the model was saved, once it was (the dialog closes then). */
    public ReadOnlyObjectProperty<Path> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public BooleanBinding canPreviewProperty() {
        return canPreview;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /**
     * Runs the pair on the first test images of its data set in the background; the images and their
     * reconstructions appear in {@link #previewProperty()}, a failure's message in {@link #problemProperty()}.
     */
    public void preview() {
        if (running.get() || disposed) {
            return;
        }
        ImportRequest request = form.request();
        if (request == null) {
            return;
        }
        Map<Field, String> asked = form.fields();
        discardPreview();
        start("Previewing " + request.pair().encoder().getFileName());
        task = executor.submit("Importing " + request.pair().encoder().getFileName(), true,
                (p, cancel) -> services.previewImport(request, forward(p), cancel),
                result -> {
                    finish();
                    if (disposed) {
                        result.model().close();
                        return;
                    }
                    previewed = asked;
                    preview.set(result);
                    message.set(result.summary());
                    updateCurrent();
                }, this::failed);
    }

    /** Writes the previewed model to the output file, then opens it as the current model. */
    public void save() {
        if (!canSave.get() || disposed) {
            return;
        }
        ImportPreview shown = preview.get();
        Path out = Path.of(form.text(Field.OUT));
        start("Saving " + out.getFileName());
        task = executor.submit("Saving " + out.getFileName(), true, (p, cancel) -> {
            services.saveImport(shown, out);
            return out;
        }, file -> {
            finish();
            discardPreview();
            message.set("Saved " + file);
            saved.set(file);
            open.accept(file);
        }, this::failed);
    }

    /** Stops a running preview (a download of the test images stops at once, the graphs' run at its end). */
    public void cancel() {
        if (task != null && running.get()) {
            task.cancel();
            message.set("cancelling…");
        }
    }

    /** The dialog closed: stops what runs and closes a preview's model that was not saved. */
    public void dispose() {
        disposed = true;
        cancel();
        discardPreview();
    }

    private Work.Progress forward(Work.Progress status) {
        return (f, m) -> {
            status.update(f, m);
            executor.runOnUi(() -> {
                if (running.get()) {
                    progress.set(f);
                    if (m != null) {
                        message.set(m);
                    }
                }
            });
        };
    }

    private void start(String what) {
        problem.set("");
        progress.set(-1);
        message.set(what + "…");
        running.set(true);
    }

    private void finish() {
        running.set(false);
        task = null;
    }

    private void failed(Throwable t) {
        finish();
        if (ErrorReporter.isCancellation(t)) {
            message.set("Cancelled.");
            return;
        }
        message.set("");
        problem.set(ErrorReporter.describe(t));
    }

    private void updateCurrent() {
        previewCurrent.set(preview.get() != null && form.fields().equals(previewed));
    }

    private void discardPreview() {
        ImportPreview p = preview.get();
        previewed = null;
        preview.set(null);
        previewCurrent.set(false);
        if (p != null) {
            p.model().close();
        }
    }
}
