package org.latentexplorer.embed;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A fixed number of threads for loops over independent blocks. The blocks are fixed by the caller, not
 * by the thread count, and each block writes only its own outputs, so the result is the same on one
 * thread or many; sums over blocks are made by the caller in block order after {@link #forEach}.
 */
final class Workers implements AutoCloseable {
    private final int threads;
    private final ForkJoinPool pool;

    Workers(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = this.threads > 1 ? new ForkJoinPool(this.threads) : null;
    }

    int threads() {
        return threads;
    }

    /** Runs {@code body} for blocks 0 … blocks−1 and returns when all are done; rethrows their exceptions. */
    void forEach(int blocks, IntConsumer body) {
        if (pool == null || blocks < 2) {
            for (int b = 0; b < blocks; b++) {
                body.accept(b);
            }
            return;
        }
        // A parallel stream started inside a pool runs in that pool (not the common one).
        pool.submit(() -> IntStream.range(0, blocks).parallel().forEach(body)).join();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
