package org.latentexplorer.common;

import java.util.concurrent.CancellationException;

/**
 * A cancel flag shared between the code that runs a long computation and the code that may stop it
 * (a Cancel button, Ctrl-C, a test). Long loops call {@link #check()} once per iteration.
 * The flag is volatile so that a cancel from another thread is seen at the next check.
 */
public final class CancelToken {
    /** A token that is never cancelled, for callers that do not need to stop. */
    public static final CancelToken NONE = new CancelToken();

    private volatile boolean cancelled;

    public void cancel() {
        if (this == NONE) {
            throw new IllegalStateException("CancelToken.NONE cannot be cancelled");
        }
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    /** Throws {@link CancellationException} if cancel was asked for or the thread was interrupted. */
    public void check() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
