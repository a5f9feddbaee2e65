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

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Counted down when the command line has finished, so a Ctrl-C hook knows it may let the JVM go. */
    private static final java.util.concurrent.CountDownLatch FINISHED = new java.util.concurrent.CountDownLatch(1);

    /**
     * A cancel token that Ctrl-C sets. The JVM runs shutdown hooks and then halts without waiting for
     * the main thread, so the hook also waits (at most 30 s) for the command to stop at its next step
     * and say what it kept.
     */
    static CancelToken cancelOnInterrupt() {
        CancelToken token = new CancelToken();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            token.cancel();
            try {
                FINISHED.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel-on-interrupt"));
        return token;
    }

    /** Called once the command has returned: shutdown hooks need not wait any more. */
    static void finished() {
        FINISHED.countDown();
    }
}
