package org.latentexplorer.ui.tasks;

import java.util.function.Consumer;
import org.latentexplorer.common.CancelToken;

/** Runs each task at once on the calling thread: deterministic ViewModel tests. */
public final class DirectTaskExecutor implements TaskExecutor {
    private final TaskMonitor monitor = new TaskMonitor();

    @Override
    public <T> TaskHandle submit(String title, boolean visible, Work<T> work, Consumer<T> onSuccess,
                                 Consumer<Throwable> onFailure) {
        TaskHandle handle = new TaskHandle(title, new CancelToken());
        if (visible) {
            monitor.started(handle);
        }
        T result;
        try {
            result = work.run((f, m) -> {
                if (visible) {
                    monitor.progressed(handle, f, m);
                }
            }, handle.cancelToken());
        } catch (Throwable t) {
            monitor.finished(handle);
            onFailure.accept(t);
            return handle;
        }
        monitor.finished(handle);
        onSuccess.accept(result);
        return handle;
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    @Override
    public TaskMonitor monitor() {
        return monitor;
    }
}
