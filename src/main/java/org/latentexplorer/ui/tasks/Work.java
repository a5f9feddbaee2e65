package org.latentexplorer.ui.tasks;

import org.latentexplorer.common.CancelToken;

/** A unit of background work: it may report progress and must check {@code cancel} in long loops. */
@FunctionalInterface
public interface Work<T> {
    T run(Progress progress, CancelToken cancel) throws Exception;

    /** Progress reports from the worker thread; the executor hands them to the FX thread. */
    interface Progress {
        /** {@code fraction} in [0, 1], or negative for "unknown". */
        void update(double fraction, String message);

        Progress NONE = (f, m) -> { };
    }
}
