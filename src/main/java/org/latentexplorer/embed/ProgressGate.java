package org.latentexplorer.embed;

import org.latentexplorer.common.CancelToken;

/**
 * The loops' link to the caller: checks cancel each iteration and passes progress to the listener at
 * most every {@code 100 ms}, copying the layout only when a report is actually sent.
 */
final class ProgressGate {
    private static final long INTERVAL_NANOS = 100_000_000L;

    private final EmbedListener listener;
    private final CancelToken cancel;
    private long last = System.nanoTime() - INTERVAL_NANOS;

    ProgressGate(EmbedListener listener, CancelToken cancel) {
        this.listener = listener == null ? EmbedListener.NONE : listener;
        this.cancel = cancel == null ? CancelToken.NONE : cancel;
    }

    /** Throws {@link java.util.concurrent.CancellationException} if cancelled. */
    void check() {
        cancel.check();
    }

    /** True when a report is due (so callers can skip computing an expensive cost otherwise). */
    boolean due() {
        return System.nanoTime() - last >= INTERVAL_NANOS;
    }

    /** Checks cancel, then reports if due (or if {@code force}); {@code y} is the flat 2-D layout or null. */
    void report(String stage, int iteration, int total, double cost, double[] y, boolean force) {
        if (!sending(force)) {
            return;
        }
        float[] copy = null;
        if (y != null) {
            copy = new float[y.length];
            for (int i = 0; i < y.length; i++) {
                copy[i] = (float) y[i];
            }
        }
        listener.onProgress(new EmbedProgress(stage, iteration, total, cost, copy));
    }

    /** As {@link #report(String, int, int, double, double[], boolean)} for a layout held in floats. */
    void reportFloats(String stage, int iteration, int total, double cost, float[] y, boolean force) {
        if (sending(force)) {
            listener.onProgress(new EmbedProgress(stage, iteration, total, cost, y == null ? null : y.clone()));
        }
    }

    /** Checks cancel; true (and the clock restarted) when a report is due or forced. */
    private boolean sending(boolean force) {
        cancel.check();
        if (!force && !due()) {
            return false;
        }
        last = System.nanoTime();
        return true;
    }
}
