package org.latentexplorer.ui.fakes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.ui.tasks.TaskExecutor;
import org.latentexplorer.ui.tasks.TaskHandle;
import org.latentexplorer.ui.tasks.TaskMonitor;
import org.latentexplorer.ui.tasks.Work;

/**
 * Holds submitted work until the test runs it ({@code queued.poll().run()}), like a busy worker
 * thread: a job can still be running when the next request arrives. UI callbacks run at once.
 */
public final class HeldExecutor implements TaskExecutor {
    public final Deque<Runnable> queued = new ArrayDeque<>();
    private final TaskMonitor monitor = new TaskMonitor();

    @Override
    public <T> TaskHandle submit(String title, boolean visible, Work<T> work, Consumer<T> onSuccess,
                                 Consumer<Throwable> onFailure) {
        TaskHandle handle = new TaskHandle(title, new CancelToken());
        queued.add(() -> {
            T value;
            try {
                value = work.run(Work.Progress.NONE, handle.cancelToken());
            } catch (Throwable t) {
                onFailure.accept(t);
                return;
            }
            onSuccess.accept(value);
        });
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
