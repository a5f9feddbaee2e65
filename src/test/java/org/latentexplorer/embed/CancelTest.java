package org.latentexplorer.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentexplorer.common.CancelToken;

class CancelTest {
    private static final float[][] CODES = Blobs.make(5, 1000, 10, 4).codes();
    private static final float[][] SMALL = Blobs.make(5, 80, 10, 4).codes();

    static Stream<EmbedOptions> slowMethods() {
        return Stream.of(new TsneOptions(30, 100_000, 0, 12, 0.5, 0, 1),
                new TsneOptions(30, 100_000, 0, 12, 0.5, 0, 1, 2), // Barnes-Hut forces on two threads
                new TsneOptions(30, 100_000, 0, 12, 0.5, 5000, 1), // Smile's exact t-SNE, cancelled through its controller
                new UmapOptions(15, 0.1, 10_000, 1));
    }

    @ParameterizedTest
    @MethodSource("slowMethods")
    void cancelStopsWithinASecond(EmbedOptions options) throws Exception {
        float[][] codes = options instanceof TsneOptions t && t.exactMaxPoints() > 0 ? SMALL : CODES;
        assertCancelStopsWithinASecond(codes, options, "layout");
    }

    @org.junit.jupiter.api.Test
    void cancelStopsTheApproximateNeighbourSearchWithinASecond() throws Exception {
        // Enough points for NN-descent (KnnGraph.APPROXIMATE_FROM); cancelled at its first progress report.
        float[][] many = Blobs.make(5, KnnGraph.APPROXIMATE_FROM / 5 + 1000, 10, 4).codes();
        assertCancelStopsWithinASecond(many, new UmapOptions(15, 0.1, 10_000, 1), "neighbours");
    }

    /** Starts the fit, cancels at the first report of {@code stage}, and expects it gone within a second. */
    private static void assertCancelStopsWithinASecond(float[][] codes, EmbedOptions options, String stage)
            throws Exception {
        CancelToken token = new CancelToken();
        CountDownLatch reached = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = Thread.ofPlatform().start(() -> {
            try {
                Embeddings.fit(codes, options, p -> {
                    if (p.stage().equals(stage)) {
                        reached.countDown();
                    }
                }, token);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        assertThat(reached.await(30, TimeUnit.SECONDS)).as(stage + " reported").isTrue();
        long t0 = System.nanoTime();
        token.cancel();
        worker.join(1000);
        assertThat(worker.isAlive()).as("still running 1 s after cancel").isFalse();
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(1.0);
        assertThat(outcome.get()).isInstanceOf(CancellationException.class);
    }
}
