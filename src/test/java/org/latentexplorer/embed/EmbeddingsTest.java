package org.latentexplorer.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EmbeddingsTest {
    private static final Blobs BLOBS = Blobs.make(4, 60, 10, 1);

    static Stream<EmbedOptions> methods() {
        return Stream.of(new PcaOptions(), new AxesOptions(0, 1),
                new TsneOptions(20, 500, 0, 12, 0.5, 400, 3),   // Smile's exact t-SNE (n = 240)
                new TsneOptions(20, 500, 0, 12, 0.5, 0, 3),     // Barnes-Hut
                new UmapOptions(15, 0.1, 200, 3));
    }

    @ParameterizedTest
    @MethodSource("methods")
    void separatedBlobsStaySeparated(EmbedOptions options) {
        List<EmbedProgress> reports = new ArrayList<>();
        Embedding e = Embeddings.fit(BLOBS.codes(), options, reports::add, null);

        assertThat(e.xy()).hasDimensions(240, 2);
        assertThat(e.method()).isEqualTo(options.method());
        double minAccuracy = options instanceof AxesOptions ? 0.6 : 0.98; // two raw axes may overlap blobs
        assertThat(Quality.knnAccuracy(e.xy(), BLOBS.labels(), 5)).isGreaterThanOrEqualTo(minAccuracy);
        assertThat(reports).isNotEmpty();
        EmbedProgress last = reports.getLast();
        assertThat(last.layout()).hasSize(480);
        assertThat(last.iteration()).isEqualTo(last.total());
    }

    @ParameterizedTest
    @MethodSource("methods")
    void newPointsLandAmongTheirBlob(EmbedOptions options) {
        Embedding e = Embeddings.fit(BLOBS.codes(), options, null, null);
        // Slightly perturbed copies of blob members must be placed next to members of the same blob.
        float[][] probes = new float[8][];
        int[] probeLabels = new int[8];
        for (int p = 0; p < probes.length; p++) {
            int src = p * 29;
            probes[p] = BLOBS.codes()[src].clone();
            probes[p][0] += 0.1f;
            probeLabels[p] = BLOBS.labels()[src];
        }
        float[][] placed = e.transform(probes);
        assertThat(placed).hasDimensions(8, 2);
        for (int p = 0; p < probes.length; p++) {
            int nearest = nearest(e.xy(), placed[p]);
            if (!(options instanceof AxesOptions)) {
                assertThat(BLOBS.labels()[nearest]).as("probe %d", p).isEqualTo(probeLabels[p]);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void sameSeedGivesSameMap() {
        UmapOptions o = new UmapOptions(10, 0.1, 50, 9);
        Embedding a = Embeddings.fit(BLOBS.codes(), o, null, null);
        Embedding b = Embeddings.fit(BLOBS.codes(), o, null, null);
        assertThat(a.xy()).isDeepEqualTo(b.xy());
    }

    @org.junit.jupiter.api.Test
    void pcaFindsTheDirectionOfLargestVariance() {
        // Points on a line along (3, 4) / 5 plus tiny noise: the first axis must be that direction.
        float[][] codes = new float[50][2];
        for (int i = 0; i < 50; i++) {
            codes[i][0] = 3 * (i - 25) / 5f + (i % 2) * 0.01f;
            codes[i][1] = 4 * (i - 25) / 5f - (i % 3) * 0.01f;
        }
        Embedding e = Embeddings.fit(codes, new PcaOptions(), null, null);
        for (int i = 0; i < 50; i++) {
            assertThat(Math.abs(e.xy()[i][0])).isCloseTo(Math.abs(i - 24.5f), org.assertj.core.data.Offset.offset(0.05f));
            assertThat(Math.abs(e.xy()[i][1])).isLessThan(0.05f);
        }
    }

    static int nearest(float[][] xy, float[] p) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xy.length; i++) {
            double dx = xy[i][0] - p[0];
            double dy = xy[i][1] - p[1];
            if (dx * dx + dy * dy < bestD) {
                bestD = dx * dx + dy * dy;
                best = i;
            }
        }
        return best;
    }
}
