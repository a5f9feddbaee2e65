package org.latentexplorer.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {
    private static final Blobs BLOBS = Blobs.make(3, 40, 6, 2);

    @Test
    void secondCallIsAHitAndAChangedParameterIsAMiss(@TempDir Path dir) throws Exception {
        EmbeddingCache cache = new EmbeddingCache(dir);
        UmapOptions o = new UmapOptions(10, 0.1, 100, 1);
        EmbeddingCache.Key key = new EmbeddingCache.Key("model-abc", "blobs", o);

        Embedding first = cache.getOrCompute(key, BLOBS.codes(), null, null);
        assertThat(Files.exists(cache.path(key))).isTrue();

        List<EmbedProgress> reports = new ArrayList<>();
        long t0 = System.nanoTime();
        Embedding second = cache.getOrCompute(key, BLOBS.codes(), reports::add, null);
        assertThat((System.nanoTime() - t0) / 1e6).isLessThan(500);
        assertThat(reports).singleElement().extracting(EmbedProgress::stage).isEqualTo("cached");
        assertThat(second.xy()).isDeepEqualTo(first.xy());
        assertThat(second.model()).containsExactly(first.model());
        // The reloaded map still places new points (it is attached to the codes again).
        assertThat(second.transform(new float[][] {BLOBS.codes()[0]})[0]).hasSize(2);

        EmbeddingCache.Key changed = new EmbeddingCache.Key("model-abc", "blobs", new UmapOptions(10, 0.2, 100, 1));
        EmbeddingCache.Key otherSeed = new EmbeddingCache.Key("model-abc", "blobs", o.withSeed(2));
        EmbeddingCache.Key otherModel = new EmbeddingCache.Key("model-xyz", "blobs", o);
        for (EmbeddingCache.Key k : List.of(changed, otherSeed, otherModel)) {
            assertThat(cache.load(k, BLOBS.codes())).as(k.text()).isEmpty();
            assertThat(cache.path(k)).isNotEqualTo(cache.path(key));
        }
    }

    @Test
    void pcaMapsRoundTripWithTheirAxes(@TempDir Path dir) throws Exception {
        EmbeddingCache cache = new EmbeddingCache(dir);
        EmbeddingCache.Key key = new EmbeddingCache.Key("m", "d", new PcaOptions());
        Embedding made = cache.getOrCompute(key, BLOBS.codes(), null, null);
        Embedding loaded = cache.load(key, BLOBS.codes()).orElseThrow();
        float[][] probe = {BLOBS.codes()[5]};
        assertThat(loaded.transform(probe)[0]).containsExactly(made.transform(probe)[0]);
    }

    @Test
    void damagedOrMismatchedFilesAreMisses(@TempDir Path dir) throws Exception {
        EmbeddingCache cache = new EmbeddingCache(dir);
        EmbeddingCache.Key key = new EmbeddingCache.Key("m", "d", new PcaOptions());
        cache.getOrCompute(key, BLOBS.codes(), null, null);
        // Fewer codes than the stored map (e.g. another --limit under the same id) is a miss.
        assertThat(cache.load(key, java.util.Arrays.copyOf(BLOBS.codes(), 10))).isEmpty();
        Files.write(cache.path(key), new byte[] {1, 2, 3});
        assertThat(cache.load(key, BLOBS.codes())).isEmpty();
        assertThat(cache.getOrCompute(key, BLOBS.codes(), null, null).size()).isEqualTo(120);
    }

    @Test
    void otherCodesOfTheSameCountAreAMissAndTheStaleMapIsReplaced(@TempDir Path dir) throws Exception {
        EmbeddingCache cache = new EmbeddingCache(dir);
        EmbeddingCache.Key key = new EmbeddingCache.Key("m", "d", new PcaOptions());
        cache.getOrCompute(key, BLOBS.codes(), null, null);
        // A data file rewritten with other images of the same count, under the same key.
        float[][] other = new float[BLOBS.codes().length][];
        for (int i = 0; i < other.length; i++) {
            other[i] = BLOBS.codes()[i].clone();
            other[i][0] += 1f;
        }
        assertThat(cache.load(key, other)).isEmpty();
        assertThat(Files.exists(cache.path(key))).isFalse();
        Embedding fresh = cache.getOrCompute(key, other, null, null);
        assertThat(cache.load(key, other).orElseThrow().xy()).isDeepEqualTo(fresh.xy());
    }

    @Test
    void poisonedCountsAreAMissAndTheFileIsDeletedWithoutAllocating(@TempDir Path dir) throws Exception {
        EmbeddingCache cache = new EmbeddingCache(dir);
        EmbeddingCache.Key key = new EmbeddingCache.Key("m", "d", new PcaOptions());
        cache.getOrCompute(key, BLOBS.codes(), null, null);
        byte[] good = Files.readAllBytes(cache.path(key));
        // magic, version, key (UTF), digest (32), n, cost, model length: make the model length 2^31 - 1
        int modelLengthAt = 8 + 2 + key.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 32 + 4 + 8;
        java.nio.ByteBuffer.wrap(good).putInt(modelLengthAt, Integer.MAX_VALUE);
        Files.write(cache.path(key), good);
        assertThat(cache.load(key, BLOBS.codes())).isEmpty();
        assertThat(Files.exists(cache.path(key))).isFalse();
        assertThat(cache.getOrCompute(key, BLOBS.codes(), null, null).size()).isEqualTo(120);
    }

    @Test
    void bundleIdentityIsItsContentNotItsPathOrDate(@TempDir Path dir) throws Exception {
        Path a = Files.write(dir.resolve("a.lexb"), new byte[] {1, 2, 3});
        Path b = Files.write(dir.resolve("b.lexb"), new byte[] {1, 2, 3});
        assertThat(EmbeddingCache.sha256(a)).isEqualTo(EmbeddingCache.sha256(b)).startsWith("sha256:");
        Files.write(a, new byte[] {1, 2, 4});
        assertThat(EmbeddingCache.sha256(a)).isNotEqualTo(EmbeddingCache.sha256(b));
    }
}
