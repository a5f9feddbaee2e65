package org.latentexplorer.ui.services;

import java.nio.file.Path;
import java.util.Map;
import org.latentexplorer.model.LatentModel;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.TrainingHistory;

/**
 * An open model as the screens see it: its config and history, and encode/decode on plain arrays.
 * {@link LatentModel} is not thread-safe and several background jobs share the open model (the map's
 * encoding, the manifold's decodes, the hover reconstruction), so every call takes the handle's lock.
 */
public final class ModelHandle implements AutoCloseable {
    private final Path source;
    private final LatentModel model;
    private final TrainingHistory history;
    private final Map<String, Object> evaluation;
    private final AutoCloseable closer;
    private volatile boolean closed;

    public ModelHandle(Path source, LatentModel model, TrainingHistory history, Map<String, Object> evaluation,
                       AutoCloseable closer) {
        this.source = source;
        this.model = model;
        this.history = history == null ? TrainingHistory.empty() : history;
        this.evaluation = evaluation == null ? Map.of() : Map.copyOf(evaluation);
        this.closer = closer == null ? model : closer;
    }

    /** Where the model was read from (null for an in-memory model). */
    public Path source() {
        return source;
    }

    public String name() {
        return source == null ? "(unsaved model)" : source.getFileName().toString();
    }

    public ModelConfig config() {
        return model.config();
    }

    public int latentDim() {
        return model.latentDim();
    }

    public TrainingHistory history() {
        return history;
    }

    public Map<String, Object> evaluation() {
        return evaluation;
    }

    /** Posterior means of {@code x}, in batches of {@code batch} rows so that progress can be shown. */
    public synchronized float[][] encodeMeans(float[][] x) {
        return model.encode(x).mean();
    }

    /** Posterior parameters (means and log-variances) of {@code x}. */
    public synchronized org.latentexplorer.model.Posterior encode(float[][] x) {
        return model.encode(x);
    }

    /** The model's reconstructions of {@code x} (a CVAE's with its inferred class). */
    public synchronized float[][] reconstruct(float[][] x) {
        return model.reconstruct(x);
    }

    public synchronized float[][] decode(float[][] z) {
        return model.decode(z);
    }

    /** True once {@link #close()} has run (it does not wait for a call in progress). */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closer.close();
        } catch (Exception e) {
            // Closing frees native memory; a failure here leaves nothing for the user to act on.
        }
    }
}
