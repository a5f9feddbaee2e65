package org.latentexplorer.ui.inpaint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.inpaint.Completion;
import org.latentexplorer.inpaint.InpaintOptions;
import org.latentexplorer.inpaint.Inpainter;
import org.latentexplorer.inpaint.Inpainting;
import org.latentexplorer.inpaint.Mask;
import org.latentexplorer.inpaint.MethodSpec;
import org.latentexplorer.ui.services.CoreServices;
import org.latentexplorer.ui.services.ModelHandle;
import org.latentexplorer.ui.shell.ErrorReporter;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.shell.Workspace;
import org.latentexplorer.ui.tasks.LatestWins;
import org.latentexplorer.ui.tasks.TaskExecutor;

/**
 * The inpainting editor: an image (a data-set example or a blank canvas), a mask painted over it with
 * a brush, undo/redo, and a completion that follows the mask. Each edit restarts a short debounce;
 * when it fires, the running completion is cancelled and a new one is coalesced behind it
 * ({@link LatestWins}), so painting never queues work and the FX thread never waits.
 */
public final class InpaintViewModel {
    /** What the brush does. */
    public enum Tool { BRUSH, ERASER }

    /**
     * What the brush paints: hide pixels (the mask), or draw ink that is then observed (for the blank
     * canvas). The eraser undoes its layer: un-hides, or draws white observed paper.
     */
    public enum Layer {
        MISSING("hide (missing)"), INK("ink (observed)");

        private final String text;

        Layer(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static final int UNDO_LIMIT = 100;
    static final long SEED = 42;

    private final CoreServices services;
    /** Bounds of the numeric settings; the View's fields take these and nothing else. */
    public static final int MIN_ITERATIONS = 1;
    public static final int MAX_ITERATIONS = 100_000;
    public static final int MIN_BRUSH = 1;
    public static final int MAX_BRUSH = 9;
    public static final int MIN_PERCENT = 1;
    public static final int MAX_PERCENT = 100;

    private final TaskExecutor executor;
    private final Session session;
    private final ErrorReporter errors;
    private final Debouncer debouncer;
    private final LatestWins<Request, Done> completer;
    /** The VAEAC that completes for a model that is not one, when the user picked one. */
    private final Companion companion;
    private final ObservableList<String> methods;
    private final StringProperty method = new SimpleStringProperty();
    private final IntegerProperty iterations = new SimpleIntegerProperty(200);
    private final IntegerProperty brushSize = new SimpleIntegerProperty(3);
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.BRUSH);
    private final ObjectProperty<Layer> layer = new SimpleObjectProperty<>(Layer.MISSING);
    private final IntegerProperty index = new SimpleIntegerProperty(0);
    private final IntegerProperty randomPercent = new SimpleIntegerProperty(50);
    /** Bumped on every change of image or mask: the View redraws the canvas. */
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private final ReadOnlyObjectWrapper<Completion> result = new ReadOnlyObjectWrapper<>();
    /** The shown completion with its image, mask and figures: what the uncertainty panel and exports use. */
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>();
    /** False for the methods that ignore the Iterations field (iw, K-NN, vaeac). */
    private final ReadOnlyBooleanWrapper iterationsApply = new ReadOnlyBooleanWrapper(true);
    /** The Iterations field's tooltip: what it counts, or why the method ignores it. */
    private final ReadOnlyStringWrapper iterationsNote = new ReadOnlyStringWrapper();
    /** Feedback on the last export. */
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** The running completion's current state (observed values exact), for a live preview; null when idle. */
    private final ReadOnlyObjectWrapper<float[]> live = new ReadOnlyObjectWrapper<>();
    private final StringProperty status = new SimpleStringProperty("Open a model to inpaint.");
    private final StringProperty source = new SimpleStringProperty("");
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final BooleanProperty hasSelection = new SimpleBooleanProperty();
    private final Deque<Snapshot> undo = new ArrayDeque<>();
    private final Deque<Snapshot> redo = new ArrayDeque<>();
    private ImageShape shape;
    private float[] image;
    private boolean[] missing;
    /** The data-set example the image came from, or -1 (blank canvas). */
    private int example = -1;
    private CancelToken running = new CancelToken();
    private long requestId;
    private long randomSeed = SEED;
    /** The inpainter for the current model and method, made on a worker thread and reused. */
    private volatile Cached cached;

    /** A finished completion and the request it answers. */
    private record Done(Request request, Completion completion) {
    }

    private record Snapshot(float[] image, boolean[] missing, int example) {
    }

    private record Cached(ModelHandle model, String method, int excluded, Inpainter inpainter) {
    }

    /**
     * {@code excluded}: the data-set example being completed, kept out of K-NN's neighbours (else -1);
     * {@code truth}: the hidden pixels hold the example's real values, so the completion can be scored.
     */
    private record Request(long id, ModelHandle model, Workspace workspace, String method, int excluded, float[] image,
                           Mask mask, InpaintOptions options, CancelToken cancel, String source, boolean truth) {
    }

    public InpaintViewModel(CoreServices services, TaskExecutor executor, Session session, ErrorReporter errors) {
        this(services, executor, session, errors, Debouncer.fx(100));
    }

    public InpaintViewModel(CoreServices services, TaskExecutor executor, Session session, ErrorReporter errors,
                            Debouncer debouncer) {
        this.services = services;
        this.executor = executor;
        this.session = session;
        this.errors = errors;
        this.debouncer = debouncer;
        this.methods = FXCollections.observableArrayList(services.inpaintMethods());
        method.set(methods.getFirst());
        completer = new LatestWins<>(executor, "inpaint", this::complete, this::completed, this::failed);
        companion = new Companion(services, executor, errors, this::companionChanged);
        session.workspaceProperty().addListener((o, a, w) -> onWorkspace(w));
        session.selectionProperty().addListener((o, a, sel) -> hasSelection.set(sel.length > 0));
        hasSelection.set(session.selection().length > 0);
        method.addListener((o, a, b) -> {
            methodChanged();
            schedule();
        });
        methodChanged();
        iterations.addListener((o, a, b) -> {
            if (iterationsApply.get()) { // iw and K-NN would only redo the same completion
                schedule();
            }
        });
        index.addListener((o, a, b) -> loadExample(b.intValue()));
        if (session.workspace() != null) {
            onWorkspace(session.workspace());
        }
    }

    private void methodChanged() {
        MethodSpec m = MethodSpec.parse(method.get());
        String ignored = MethodNames.iterationsIgnored(m);
        iterationsApply.set(ignored == null);
        iterationsNote.set(ignored != null ? ignored : m.method() == org.latentexplorer.inpaint.Method.OPTIMIZE
                ? "Adam steps on the latent code" : "Chain steps; the second half is kept as samples");
    }

    /**
     * The chooser lists the methods of the open model (vaeac for a VAEAC, or for a model with a companion
     * VAEAC), read from configs: no model work on this thread. A model that brings a method of its own, or
     * a companion just picked, gets it selected.
     */
    private void offerMethodsFor(Workspace w) {
        org.latentexplorer.model.ModelConfig config = w == null ? null : w.model().config();
        if (config != null && !Companion.isVaeac(config) && companion.handle() != null) {
            config = companion.handle().config(); // its vaeac first, then the methods every model has
        }
        List<String> offered = services.inpaintMethods(config);
        if (!offered.equals(methods)) {
            String current = method.get();
            boolean gained = !methods.contains(offered.getFirst());
            methods.setAll(offered);
            method.set(!gained && offered.contains(current) ? current : offered.getFirst());
        }
    }

    private void onWorkspace(Workspace w) {
        running.cancel();
        result.set(null);
        outcome.set(null);
        undo.clear();
        redo.clear();
        ready.set(w != null && w.dataset().shape().isImage());
        companion.modelOpened(w == null ? null : w.model().config(), w != null && w.dataset().shape().isImage());
        offerMethodsFor(w);
        if (w == null) {
            shape = null;
            image = null;
            missing = null;
            status.set("Open a model to inpaint.");
            revision.set(revision.get() + 1);
            return;
        }
        if (!w.dataset().shape().isImage()) {
            shape = null;
            status.set("Inpainting paints on images; " + w.dataset().id() + " is " + w.dataset().shape() + ".");
            revision.set(revision.get() + 1);
            return;
        }
        shape = w.dataset().shape();
        image = null; // the last model's image is no undo step of this one
        missing = Mask.topHalf(shape).missing();
        int i = Math.min(index.get(), w.dataset().size() - 1);
        if (i != index.get()) {
            index.set(i); // loads through the listener
        } else {
            loadExample(i);
        }
    }

    /** A companion came or went: its vaeac joins (selected) or leaves the methods, and the image is completed again. */
    private void companionChanged() {
        running.cancel(); // a waiting request may name a companion that is being closed
        String before = method.get();
        offerMethodsFor(session.workspace());
        if (method.get().equals(before)) { // else the method's listener has scheduled it
            schedule();
        }
    }

    /** The window closes: the companion's model is closed with it. */
    public void dispose() {
        running.cancel();
        companion.dispose();
    }

    /** The completion model picked for a model that is not a VAEAC. */
    public Companion companion() {
        return companion;
    }

    // ---- the image -----------------------------------------------------------------------------

    private void loadExample(int i) {
        Workspace w = session.workspace();
        if (shape == null || w == null || i < 0 || i >= w.dataset().size()) {
            return;
        }
        push();
        image = w.dataset().row(i);
        example = i;
        String label = w.dataset().hasLabels() ? " (" + w.dataset().labelNames().get(w.dataset().labels()[i]) + ")" : "";
        source.set(w.dataset().id() + " #" + i + label);
        changed();
    }

    /** Starts from the first example selected on the map; false when nothing is selected. */
    public boolean fromSelection() {
        int[] sel = session.selection();
        if (sel.length == 0) {
            return false;
        }
        if (index.get() == sel[0]) {
            loadExample(sel[0]);
        } else {
            index.set(sel[0]);
        }
        return true;
    }

    /** A white canvas, all hidden: draw ink and the model completes the rest. */
    public void blank() {
        if (shape == null) {
            return;
        }
        push();
        image = new float[shape.size()];
        example = -1;
        Arrays.fill(missing, true);
        source.set("blank canvas");
        changed();
    }

    // ---- painting ------------------------------------------------------------------------------

    /** Call before a stroke: the whole stroke is one undo step. */
    public void beginStroke() {
        if (shape != null) {
            push();
        }
    }

    /**
     * Call when a stroke ends (the mouse is released): the completion starts at once instead of after
     * the debounce, so an updated completion can appear within the issue's 100 ms of the stroke.
     */
    public void endStroke() {
        debouncer.flushNow();
    }

    /** Paints one dab of the current tool centred on pixel ({@code x}, {@code y}); outside is ignored. */
    public void dab(int x, int y) {
        if (shape == null) {
            return;
        }
        double r = (brushSize.get() - 1) / 2.0;
        int h = shape.height();
        int w = shape.width();
        int plane = h * w;
        boolean touched = false;
        for (int yy = (int) Math.floor(y - r); yy <= y + r; yy++) {
            for (int xx = (int) Math.floor(x - r); xx <= x + r; xx++) {
                double dx = xx - x;
                double dy = yy - y;
                if (yy < 0 || yy >= h || xx < 0 || xx >= w || dx * dx + dy * dy > r * r + r) {
                    continue;
                }
                for (int c = 0; c < shape.channels(); c++) {
                    int i = c * plane + yy * w + xx;
                    boolean brush = tool.get() == Tool.BRUSH;
                    if (layer.get() == Layer.MISSING) {
                        missing[i] = brush;
                    } else {
                        image[i] = brush ? 1f : 0f;
                        missing[i] = false;
                    }
                }
                touched = true;
            }
        }
        if (touched) {
            changed();
        }
    }

    /** Replaces the mask with a preset (one undo step). */
    public void preset(Function<ImageShape, Mask> preset) {
        if (shape == null) {
            return;
        }
        push();
        missing = preset.apply(shape).missing();
        changed();
    }

    public void topHalf() {
        preset(Mask::topHalf);
    }

    public void bottomHalf() {
        preset(Mask::bottomHalf);
    }

    public void leftHalf() {
        preset(Mask::leftHalf);
    }

    public void rightHalf() {
        preset(Mask::rightHalf);
    }

    /** A centred square of half the image's side. */
    public void centreSquare() {
        preset(s -> Mask.square(s, Math.max(1, Math.min(s.height(), s.width()) / 2)));
    }

    /** {@link #randomPercentProperty()} percent of pixels, a new draw each time. */
    public void random() {
        long seed = randomSeed++;
        preset(s -> Mask.random(s, randomPercent.get(), seed));
    }

    public void clearMask() {
        preset(Mask::none);
    }

    // ---- undo ----------------------------------------------------------------------------------

    private void push() {
        if (image == null) {
            return;
        }
        undo.push(new Snapshot(image.clone(), missing.clone(), example));
        if (undo.size() > UNDO_LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        updateUndo();
    }

    public void undo() {
        step(undo, redo);
    }

    public void redo() {
        step(redo, undo);
    }

    private void step(Deque<Snapshot> from, Deque<Snapshot> to) {
        if (from.isEmpty()) {
            return;
        }
        to.push(new Snapshot(image.clone(), missing.clone(), example));
        Snapshot s = from.pop();
        image = s.image();
        missing = s.missing();
        example = s.example();
        updateUndo();
        changed();
    }

    private void updateUndo() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    // ---- completing ----------------------------------------------------------------------------

    private void changed() {
        revision.set(revision.get() + 1);
        schedule();
    }

    private void schedule() {
        if (shape != null && image != null) {
            debouncer.restart(this::completeNow);
        }
    }

    /** Cancels the running completion and asks for one of the current image and mask. */
    public void completeNow() {
        Workspace w = session.workspace();
        if (shape == null || image == null || w == null) {
            return;
        }
        running.cancel();
        running = new CancelToken();
        status.set("completing…");
        // K-NN, and iw's proposal, look for neighbours: the example itself must not be among them.
        int excluded = method.get().startsWith("knn") || method.get().startsWith("iw") ? example : -1;
        completer.request(new Request(++requestId, completingModel(w), w, method.get(), excluded, image.clone(),
                new Mask(shape, missing),
                InpaintOptions.defaults().withIterations(Math.max(MIN_ITERATIONS, Math.min(MAX_ITERATIONS, iterations.get()))), running,
                source.get(), example >= 0));
    }

    /** The companion for its vaeac when the open model is no VAEAC; the open model for everything else. */
    private ModelHandle completingModel(Workspace w) {
        ModelHandle c = companion.handle();
        boolean vaeac = MethodSpec.parse(method.get()).method() == org.latentexplorer.inpaint.Method.VAEAC;
        return vaeac && c != null && !Companion.isVaeac(w.model().config()) ? c : w.model();
    }

    /** On a worker thread. */
    private Done complete(Request q) {
        q.cancel().check(); // a request superseded while it waited does not start
        Cached c = cached;
        if (c == null || c.model() != q.model() || !c.method().equals(q.method()) || c.excluded() != q.excluded()) {
            c = new Cached(q.model(), q.method(), q.excluded(),
                    services.inpainter(q.model(), MethodSpec.parse(q.method()), reference(q.workspace(), q.excluded())));
            cached = c;
        }
        // About ten previews per run: enough to watch the chain move, few enough not to flood the FX thread.
        int every = Math.max(1, q.options().iterations() / 10);
        try {
            return run(q, c, every);
        } catch (RuntimeException e) {
            // A companion dropped meanwhile is closed under a cancelled request: that is no failure to report.
            q.cancel().check();
            throw e;
        }
    }

    private Done run(Request q, Cached c, int every) {
        return new Done(q, c.inpainter().complete(q.image(), q.mask(), q.options(), new SplittableRandom(SEED), q.cancel(),
                (it, of, current, z) -> {
                    if (it % every == 0 && it < of) {
                        executor.runOnUi(() -> {
                            if (q.id() == requestId && !q.cancel().isCancelled()) {
                                live.set(current);
                                status.set("completing… " + it + " / " + of);
                            }
                        });
                    }
                }));
    }

    /** The data set without the example being completed: K-NN must not find the answer among its neighbours. */
    private static org.latentexplorer.data.Dataset reference(Workspace w, int excluded) {
        if (excluded < 0) {
            return w.dataset();
        }
        int[] keep = new int[w.dataset().size() - 1];
        for (int i = 0, k = 0; i < w.dataset().size(); i++) {
            if (i != excluded) {
                keep[k++] = i;
            }
        }
        return w.dataset().subset(keep);
    }

    private void completed(Done d) {
        Request q = d.request();
        Outcome o = Outcome.of(q.mask().shape(), q.image(), q.mask().missing(), q.source(), q.truth(), d.completion());
        outcome.set(o);
        result.set(d.completion());
        if (q.id() == requestId) { // else a newer request is on its way and the status says so
            live.set(null);
            status.set(q.model() == q.workspace().model() ? describe(o)
                    : describe(o) + " · completed by " + q.model().name());
        }
    }

    private void failed(Throwable t) {
        if (ErrorReporter.isCancellation(t)) {
            return;
        }
        status.set("failed: " + ErrorReporter.describe(t));
        errors.error("Could not complete the image", ErrorReporter.describe(t));
    }

    /** One line: method, iterations, time, the error over the hidden pixels when known, and what was unusual. */
    static String describe(Outcome o) {
        String errors = o.errors();
        return errors.isEmpty() ? describe(o.completion()) : describe(o.completion()) + " · " + errors;
    }

    static String describe(Completion c) {
        StringBuilder b = new StringBuilder(MethodNames.name(c.method()));
        boolean rounds = c.method().method() == org.latentexplorer.inpaint.Method.IW;
        // K-NN runs no iterations; iw counts proposal rounds, not sampler iterations.
        if (c.iterations() > 0 && (rounds || c.method().method().usesIterations())) {
            b.append(" · ").append(c.iterations()).append(rounds ? " proposal rounds" : " iterations");
        }
        if (!Double.isNaN(c.effectiveSampleSize()) && c.effectiveSampleSize() > 0) {
            b.append(String.format(Locale.ROOT, " · effective samples %.0f", c.effectiveSampleSize()));
        }
        b.append(String.format(Locale.ROOT, " · %.0f ms", c.millis()));
        if (!Double.isNaN(c.acceptanceRate())) {
            b.append(String.format(Locale.ROOT, " · %.0f%% accepted", 100 * c.acceptanceRate()));
        }
        if (Inpainting.EMPTY_MASK_NOTE.equals(c.note())) {
            b.append(" · nothing to complete");
        } else if (Inpainting.FULL_MASK_NOTE.equals(c.note())) {
            b.append(" · nothing observed: unconditional samples");
        } else if (!c.note().isEmpty()) {
            b.append(" · ").append(c.note());
        }
        return b.toString();
    }

    // ---- export --------------------------------------------------------------------------------

    /** Writes the shown completion as a sheet: image, mask, mean, samples, uncertainty and the status figures. */
    public void exportPng(Path file) {
        Outcome o = outcome.get();
        if (o == null) {
            message.set("There is no completion to export yet.");
            return;
        }
        List<String> footer = List.of(o.source(), describe(o));
        export(file, () -> InpaintSheet.write(file, o, footer));
    }

    /** Writes the shown completion's figures (method, mask, errors, spread, time) as CSV. */
    public void exportCsv(Path file) {
        Outcome o = outcome.get();
        if (o == null) {
            message.set("There is no completion to export yet.");
            return;
        }
        String text = o.csv();
        export(file, () -> AtomicFiles.writeString(file, text));
    }

    private interface Write {
        void run() throws IOException;
    }

    private void export(Path file, Write write) {
        executor.submit("Exporting " + file.getFileName(), false, (p, c) -> {
            try {
                write.run();
            } catch (IOException e) {
                throw new InputException(file + ": cannot write (" + e.getMessage() + ")", e);
            }
            return null;
        }, v -> message.set("Wrote " + file), t -> {
            message.set("Could not write " + file.getFileName());
            errors.error("Cannot write " + file, ErrorReporter.describe(t));
        });
    }

    // ---- state for the View --------------------------------------------------------------------

    /** The chooser's text for a method in {@link #methods()}' form ("Nearest neighbours (k = 10)" for knn:10). */
    public String displayName(String method) {
        return MethodNames.name(MethodSpec.parse(method));
    }

    /** One or two sentences on what {@code method} does, for its tooltip. */
    public String explanation(String method) {
        return MethodNames.explanation(MethodSpec.parse(method));
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty iterationsApplyProperty() {
        return iterationsApply.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty iterationsNoteProperty() {
        return iterationsNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The image shape, or null when there is nothing to paint on. */
    public ImageShape shape() {
        return shape;
    }

    /** A copy of the image being completed. */
    public float[] image() {
        return image == null ? null : image.clone();
    }

    /** A copy of the mask: true where a value is missing. */
    public boolean[] missing() {
        return missing == null ? null : missing.clone();
    }

    public int exampleCount() {
        Workspace w = session.workspace();
        return w == null ? 0 : w.dataset().size();
    }

    public ObservableList<String> methods() {
        return methods;
    }

    public StringProperty methodProperty() {
        return method;
    }

    public IntegerProperty iterationsProperty() {
        return iterations;
    }

    public IntegerProperty brushSizeProperty() {
        return brushSize;
    }

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    public ObjectProperty<Layer> layerProperty() {
        return layer;
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    public IntegerProperty randomPercentProperty() {
        return randomPercent;
    }

    public IntegerProperty revisionProperty() {
        return revision;
    }

    public ReadOnlyObjectProperty<Completion> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<float[]> liveProperty() {
        return live.getReadOnlyProperty();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public BooleanProperty canUndoProperty() {
        return canUndo;
    }

    public BooleanProperty canRedoProperty() {
        return canRedo;
    }

    /** True when the map has a selection to start from. */
    public BooleanProperty hasSelectionProperty() {
        return hasSelection;
    }

    public BooleanProperty readyProperty() {
        return ready;
    }
}
