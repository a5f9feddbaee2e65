package org.latentexplorer.ui.tasks;

import java.util.function.Consumer;

/**
 * The one way the screens run long work (JabRef's TaskExecutor): in the app it wraps
 * {@link javafx.concurrent.Task} on a worker pool, in tests it runs on the calling thread so that
 * asynchronous code is tested deterministically. Callbacks are always delivered on the UI thread
 * (the calling thread for the direct executor).
 */
public interface TaskExecutor {

    /**
     * Runs {@code work}. A {@code visible} task is shown in the status bar (title, progress, cancel);
     * an invisible one (a decode for the probe, a grid redraw) is not.
     */
    <T> TaskHandle submit(String title, boolean visible, Work<T> work, Consumer<T> onSuccess,
                          Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread later (intermediate results from a worker). */
    void runOnUi(Runnable action);

    /** What the status bar shows. */
    TaskMonitor monitor();

    /** Stops accepting work and interrupts what runs (window closing). */
    default void shutdown() {
    }
}
