package org.latentexplorer.embed;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs every embedding method, the quality scores and the cache, then checks that no BLAS, LAPACK or
 * ARPACK library was mapped into this process. Started by {@link NativeFreeTest} in a JVM with empty
 * library paths; exits 0 when all is well.
 */
public final class NativeFreeProbe {
    private NativeFreeProbe() {
    }

    public static void main(String[] args) throws Exception {
        Blobs b = Blobs.make(3, 60, 8, 5);
        for (EmbedMethod m : EmbedMethod.values()) {
            EmbedOptions o = switch (m) {
                case TSNE -> new TsneOptions(10, 300);
                case UMAP -> new UmapOptions(10, 0.1, 50, 1);
                default -> EmbedOptions.defaults(m);
            };
            Embedding e = Embeddings.fit(b.codes(), o, null, null);
            e.transform(new float[][] {b.codes()[0]});
            System.out.println(o.canonical() + " knn5=" + Quality.knnAccuracy(e.xy(), b.labels(), 5));
        }
        Embedding bh = Embeddings.fit(b.codes(), new TsneOptions(10, 300, 0, 12, 0.5, 0, 1), null, null);
        System.out.println("bh-tsne T10=" + Quality.trustworthiness(b.codes(), bh.xy(), 10));
        Path dir = Files.createTempDirectory("probe-cache");
        EmbeddingCache cache = new EmbeddingCache(dir);
        cache.getOrCompute(new EmbeddingCache.Key("m", "d", new PcaOptions()), b.codes(), null, null);
        String maps = Files.readString(Path.of("/proc/self/maps"));
        for (String lib : new String[] {"openblas", "libblas", "lapack", "arpack", "mkl_rt"}) {
            if (maps.contains(lib)) {
                System.out.println("NATIVE LIBRARY LOADED: " + lib);
                System.exit(2);
            }
        }
        System.out.println("NATIVE-FREE OK");
    }
}
