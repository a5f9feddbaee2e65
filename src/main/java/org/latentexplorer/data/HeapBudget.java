package org.latentexplorer.data;

import java.util.Locale;
import org.latentexplorer.common.InputException;

/**
 * The last check before a reader allocates a data set's arrays: sizes that the bytes present allow
 * can still exceed what this Java process may hold (a gzip file of zeros, an honest but huge set).
 * Refusing here gives one message with the remedy instead of an {@link OutOfMemoryError} half-way.
 * The bound is the heap's maximum, not what is free now: uncollected garbage would make "free" refuse
 * sets that fit.
 */
final class HeapBudget {
    private HeapBudget() {
    }

    /** Throws when {@code bytes} would not fit in this process's heap. */
    static void require(String name, long bytes, String what) {
        require(name, bytes, what, Runtime.getRuntime().maxMemory());
    }

    static void require(String name, long bytes, String what, long maxHeap) {
        if (bytes > maxHeap * 9 / 10) {
            throw new InputException(name + ": " + what + " would need " + gib(bytes) + " of memory, more than this "
                    + "program may use (" + gib(maxHeap) + "); give it more with LATENT_EXPLORER_JAVA_OPTS=-Xmx"
                    + Math.max(2, (long) Math.ceil(bytes * 1.5 / (1L << 30))) + "g, or use a smaller file");
        }
    }

    private static String gib(long bytes) {
        return bytes < 1L << 30 ? String.format(Locale.ROOT, "%d MiB", Math.ceilDiv(bytes, 1L << 20))
                : String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
