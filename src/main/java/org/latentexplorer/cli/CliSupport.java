package org.latentexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetResolver;
import org.latentexplorer.data.Split;
import org.latentexplorer.model.ModelBundle;

/** What the sub-commands share: loading data and models with progress on stderr, writing CSV. */
final class CliSupport {
    private CliSupport() {
    }

    static Dataset dataset(String nameOrPath, String split, PrintWriter err, CancelToken cancel) {
        Split s = Split.parse(split);
        long[] last = {0};
        return DatasetResolver.defaults().resolve(nameOrPath, s, (bytes, total) -> {
            long now = System.nanoTime();
            if (now - last[0] > 1_000_000_000L || bytes == total) {
                last[0] = now;
                err.printf(Locale.ROOT, "downloading %s: %.1f MiB%s%n", nameOrPath, bytes / 1048576.0,
                        total > 0 ? String.format(Locale.ROOT, " of %.1f MiB", total / 1048576.0) : "");
                err.flush();
            }
        }, cancel);
    }

    /** The data set's split, cut to its first {@code limit} examples when {@code limit > 0} ({@code --limit}). */
    static Dataset dataset(String nameOrPath, String split, int limit, PrintWriter err, CancelToken cancel) {
        if (limit < 0) {
            throw new org.latentexplorer.common.InputException("--limit must be 0 (all) or more, got " + limit);
        }
        Dataset data = dataset(nameOrPath, split, err, cancel);
        return limit > 0 ? data.limit(limit) : data;
    }

    static ModelBundle model(Path file) {
        return ModelBundle.load(file);
    }

    /** Writes {@code header} then one line per row, comma-separated, atomically. */
    static void writeCsv(Path file, String header, Iterable<String> lines) throws IOException {
        AtomicFiles.write(file, out -> {
            var w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(header);
            w.write('\n');
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
            w.flush();
        });
    }

    /** One line for an error that escaped the command: out of memory gets the remedy, others their name. */
    static String describe(Error e) {
        if (e instanceof OutOfMemoryError) {
            return String.format(Locale.ROOT, "out of memory (%s; this program may use %d MiB): give it more with "
                    + "LATENT_EXPLORER_JAVA_OPTS=-Xmx<size>, e.g. -Xmx8g, or use less data (--limit)",
                    e.getMessage(), Runtime.getRuntime().maxMemory() >> 20);
        }
        return "internal error: " + e + " (LATENT_EXPLORER_DEBUG=1 shows where)";
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Cancel tokens of the commands running in this JVM; a signal cancels them all. */
    private static final java.util.Set<CancelToken> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Counted down when the command line has returned. */
    private static final java.util.concurrent.CountDownLatch FINISHED = new java.util.concurrent.CountDownLatch(1);
    private static volatile boolean handlersInstalled;

    /**
     * A cancel token that Ctrl-C (SIGINT) or SIGTERM sets. Our own signal handler rather than a
     * shutdown hook: a hook that waited for the command would also wait on every normal exit. The
     * handler cancels, waits up to 30 s for the command to stop at its next step and say what it
     * kept, then exits with 130.
     */
    static CancelToken cancelOnInterrupt() {
        CancelToken token = new CancelToken();
        RUNNING.add(token);
        installHandlers();
        return token;
    }

    private static synchronized void installHandlers() {
        if (handlersInstalled) {
            return;
        }
        handlersInstalled = true;
        for (String name : new String[]{"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    RUNNING.forEach(CancelToken::cancel);
                    try {
                        FINISHED.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Runtime.getRuntime().exit(LatentExplorerCommand.INTERRUPTED);
                });
            } catch (IllegalArgumentException e) {
                // the JVM was started with that signal ignored (e.g. a background job): keep the default
            }
        }
    }

    /** Called once the command line has returned (with its exit code on the way out). */
    static void finished() {
        RUNNING.clear();
        FINISHED.countDown();
    }
}
