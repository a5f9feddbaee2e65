package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.common.OutputPaths;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetCache;
import org.latentexplorer.embed.AxesOptions;
import org.latentexplorer.embed.EmbedOptions;
import org.latentexplorer.embed.Embedding;
import org.latentexplorer.embed.EmbeddingCache;
import org.latentexplorer.embed.PcaOptions;
import org.latentexplorer.embed.Quality;
import org.latentexplorer.embed.TsneOptions;
import org.latentexplorer.embed.UmapOptions;
import org.latentexplorer.model.ModelBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code embed}: a 2-D map of a data set's posterior means ({@code label,x,y} rows in data-set order). */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Project a data set's latent codes to 2-D with PCA, t-SNE or UMAP (cached on disk).")
public final class EmbedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true)
    Path model;
    @Option(names = "--dataset", required = true, description = "data set name or path")
    String dataset;
    @Option(names = "--split", defaultValue = "test", description = "train, test (default) or all")
    String split;
    @Option(names = "--method", required = true, description = "pca, tsne, umap or axes (two latent dimensions)")
    String method;
    @Option(names = "--limit", defaultValue = "0", description = "the first N examples only (0: all)")
    int limit;
    @Option(names = "--perplexity", defaultValue = "30", description = "t-SNE perplexity (default 30)")
    double perplexity;
    @Option(names = "--iterations", defaultValue = "1000", description = "t-SNE iterations (default 1000)")
    int iterations;
    @Option(names = "--learning-rate", defaultValue = "0", description = "t-SNE learning rate (0: automatic)")
    double learningRate;
    @Option(names = "--exaggeration", defaultValue = "12", description = "t-SNE early exaggeration (default 12)")
    double exaggeration;
    @Option(names = "--neighbors", defaultValue = "15", description = "UMAP neighbours (default 15)")
    int neighbors;
    @Option(names = "--min-dist", defaultValue = "0.1", description = "UMAP minimum distance (default 0.1)")
    double minDist;
    @Option(names = "--epochs", defaultValue = "0", description = "UMAP epochs (0: automatic)")
    int epochs;
    @Option(names = "--dims", defaultValue = "1,2", description = "axes: the two latent dimensions, 1-based")
    String dims;
    @Option(names = "--seed", defaultValue = "42")
    long seed;
    @Option(names = "--no-cache", description = "recompute even when a cached result exists")
    boolean noCache;
    @Option(names = "--out", required = true, description = "CSV file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        OutputPaths.checkWritable(out, "--out");
        PrintWriter o = spec.commandLine().getOut();
        EmbedOptions options = options();
        CancelToken cancel = CliSupport.cancelOnInterrupt();
        try (ModelBundle bundle = CliSupport.model(model)) {
            Dataset data = CliSupport.dataset(dataset, split, limit, spec.commandLine().getErr(), cancel);
            float[][] codes = CodesCommand.encodeAll(bundle, data, cancel);
            long start = System.nanoTime();
            // By content, not by path or date: a rewritten data file or a retrained model is a new key.
            EmbeddingCache.Key key = new EmbeddingCache.Key(EmbeddingCache.sha256(model),
                    data.fingerprint() + "/" + split, options);
            EmbeddingCache cache = new EmbeddingCache(DatasetCache.fromEnvironment().dir().resolve("embeddings"));
            Embedding e = noCache ? org.latentexplorer.embed.Embeddings.fit(codes, options, null, cancel)
                    : cache.getOrCompute(key, codes, null, cancel);
            if (noCache) {
                cache.store(key, e);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<String> lines = new ArrayList<>(e.size());
            for (int i = 0; i < e.size(); i++) {
                lines.add((data.hasLabels() ? data.labels()[i] : -1) + "," + e.xy()[i][0] + "," + e.xy()[i][1]);
            }
            CliSupport.writeCsv(out, "label,x,y", lines);
            o.printf(Locale.ROOT, "%s of %d codes in %.1f s -> %s%n", options.method().cliName(), e.size(), seconds, out);
            // k = 10 as in the benchmarks; a small map (--limit 20) gets the largest k it allows.
            int k = Math.min(10, (e.size() - 1) / 2);
            if (k >= 1) {
                o.printf(Locale.ROOT, "trustworthiness (k=%d) %.4f%n", k,
                        Quality.trustworthiness(codes, e.xy(), k, 5000, seed));
            }
            if (data.hasLabels() && e.size() > 5) {
                o.printf(Locale.ROOT, "5-NN label accuracy %.4f%n", Quality.knnAccuracy(e.xy(), data.labels(), 5));
            }
        }
        return 0;
    }

    private EmbedOptions options() {
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "pca" -> new PcaOptions();
            case "tsne", "t-sne" -> new TsneOptions(perplexity, iterations, learningRate, exaggeration, 0.5, 400, seed);
            case "umap" -> new UmapOptions(neighbors, minDist, epochs, seed);
            case "axes" -> {
                int[] d = GridCommand.parseDims(dims);
                yield new AxesOptions(d[0], d[1]);
            }
            default -> throw new InputException("--method must be pca, tsne, umap or axes, got '" + method + "'");
        };
    }

}
