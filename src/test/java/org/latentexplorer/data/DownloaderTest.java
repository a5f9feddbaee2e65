package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;

/** Downloads from a server on 127.0.0.1 that this test starts and stops; nothing leaves the machine. */
@Timeout(20)
class DownloaderTest {
    @TempDir
    Path cache;

    private final byte[] body = new byte[300_000];
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private final AtomicInteger cutRequests = new AtomicInteger();
    private final AtomicInteger stallRequests = new AtomicInteger();
    private HttpServer server;
    private Downloader downloader;

    @BeforeEach
    void start() throws IOException {
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/file", ex -> serve(ex, false));
        // The first request of /cut sends half the body and closes the connection.
        server.createContext("/cut", ex -> serve(ex, cutRequests.getAndIncrement() == 0));
        // The first request of /stall sends half the body, then nothing for 5 s without closing.
        server.createContext("/stall", ex -> {
            if (stallRequests.getAndIncrement() > 0) {
                serve(ex, false);
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        // Handlers on their own threads: a stalled response must not hold up the retry behind it.
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        downloader = new Downloader(client, 3, 0);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange ex, boolean cut) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "" : range);
        int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
        if (from > 0) {
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
        }
        ex.sendResponseHeaders(from > 0 ? 206 : 200, body.length - from);
        OutputStream out = ex.getResponseBody();
        if (cut) {
            out.write(body, from, (body.length - from) / 2);
            out.flush();
            // An exception escaping the handler makes the server drop the connection mid-body.
            throw new IllegalStateException("cut off on purpose");
        }
        out.write(body, from, body.length - from);
        out.close();
    }

    private RemoteFile remote(String path, String sha256) {
        return new RemoteFile("http://127.0.0.1:" + server.getAddress().getPort() + path, "data.bin", body.length,
                sha256, null, "test");
    }

    private String sha256() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }

    @Test
    void fullDownloadIsCheckedAndRenamedWithProgress() throws Exception {
        List<long[]> progress = new CopyOnWriteArrayList<>();
        Path target = cache.resolve("set/data.bin");
        downloader.download(remote("/file", sha256()), target, (b, t) -> progress.add(new long[] {b, t}), CancelToken.NONE);
        assertThat(Files.readAllBytes(target)).isEqualTo(body);
        assertThat(Downloader.partFile(target)).doesNotExist();
        assertThat(progress.get(progress.size() - 1)).containsExactly(body.length, body.length);
    }

    @Test
    void cutOffDownloadResumesWithRange() throws Exception {
        Path target = cache.resolve("data.bin");
        downloader.download(remote("/cut", sha256()), target, Downloader.Progress.NONE, CancelToken.NONE);
        assertThat(Files.readAllBytes(target)).isEqualTo(body);
        assertThat(ranges).hasSize(2);
        assertThat(ranges.get(0)).isEmpty();
        assertThat(ranges.get(1)).matches("bytes=\\d+-").isNotEqualTo("bytes=0-");
    }

    @Test
    void partFileFromEarlierRunIsResumed() throws Exception {
        Path target = cache.resolve("data.bin");
        Files.write(Downloader.partFile(target), java.util.Arrays.copyOf(body, 1000));
        downloader.download(remote("/file", sha256()), target, Downloader.Progress.NONE, CancelToken.NONE);
        assertThat(ranges).containsExactly("bytes=1000-");
        assertThat(Files.readAllBytes(target)).isEqualTo(body);
    }

    @Test
    void checksumMismatchDeletesPartAndNamesUrlAndFile() {
        Path target = cache.resolve("data.bin");
        RemoteFile wrong = remote("/file", "0".repeat(64));
        assertThatThrownBy(() -> downloader.download(wrong, target, Downloader.Progress.NONE, CancelToken.NONE))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("checksum mismatch for data.bin")
                .hasMessageContaining(wrong.url());
        assertThat(target).doesNotExist();
        assertThat(Downloader.partFile(target)).doesNotExist();
    }

    @Test
    void notFoundIsReportedWithUrl() {
        RemoteFile missing = remote("/missing", null);
        assertThatThrownBy(() -> downloader.download(missing, cache.resolve("x"), Downloader.Progress.NONE, CancelToken.NONE))
                .isInstanceOf(InputException.class).hasMessageContaining("HTTP 404").hasMessageContaining(missing.url());
    }

    @Test
    void cancelStopsAndKeepsPartFile() throws Exception {
        Path target = cache.resolve("data.bin");
        CancelToken cancel = new CancelToken();
        assertThatThrownBy(() -> downloader.download(remote("/file", sha256()), target, (b, t) -> cancel.cancel(), cancel))
                .isInstanceOf(CancellationException.class).hasMessageContaining("cancelled")
                .hasMessageContaining("bytes are kept in " + Downloader.partFile(target));
        assertThat(target).doesNotExist();
        assertThat(Downloader.partFile(target)).exists();
    }

    @Test
    void fileWithoutPublishedSha256IsTrustedOnFirstDownloadAndRecorded() throws Exception {
        Path target = cache.resolve("data.bin");
        downloader.download(remote("/file", null), target, Downloader.Progress.NONE, CancelToken.NONE);
        assertThat(Files.readString(cache.resolve("data.bin.sha256"))).startsWith(sha256());
    }

    @Test
    void aServerThatStallsMidBodyIsCutAfterTheStallLimitAndTheNextAttemptResumes() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Downloader impatient = new Downloader(client, 3, 0, java.time.Duration.ofMillis(400));
        Path target = cache.resolve("stalled.bin");
        long start = System.nanoTime();
        impatient.download(remote("/stall", sha256()), target, Downloader.Progress.NONE, CancelToken.NONE);
        assertThat(Files.readAllBytes(target)).isEqualTo(body);
        assertThat(ranges).containsExactly("bytes=" + body.length / 2 + "-");
        assertThat((System.nanoTime() - start) / 1e9).as("seconds: cut at the stall limit, not after the 5 s pause")
                .isLessThan(4);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aCachedFileThatChangedSinceItsFirstDownloadIsDownloadedAgain() throws Exception {
        Path target = cache.resolve("data.bin");
        RemoteFile unpublished = remote("/file", null);
        downloader.ensure(unpublished, target, Downloader.Progress.NONE, CancelToken.NONE);
        assertThat(target.resolveSibling("data.bin.sha256")).content().startsWith(sha256());
        downloader.ensure(unpublished, target, Downloader.Progress.NONE, CancelToken.NONE);
        assertThat(ranges).hasSize(1); // unchanged: used as it is
        byte[] flipped = body.clone();
        flipped[1234] ^= 1;
        Files.write(target, flipped);
        downloader.ensure(unpublished, target, Downloader.Progress.NONE, CancelToken.NONE);
        assertThat(ranges).hasSize(2);
        assertThat(Files.readAllBytes(target)).isEqualTo(body);
    }
}
