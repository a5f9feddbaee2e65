package org.latentexplorer.ui.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.ui.services.CoreServices;
import org.latentexplorer.ui.services.ModelHandle;
import org.latentexplorer.ui.shell.ErrorReporter;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.shell.Settings;
import org.latentexplorer.ui.shell.SettingsStore;
import org.latentexplorer.ui.shell.Workspace;
import org.latentexplorer.ui.tasks.TaskExecutor;
import org.latentexplorer.ui.tasks.Work;

/**
 * Opens models and data sets into the session. Every command reads and encodes in the background and
 * swaps the workspace only when all of it worked: a bad file leaves the current model open.
 */
public final class LibraryViewModel {
    /** Rows encoded per call, so that progress moves and cancel is seen. */
    private static final int ENCODE_BATCH = 1000;

    private final CoreServices services;
    private final TaskExecutor executor;
    private final Session session;
    private final ErrorReporter errors;
    private final SettingsStore store;
    private Settings settings;
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ObjectProperty<Dataset> pendingImport = new SimpleObjectProperty<>();

    public LibraryViewModel(CoreServices services, TaskExecutor executor, Session session, ErrorReporter errors,
                            SettingsStore store) {
        this.services = services;
        this.executor = executor;
        this.session = session;
        this.errors = errors;
        this.store = store;
        this.settings = store.load();
        recent.setAll(settings.recentModels());
    }

    public Settings settings() {
        return settings;
    }

    public void updateSettings(Settings s) {
        settings = s;
        store.save(s);
    }

    public ObservableList<String> recentModels() {
        return recent;
    }

    /** A data set read by {@link #readDataset} and shown for confirmation before it replaces the current one. */
    public ObjectProperty<Dataset> pendingImportProperty() {
        return pendingImport;
    }

    /** Opens the last model of the previous run, else the shipped default. */
    public void openInitial() {
        Optional<Path> start = initialModel(settings, services);
        if (start.isEmpty()) {
            session.statusProperty().set("No model yet: open a model bundle or train one.");
            return;
        }
        openModel(start.get());
    }

    /** The model the window opens on: the last of the previous run when it is still there, else the shipped default. */
    public static Optional<Path> initialModel(org.latentexplorer.ui.shell.Settings settings, CoreServices services) {
        Optional<Path> last = Optional.ofNullable(settings.lastModel()).map(Path::of).filter(Files::isRegularFile);
        return last.or(services::defaultModel);
    }

    /** Opens a bundle and the data set it was trained on (the current one when that fits and its own is unknown). */
    public void openModel(Path path) {
        Workspace current = session.workspace();
        executor.submit("Opening " + path.getFileName(), true, (progress, cancel) -> {
            ModelHandle model = services.openModel(path);
            org.latentexplorer.common.StartupClock.mark("model read");
            try {
                Dataset data = datasetFor(model, current, progress);
                org.latentexplorer.common.StartupClock.mark("data read");
                float[][] codes = codes(model, data, progress, cancel);
                org.latentexplorer.common.StartupClock.mark("codes encoded");
                return new Workspace(model, data, codes);
            } catch (Throwable t) {
                model.close();
                throw t;
            }
        }, this::adopt, t -> fail("Could not open model", t));
    }

    /** Adopts a model that is already open (a model just trained): finds its data and encodes it. */
    public void openHandle(ModelHandle model) {
        Workspace current = session.workspace();
        executor.submit("Encoding data for " + model.name(), true, (progress, cancel) -> {
            Dataset data = datasetFor(model, current, progress);
            return new Workspace(model, data, encode(model, data, progress, cancel));
        }, this::adopt, t -> {
            model.close();
            fail("Could not open the trained model", t);
        });
    }

    /** A fresh "Import model" form whose saved model opens here, as {@link #openModel} opens a bundle. */
    public ImportViewModel newImport() {
        return new ImportViewModel(services, executor, services.modelsFolder(), this::openModel);
    }

    /** Reads a data set (a name, a file or a folder) and offers it in {@link #pendingImportProperty()}. */
    public void readDataset(String nameOrPath) {
        executor.submit("Reading " + nameOrPath, true, (progress, cancel) -> {
            Dataset data = services.loadDataset(nameOrPath, services.defaultSplit());
            if (data.size() == 0) {
                throw new InputException(nameOrPath + ": no images found");
            }
            return data;
        }, pendingImport::set, t -> fail("Could not import data set", t));
    }

    /** Encodes the pending data set with the open model and shows it. */
    public void confirmImport() {
        Dataset data = pendingImport.get();
        pendingImport.set(null);
        Workspace current = session.workspace();
        if (data == null) {
            return;
        }
        if (current == null) {
            fail("Could not import data set", new InputException(data.id() + ": open a model first; the map shows a data set through a model"));
            return;
        }
        executor.submit("Encoding " + data.id(), true, (progress, cancel) -> {
            checkFits(current.model(), data);
            return new Workspace(current.model(), data, encode(current.model(), data, progress, cancel));
        }, this::adopt, t -> fail("Could not import data set", t));
    }

    public void discardImport() {
        pendingImport.set(null);
    }

    private Dataset datasetFor(ModelHandle model, Workspace current, Work.Progress progress) {
        if (current != null && fits(model, current.dataset())
                && (model.config().datasetId().isEmpty() || model.config().datasetId().equals(current.dataset().id()))) {
            return current.dataset();
        }
        String id = model.config().datasetId();
        if (id.isEmpty()) {
            throw new InputException(model.name() + ": the model does not say which data set it was trained on; "
                    + "import a data set of " + model.config().inputShape() + " images");
        }
        progress.update(-1, "reading " + id);
        Dataset data = services.loadDataset(id, services.defaultSplit());
        checkFits(model, data);
        return data;
    }

    private static boolean fits(ModelHandle model, Dataset data) {
        return data != null && data.shape().size() == model.config().inputShape().size();
    }

    static void checkFits(ModelHandle model, Dataset data) {
        ImageShape want = model.config().inputShape();
        if (data.shape().size() != want.size()) {
            throw new InputException(data.id() + ": its images are " + data.shape() + " but the model "
                    + model.name() + " expects " + want);
        }
    }

    /** The codes kept from an earlier run of this model on this data, else encoded now (and kept). */
    private float[][] codes(ModelHandle model, Dataset data, Work.Progress progress, CancelToken cancel) {
        Optional<float[][]> kept = services.storedCodes(model, data);
        if (kept.isPresent()) {
            return kept.get();
        }
        float[][] codes = encode(model, data, progress, cancel);
        services.storeCodes(model, data, codes);
        return codes;
    }

    private static float[][] encode(ModelHandle model, Dataset data, Work.Progress progress, CancelToken cancel) {
        int n = data.size();
        float[][] codes = new float[n][];
        for (int from = 0; from < n; from += ENCODE_BATCH) {
            cancel.check();
            int to = Math.min(n, from + ENCODE_BATCH);
            float[][] x = data.rows(from, to);
            float[][] z = model.encodeMeans(x);
            System.arraycopy(z, 0, codes, from, z.length);
            progress.update(to / (double) n, "encoded " + to + " of " + n);
        }
        return codes;
    }

    private void adopt(Workspace next) {
        Workspace old = session.workspace();
        session.select();
        session.workspaceProperty().set(next);
        if (old != null && old.model() != next.model()) {
            old.model().close();
        }
        if (next.model().source() != null) {
            updateSettings(settings.withOpened(next.model().source().toAbsolutePath().toString()));
            recent.setAll(settings.recentModels());
        }
        session.statusProperty().set(next.model().name() + " on " + next.dataset());
    }

    private void fail(String title, Throwable t) {
        if (ErrorReporter.isCancellation(t)) {
            session.statusProperty().set(title.replace("Could not", "Cancelled:"));
            return;
        }
        errors.error(title, ErrorReporter.describe(t));
    }

    /**
     * The headline figures of the evaluation stored with the bundle (the Model screen's or
     * {@code eval --save}'s): the IW log-likelihood and the active units (Burda et al. 2016).
     */
    public static String storedFigures(Workspace w) {
        if (!(w.model().evaluation().get("test") instanceof Object stored)) {
            return "";
        }
        try {
            var e = stored instanceof org.latentexplorer.eval.Evaluation ev ? ev
                    : org.latentexplorer.common.Json.MAPPER.convertValue(stored, org.latentexplorer.eval.Evaluation.class);
            String ll = e.iwLogLikelihood() == null ? ""
                    : String.format(java.util.Locale.ROOT, "\nlog p(x) ≈ %.1f nats (K = %d)", e.iwLogLikelihood(), e.iwSamples());
            String au = e.latent() == null ? "" : "\nactive units " + e.latent().active() + " of " + e.latent().kl().length;
            return ll + au;
        } catch (IllegalArgumentException ex) {
            return ""; // an evaluation this version cannot read: the Model screen says so
        }
    }
}
