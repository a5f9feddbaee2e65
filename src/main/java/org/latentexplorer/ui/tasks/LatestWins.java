package org.latentexplorer.ui.tasks;

import java.util.function.Consumer;

/**
 * Coalesces a stream of requests (mouse drags, hovers) into at most one running job plus one
 * waiting request: while a job runs, a newer request replaces the waiting one, and when the job
 * ends the newest waiting request starts. Results are delivered in request order and never stale
 * by more than one job. Used on the UI thread only.
 *
 * @param <Q> request
 * @param <R> result
 */
public final class LatestWins<Q, R> {
    /** Computes a result off the UI thread. */
    @FunctionalInterface
    public interface Job<Q, R> {
        R compute(Q request) throws Exception;
    }

    private final TaskExecutor executor;
    private final String title;
    private final Job<Q, R> job;
    private final Consumer<R> onResult;
    private final Consumer<Throwable> onError;
    private boolean running;
    private Q pending;
    private boolean hasPending;

    public LatestWins(TaskExecutor executor, String title, Job<Q, R> job, Consumer<R> onResult,
                      Consumer<Throwable> onError) {
        this.executor = executor;
        this.title = title;
        this.job = job;
        this.onResult = onResult;
        this.onError = onError;
    }

    public void request(Q request) {
        pending = request;
        hasPending = true;
        if (!running) {
            startNext();
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void startNext() {
        if (!hasPending) {
            return;
        }
        Q q = pending;
        pending = null;
        hasPending = false;
        running = true;
        executor.submit(title, false, (p, c) -> job.compute(q), r -> {
            running = false;
            onResult.accept(r);
            startNext();
        }, t -> {
            running = false;
            onError.accept(t);
            startNext();
        });
    }
}
