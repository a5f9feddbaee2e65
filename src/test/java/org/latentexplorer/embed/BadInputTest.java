package org.latentexplorer.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.InputException;

class BadInputTest {
    private static final Duration NO_HANG = Duration.ofSeconds(10);
    private static final float[][] FIFTY = Blobs.make(2, 25, 5, 3).codes();

    @Test
    void perplexityOfAThirdOfThePointsOrMoreIsRefused() {
        assertTimeoutPreemptively(NO_HANG, () ->
                assertThatThrownBy(() -> Embeddings.fit(FIFTY, new TsneOptions(17, 250), null, null))
                        .isInstanceOf(InputException.class)
                        .hasMessageContaining("perplexity 17.0").hasMessageContaining("50 codes"));
        Embedding ok = Embeddings.fit(FIFTY, new TsneOptions(16, 250), null, null);
        assertThat(ok.size()).isEqualTo(50);
    }

    @Test
    void neighboursAtLeastThePointCountAreRefused() {
        assertThatThrownBy(() -> Embeddings.fit(FIFTY, new UmapOptions(50, 0.1, 50, 1), null, null))
                .isInstanceOf(InputException.class).hasMessageContaining("neighbours 50");
        assertThatThrownBy(() -> Quality.knnAccuracy(FIFTY, new int[50], 50))
                .isInstanceOf(InputException.class).hasMessageContaining("k = 50");
        assertThatThrownBy(() -> Quality.trustworthiness(FIFTY, FIFTY, 25))
                .isInstanceOf(InputException.class).hasMessageContaining("k = 25");
    }

    @Test
    void fewerThanThreePointsAreRefused() {
        float[][] two = {{1, 2}, {3, 4}};
        for (EmbedMethod m : EmbedMethod.values()) {
            assertThatThrownBy(() -> Embeddings.fit(two, EmbedOptions.defaults(m), null, null))
                    .isInstanceOf(InputException.class).hasMessageContaining("at least 3 codes, got 2");
        }
        assertThatThrownBy(() -> Embeddings.fit(new float[0][], new PcaOptions(), null, null))
                .isInstanceOf(InputException.class);
    }

    @Test
    void nanCodesAreRefusedWithTheirPosition() {
        float[][] codes = Blobs.make(2, 10, 3, 1).codes();
        codes[7][2] = Float.NaN;
        assertThatThrownBy(() -> Embeddings.fit(codes, new UmapOptions(5, 0.1, 20, 1), null, null))
                .isInstanceOf(InputException.class).hasMessageContaining("row 7, dimension 2 is NaN");
        codes[7][2] = Float.POSITIVE_INFINITY;
        assertThatThrownBy(() -> Embeddings.fit(codes, new PcaOptions(), null, null))
                .isInstanceOf(InputException.class).hasMessageContaining("Infinity");
    }

    @Test
    void allIdenticalCodesAreRefusedButSomeDuplicatesWork() {
        float[][] same = new float[40][4];
        for (float[] r : same) {
            java.util.Arrays.fill(r, 0.5f);
        }
        for (EmbedMethod m : new EmbedMethod[] {EmbedMethod.PCA, EmbedMethod.TSNE, EmbedMethod.UMAP}) {
            assertThatThrownBy(() -> Embeddings.fit(same, EmbedOptions.defaults(m) instanceof TsneOptions
                    ? new TsneOptions(5, 250) : EmbedOptions.defaults(m), null, null))
                    .isInstanceOf(InputException.class).hasMessageContaining("identical");
        }
        // Half the codes at one point, half spread: every method finishes with finite positions.
        float[][] dup = Blobs.make(2, 100, 4, 8).codes();
        for (int i = 0; i < 100; i++) {
            dup[i] = dup[0].clone();
        }
        assertTimeoutPreemptively(NO_HANG, () -> {
            for (EmbedOptions o : new EmbedOptions[] {new PcaOptions(), new TsneOptions(10, 300, 0, 12, 0.5, 0, 1),
                    new TsneOptions(10, 300), new UmapOptions(10, 0.1, 100, 1)}) {
                Embedding e = Embeddings.fit(dup, o, null, null);
                for (float[] p : e.xy()) {
                    assertThat(p[0]).as(o.canonical()).isFinite();
                    assertThat(p[1]).as(o.canonical()).isFinite();
                }
            }
        });
    }

    @Test
    void optionsRejectValuesOutOfRangeNamingThem() {
        assertThatThrownBy(() -> new TsneOptions(-1, 1000)).isInstanceOf(InputException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> new TsneOptions(30, 10)).isInstanceOf(InputException.class).hasMessageContaining("10");
        assertThatThrownBy(() -> new TsneOptions(30, 1000, Double.NaN, 12, 0.5, 400, 1))
                .isInstanceOf(InputException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new UmapOptions(1, 0.1, 0, 1)).isInstanceOf(InputException.class).hasMessageContaining("1");
        assertThatThrownBy(() -> new UmapOptions(15, 1.5, 0, 1)).isInstanceOf(InputException.class).hasMessageContaining("1.5");
        assertThatThrownBy(() -> new AxesOptions(2, 2)).isInstanceOf(InputException.class).hasMessageContaining("2 twice");
        assertThatThrownBy(() -> Embeddings.fit(FIFTY, new AxesOptions(0, 9), null, null))
                .isInstanceOf(InputException.class).hasMessageContaining("dimension 9");
        assertThatThrownBy(() -> EmbedMethod.parse("lda")).isInstanceOf(InputException.class).hasMessageContaining("lda");
    }
}
