package org.latentexplorer.ui.tasks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.latentexplorer.common.CancelToken;

/**
 * Runs work as {@link Task}s on a small pool of daemon worker threads; results, failures and
 * progress come back on the FX thread. Progress updates are coalesced by {@code Task} itself
 * (it posts at most one pending update), so a chatty worker cannot flood the FX queue.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService pool;
    private final TaskMonitor monitor = new TaskMonitor();

    public FxTaskExecutor() {
        AtomicLong n = new AtomicLong();
        // Daemon threads so that an unfinished decode never keeps the JVM alive after the window closes.
        this.pool = Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon()
                .name("explorer-worker-" + n.incrementAndGet()).unstarted(r));
    }

    /** Call on the FX thread (the ViewModels live there). */
    @Override
    public <T> TaskHandle submit(String title, boolean visible, Work<T> work, Consumer<T> onSuccess,
                                 Consumer<Throwable> onFailure) {
        CancelToken token = new CancelToken();
        TaskHandle handle = new TaskHandle(title, token);
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.run((f, m) -> {
                    if (f >= 0) {
                        updateProgress(f, 1);
                    }
                    if (m != null) {
                        updateMessage(m);
                    }
                }, token);
            }
        };
        if (visible) {
            monitor.started(handle);
            task.progressProperty().addListener((o, a, b) -> monitor.progressed(handle, b.doubleValue(), task.getMessage()));
            task.messageProperty().addListener((o, a, b) -> monitor.progressed(handle, task.getProgress(), b));
        }
        task.setOnSucceeded(e -> {
            monitor.finished(handle);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            monitor.finished(handle);
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> monitor.finished(handle));
        try {
            pool.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The window is closing (shutdown): a callback that asks for more work gets none, quietly.
            if (visible) {
                monitor.finished(handle);
            }
            token.cancel();
        }
        return handle;
    }

    @Override
    public void runOnUi(Runnable action) {
        javafx.application.Platform.runLater(action);
    }

    @Override
    public TaskMonitor monitor() {
        return monitor;
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
