package org.latentexplorer.embed.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.InputException;
import org.latentexplorer.embed.EmbedListener;
import org.latentexplorer.embed.EmbedMethod;
import org.latentexplorer.embed.EmbedOptions;
import org.latentexplorer.embed.EmbedProgress;
import org.latentexplorer.embed.Embedding;
import org.latentexplorer.embed.Embeddings;
import org.latentexplorer.embed.Quality;
import org.latentexplorer.embed.TsneOptions;
import org.latentexplorer.embed.UmapOptions;

/**
 * Benchmark of the embeddings on a CSV of codes ({@code label,z1..zD}, header line), for comparison
 * with {@code ../shared/bench/embed_ref.py} on the same file:
 *
 * <pre>
 * java -cp ... org.latentexplorer.embed.bench.EmbedBenchmark --codes codes.csv|--blobs N --method umap|tsne|pca
 *      [--runs 3] [--out map.csv] [--perplexity 30] [--iterations 1000] [--neighbors 15] [--min-dist 0.1]
 *      [--epochs 0] [--seed 42] [--threads 0 (t-SNE; 0 = all processors)] [--no-quality]
 * </pre>
 * Prints each run's wall and CPU seconds, the load average, the seconds per stage, the median, trustworthiness (k = 10, on 5,000 sampled points) and 5-NN
 * accuracy of the last run, and writes its map as {@code label,x,y} in the codes' order. {@code --blobs N}
 * makes N synthetic 20-D codes instead ({@link Blobs}, seed 1: the scale benchmark of issue 20 item 9).
 */
public final class EmbedBenchmark {
    private EmbedBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path codesPath = null;
        int blobs = 0;
        Path out = null;
        EmbedMethod method = EmbedMethod.UMAP;
        int runs = 1;
        double perplexity = 30;
        int iterations = 1000;
        int neighbors = 15;
        double minDist = 0.1;
        int epochs = 0;
        long seed = 42;
        int threads = 0;
        boolean quality = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--codes" -> codesPath = Path.of(args[++i]);
                case "--blobs" -> blobs = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--method" -> method = EmbedMethod.parse(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--perplexity" -> perplexity = Double.parseDouble(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--neighbors" -> neighbors = Integer.parseInt(args[++i]);
                case "--min-dist" -> minDist = Double.parseDouble(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--no-quality" -> quality = false;
                default -> throw new InputException("unknown argument " + a);
            }
        }
        if ((codesPath == null) == (blobs <= 0)) {
            throw new InputException("give --codes FILE or --blobs N");
        }
        float[][] codes;
        int[] labels;
        if (codesPath != null) {
            List<int[]> labelBox = new ArrayList<>();
            codes = readCodes(codesPath, labelBox);
            labels = labelBox.get(0);
        } else {
            Blobs b = Blobs.of(blobs, 20, 1);
            codes = b.codes();
            labels = b.labels();
        }
        EmbedOptions options = switch (method) {
            case TSNE -> new TsneOptions(perplexity, iterations, 0, 12, 0.5, 400, seed, threads);
            case UMAP -> new UmapOptions(neighbors, minDist, epochs, seed);
            default -> EmbedOptions.defaults(method);
        };
        System.out.printf(Locale.ROOT, "%s n=%d d=%d %s%n", codesPath == null ? "blobs" : codesPath, codes.length, codes[0].length, options.canonical());
        double[] secs = new double[runs];
        Embedding e = null;
        for (int r = 0; r < runs; r++) {
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            StageClock clock = new StageClock(t0);
            e = Embeddings.fit(codes, options, clock, null);
            secs[r] = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %.2f s wall, %.1f s CPU, load %s (%s)%n", r + 1, secs[r], cpu,
                    loadAverage(), clock.summary(System.nanoTime()));
        }
        double[] sorted = secs.clone();
        Arrays.sort(sorted);
        double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
        System.out.printf(Locale.ROOT, "median: %.2f s over %d runs%n", median, runs);
        if (quality) {
            double t10 = Quality.trustworthiness(codes, e.xy(), 10, 5000, 0);
            double acc = Quality.knnAccuracy(e.xy(), labels, 5);
            System.out.printf(Locale.ROOT, "trustworthiness_k10=%.4f knn5_accuracy=%.4f%n", t10, acc);
        }
        if (out != null) {
            Embedding fin = e;
            AtomicFiles.write(out, o -> {
                StringBuilder sb = new StringBuilder("label,x,y\n");
                for (int i = 0; i < codes.length; i++) {
                    sb.append(labels[i]).append(',').append(fin.xy()[i][0]).append(',').append(fin.xy()[i][1]).append('\n');
                }
                o.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    /** CPU time of the whole JVM (all threads, JIT and GC included): under a shared machine's load it
     * says more than wall time does. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    }

    /** Seconds spent in each reported stage (from its first report to the next stage's first). */
    private static final class StageClock implements EmbedListener {
        private final LinkedHashMap<String, Long> starts = new LinkedHashMap<>();
        private final long t0;

        StageClock(long t0) {
            this.t0 = t0;
        }

        @Override
        public void onProgress(EmbedProgress p) {
            starts.putIfAbsent(p.stage(), System.nanoTime());
        }

        String summary(long end) {
            StringBuilder sb = new StringBuilder();
            long prev = t0;
            String prevName = "setup";
            for (var s : starts.entrySet()) {
                sb.append(String.format(Locale.ROOT, "%s %.1f s, ", prevName, (s.getValue() - prev) / 1e9));
                prev = s.getValue();
                prevName = s.getKey();
            }
            return sb.append(String.format(Locale.ROOT, "%s %.1f s", prevName, (end - prev) / 1e9)).toString();
        }
    }

    /** Reads {@code label,z1..zD} rows, skipping a non-numeric header; puts the labels in {@code labelsOut}. */
    public static float[][] readCodes(Path path, List<int[]> labelsOut) throws IOException {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(path)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.trim().split(",");
                if (parts.length < 2 || !Character.isDigit(parts[0].charAt(parts[0].startsWith("-") ? 1 : 0))) {
                    continue;
                }
                float[] z = new float[parts.length - 1];
                for (int c = 1; c < parts.length; c++) {
                    z[c - 1] = Float.parseFloat(parts[c]);
                }
                labels.add((int) Double.parseDouble(parts[0]));
                rows.add(z);
            }
        }
        labelsOut.add(labels.stream().mapToInt(Integer::intValue).toArray());
        return rows.toArray(new float[0][]);
    }
}
