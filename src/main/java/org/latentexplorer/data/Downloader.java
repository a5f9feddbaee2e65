package org.latentexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.FileDigest;
import org.latentexplorer.common.InputException;

/**
 * Downloads a {@link RemoteFile} into the cache. Bytes go to {@code NAME.part} beside the target; a
 * cut-off transfer is resumed with an HTTP Range request (from this call's next attempt, or from a
 * later call that finds the part file). Only when the whole file is there and its checksums match is
 * it renamed to its final name, so the cache never holds an unchecked file under a real name. A
 * mismatch deletes the part file. Files without a published SHA-256 are trusted on first download and
 * their SHA-256 is written to {@code NAME.sha256}, against which {@link #ensure} checks them later.
 *
 * <p>The cancel token is checked between chunks; a cancelled download keeps its part file for resuming.
 */
public final class Downloader {

    /** Told after each chunk: bytes so far and the total, or -1 when the size is unknown. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (bytes, total) -> { };

        void update(long bytes, long total);
    }

    /** How long a transfer may go without receiving a byte before the attempt is given up. */
    public static final Duration DEFAULT_STALL = Duration.ofSeconds(60);

    private final HttpClient client;
    private final int maxAttempts;
    private final long retryDelayMillis;
    private final Duration stall;

    /** A downloader with the JDK's HTTP client, following redirects, 3 attempts per file. */
    public Downloader() {
        this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build(), 3, 2000, DEFAULT_STALL);
    }

    /** As {@link #Downloader(HttpClient, int, long, Duration)} with the default stall limit. */
    public Downloader(HttpClient client, int maxAttempts, long retryDelayMillis) {
        this(client, maxAttempts, retryDelayMillis, DEFAULT_STALL);
    }

    /**
     * @param client           the HTTP client (its connect timeout applies; the response headers must
     *                         arrive within 60 s)
     * @param maxAttempts      requests per file before giving up (at least 1); later ones resume
     * @param retryDelayMillis pause between attempts
     * @param stall            a transfer that receives nothing for this long is cut and retried (the JDK's
     *                         client has no read timeout for a body, so a server that stops sending
     *                         mid-body would otherwise hang the download forever)
     */
    public Downloader(HttpClient client, int maxAttempts, long retryDelayMillis, Duration stall) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        this.client = client;
        this.maxAttempts = maxAttempts;
        this.retryDelayMillis = retryDelayMillis;
        this.stall = stall;
    }

    /** The part file used while {@code target} is downloading. */
    public static Path partFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /**
     * Downloads {@code file} to {@code target} (its folder is created), checking its checksums.
     *
     * @return {@code target}
     * @throws InputException        for HTTP errors, repeated cut-offs and checksum mismatches, naming the URL
     * @throws CancellationException when {@code cancel} is cancelled; the part file is kept
     */
    public Path download(RemoteFile file, Path target, Progress progress, CancelToken cancel) {
        Path part = partFile(target);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            String lastProblem = "";
            boolean complete = false;
            for (int attempt = 1; attempt <= maxAttempts && !complete; attempt++) {
                cancel.check();
                if (attempt > 1 && retryDelayMillis > 0) {
                    Thread.sleep(retryDelayMillis);
                }
                try {
                    complete = attempt(file, part, progress, cancel);
                    lastProblem = complete ? "" : "the server closed the connection early";
                } catch (IOException e) {
                    lastProblem = e.getMessage() == null ? e.toString() : e.getMessage();
                }
            }
            if (!complete) {
                throw new InputException("download of " + file.url() + " failed after " + maxAttempts + " attempts ("
                        + lastProblem + "); " + kept(part));
            }
            verify(file, part);
            move(part, target);
            return target;
        } catch (InterruptedException | CancellationException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new CancellationException("download of " + file.url() + " cancelled; " + kept(part));
        } catch (IOException e) {
            throw new InputException("download of " + file.url() + " to " + target + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * {@code target} if the cache already holds it unchanged, else a fresh download. A cached file is
     * checked against its published SHA-256, or against the {@code NAME.sha256} recorded when it was
     * first downloaded; a file that changed since (disk fault, a partial copy by hand) is downloaded again.
     */
    public Path ensure(RemoteFile file, Path target, Progress progress, CancelToken cancel) {
        if (Files.isRegularFile(target)) {
            try {
                String expected = file.sha256() != null ? file.sha256() : recordedSha256(target);
                if (expected == null || expected.equals(FileDigest.hex(target, "SHA-256"))) {
                    return target;
                }
                Files.delete(target);
            } catch (IOException e) {
                throw new InputException(target + " in the cache cannot be read: " + e.getMessage(), e);
            }
        }
        return download(file, target, progress, cancel);
    }

    /** The SHA-256 written beside a file trusted on first download, or null. */
    private static String recordedSha256(Path target) throws IOException {
        Path record = target.resolveSibling(target.getFileName() + ".sha256");
        if (!Files.isRegularFile(record)) {
            return null;
        }
        String text = Files.readString(record).trim();
        int space = text.indexOf(' ');
        return (space < 0 ? text : text.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
    }

    private static String kept(Path part) {
        try {
            long have = Files.exists(part) ? Files.size(part) : 0;
            return have == 0 ? "nothing was kept" : have + " bytes are kept in " + part + " and the next try resumes there";
        } catch (IOException e) {
            return "the part file " + part + " may be kept";
        }
    }

    /** One request; true when the part file now holds the whole file. */
    private boolean attempt(RemoteFile file, Path part, Progress progress, CancelToken cancel)
            throws IOException, InterruptedException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (file.size() > 0 && have >= file.size()) {
            if (have == file.size()) {
                return true;
            }
            Files.delete(part);
            have = 0;
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(file.url())).timeout(Duration.ofSeconds(60)).GET();
        if (have > 0) {
            req.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> resp = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = resp.body()) {
            int status = resp.statusCode();
            boolean append;
            if (status == 206 && have > 0 && resp.headers().firstValue("Content-Range").orElse("").startsWith("bytes " + have + "-")) {
                append = true;
            } else if (status == 200) {
                append = false; // the server ignored the range: start again
            } else if (status == 416 && have > 0) {
                return true; // nothing left to send: the part file is complete; the checksum decides
            } else {
                throw new InputException("download of " + file.url() + " failed: HTTP " + status
                        + (status == 404 ? " (not found)" : ""));
            }
            long start = append ? have : 0;
            long length = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
            long total = length >= 0 ? start + length : file.size();
            long done = start;
            byte[] buf = new byte[1 << 16];
            try (OutputStream out = append
                    ? Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                    : Files.newOutputStream(part);
                 StallWatch watch = new StallWatch(stall)) {
                int r;
                while ((r = watch.read(body, buf)) >= 0) {
                    out.write(buf, 0, r);
                    done += r;
                    progress.update(done, total);
                    cancel.check();
                }
            }
            return total < 0 || done == total;
        }
    }

    private static void verify(RemoteFile file, Path part) throws IOException {
        String sha256 = FileDigest.hex(part, "SHA-256");
        if (file.sha256() != null && !file.sha256().equals(sha256)) {
            Files.deleteIfExists(part);
            throw new InputException("checksum mismatch for " + file.fileName() + " downloaded from " + file.url()
                    + ": SHA-256 is " + sha256 + ", expected " + file.sha256() + "; the download was deleted");
        }
        if (file.md5() != null) {
            String md5 = FileDigest.hex(part, "MD5");
            if (!file.md5().equals(md5)) {
                Files.deleteIfExists(part);
                throw new InputException("checksum mismatch for " + file.fileName() + " downloaded from " + file.url()
                        + ": MD5 is " + md5 + ", expected " + file.md5() + "; the download was deleted");
            }
        }
        if (file.sha256() == null) {
            // No published SHA-256: trust on first download and record what we got.
            Path target = part.resolveSibling(file.fileName());
            AtomicFiles.writeString(target.resolveSibling(file.fileName() + ".sha256"),
                    sha256 + "  " + file.fileName() + "\n");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A read timeout for the body stream: a daemon thread interrupts the reading thread when a read has
     * been blocked for longer than the limit (the JDK client's body stream unblocks on interrupt with an
     * IOException). Only a blocked read is interrupted, never a write to the part file.
     */
    private static final class StallWatch implements AutoCloseable {
        private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "download-stall-watch");
            t.setDaemon(true);
            return t;
        });

        private final long limitNanos;
        private final Thread reader = Thread.currentThread();
        private volatile long readSince = -1;
        private volatile boolean stalled;
        private final ScheduledFuture<?> task;

        StallWatch(Duration limit) {
            limitNanos = limit.toNanos();
            long tick = Math.max(10, limit.toMillis() / 4);
            task = TIMER.scheduleAtFixedRate(this::check, tick, tick, TimeUnit.MILLISECONDS);
        }

        private synchronized void check() {
            long since = readSince;
            if (since >= 0 && System.nanoTime() - since > limitNanos) {
                stalled = true;
                reader.interrupt();
            }
        }

        int read(InputStream body, byte[] buf) throws IOException {
            readSince = System.nanoTime();
            int r;
            try {
                r = body.read(buf);
            } catch (IOException e) {
                if (!stalled) {
                    throw e;
                }
                r = 0;
            } finally {
                synchronized (this) {
                    readSince = -1;
                }
            }
            if (stalled) {
                Thread.interrupted(); // our interrupt, not the caller's: clear it
                throw stalledException();
            }
            return r;
        }

        private IOException stalledException() {
            return new IOException("no data from the server for " + limitNanos / 1_000_000_000L + " s");
        }

        @Override
        public void close() {
            task.cancel(false);
        }
    }
}
