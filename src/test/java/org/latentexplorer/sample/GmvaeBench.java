package org.latentexplorer.sample;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.eval.ClusterMetrics;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.Models;
import org.latentexplorer.model.SameDiffModel;
import org.latentexplorer.model.TinyData;
import org.latentexplorer.train.EpochStats;
import org.latentexplorer.train.TrainConfig;
import org.latentexplorer.train.Trainer;
import org.latentexplorer.train.TrainingListener;

/**
 * Clustering benchmark of the GMVAE (and of k-means / GMM on a plain VAE's codes). Not a unit test:
 * run with
 * <pre>
 * mvn -o -q test -Dtest=GmvaeBench -Dsurefire.excludedGroups= -Dbench.data=mnist -Dbench.epochs=10 ...
 * </pre>
 * Properties (bench.*): data (tiny, mnist, fashion, fashion60k), model (gmvae, vae), n, epochs, k, w, z,
 * hidden (e.g. 512,256), lr, jointLr (of the joint epochs after a pre-trained start; default the model's: lr / 10, lr / 100 after pretrainVae), batch, freeBits, meanBound, pretrain (autoencoder epochs before the VaDE-style
 * k-means start, 0 for none), init (kmeans, umap, umap-gmm, umap-gmm-codes; default umap-gmm), layouts (UMAP layouts of the start; default 5), pretrainNoise (true: the autoencoder epochs decode q(z|x) samples), pretrainVae (true: the start pre-trains a plain VAE), runs (pre-training runs of the start; default 1), layoutMetric (euclidean, cosine; default euclidean), layoutChoice (agreement, likelihood; default agreement, the protocol of sessions 3–7, unlike train, whose default is likelihood since session 8), seeds (e.g. 1,2,3), binarize, warmup, fit (kmeans, gmm),
 * evalEvery (cluster metrics every N epochs and at the last; default 1).
 * Prints one line per epoch and a summary line per seed.
 */
@Tag("benchmark")
public class GmvaeBench {
    private static String p(String key, String def) {
        return System.getProperty("bench." + key, def);
    }

    /** The same run outside Maven: {@code java -cp … org.latentexplorer.sample.GmvaeBench} with -Dbench.* properties. */
    public static void main(String[] args) throws IOException {
        new GmvaeBench().run();
    }

    @Test
    void run() throws IOException {
        String data = p("data", "mnist");
        Dataset train = load(data, true);
        Dataset test = data.startsWith("fashion") ? load("fashion", false) : train;
        int n = Integer.parseInt(p("n", "0"));
        if (n > 0) {
            train = train.limit(n);
        }
        String model = p("model", "gmvae");
        int k = Integer.parseInt(p("k", "10"));
        List<Integer> hidden = Arrays.stream(p("hidden", "512,256").split(",")).map(Integer::parseInt).toList();
        int z = Integer.parseInt(p("z", "10"));
        List<Double> accs = new ArrayList<>();
        for (String s : p("seeds", "1").split(",")) {
            long seed = Long.parseLong(s);
            Map<String, Object> gmvae = new java.util.HashMap<>(Map.ofEntries(Map.entry("clusters", k),
                    Map.entry("wDim", Integer.parseInt(p("w", "2"))),
                    Map.entry("priorHidden", Integer.parseInt(p("priorHidden", "64"))),
                    Map.entry("yHidden", Integer.parseInt(p("yHidden", "64"))),
                    Map.entry("meanBound", Double.parseDouble(p("meanBound", "3"))),
                    Map.entry("yFreeBits", Double.parseDouble(p("freeBits", "0.5"))),
                    Map.entry("pretrainEpochs", Integer.parseInt(p("pretrain", "0"))),
                    Map.entry("initClustering", p("init", "umap-gmm")), Map.entry("initLayouts", Integer.parseInt(p("layouts", "5"))),
                    Map.entry("pretrainNoise", Boolean.parseBoolean(p("pretrainNoise", "false"))),
                    Map.entry("pretrainVae", Boolean.parseBoolean(p("pretrainVae", "false"))),
                    Map.entry("initRuns", Integer.parseInt(p("runs", "1"))),
                    Map.entry("layoutMetric", p("layoutMetric", "euclidean")),
                    Map.entry("layoutChoice", p("layoutChoice", "agreement"))));
            if (System.getProperty("bench.jointLr") != null) {
                // Absent the property, the model's own default (SameDiffGmvae#jointLearningRate).
                gmvae.put("jointLr", Double.parseDouble(p("jointLr", "")));
            }
            ModelConfig cfg = model.equals("vae")
                    ? new ModelConfig("vae", "dense", train.shape(), z, hidden, Likelihood.BERNOULLI, "unit", data, List.of(), Map.of())
                    : new ModelConfig("gmvae", "dense", train.shape(), z, hidden, Likelihood.BERNOULLI, "unit", data,
                    List.of(), gmvae);
            SameDiffModel m = Models.create(cfg, seed);
            TrainConfig tc = new TrainConfig(Integer.parseInt(p("epochs", "5")), Integer.parseInt(p("batch", "128")),
                    Double.parseDouble(p("lr", "1e-3")), 0, 1, Integer.parseInt(p("warmup", "0")), 0.0, 0,
                    Binarization.parse(p("binarize", "dynamic")), seed);
            Dataset evalSet = test;
            float[][] xs = TinyData.rows(evalSet);
            double[] last = new double[1];
            long t0 = System.nanoTime();
            Trainer.train(m, train, tc, "bench", null, new TrainingListener() {
                @Override
                public void onEpoch(EpochStats st) {
                    if ((st.epoch() + 1) % Integer.parseInt(p("evalEvery", "1")) != 0 && st.epoch() + 1 != tc.epochs()) {
                        System.out.printf("BENCH seed %d epoch %d %.1fs loss %.2f%n", seed, st.epoch() + 1, st.seconds(), st.trainLoss());
                        return;
                    }
                    ClusterModel c = model.equals("vae") ? FittedMixture.fit(m, xs, k, FittedMixture.Method.parse(p("fit", "kmeans")), seed)
                            : ClusterModels.of(m);
                    int[] a = c.assign(xs);
                    ClusterMetrics cm = ClusterMetrics.compute(evalSet.labels(), a, evalSet.labelNames().size(), c.clusterCount());
                    last[0] = cm.accuracy();
                    int[] sizes = cm.clusters().stream().mapToInt(ClusterMetrics.Cluster::size).toArray();
                    System.out.printf("BENCH seed %d epoch %d %.1fs loss %.2f %s acc %.4f nmi %.4f ari %.4f sizes %s%n", seed,
                            st.epoch() + 1, st.seconds(), st.trainLoss(), fmt(st.trainTerms()), cm.accuracy(), cm.nmi(), cm.ari(),
                            Arrays.toString(sizes));
                }

                @Override
                public void onMessage(String msg) {
                    if (msg.startsWith("Mixture started")) {
                        ClusterModel c = ClusterModels.of(m);
                        ClusterMetrics cm = ClusterMetrics.compute(evalSet.labels(), c.assign(xs), evalSet.labelNames().size(), c.clusterCount());
                        System.out.printf("BENCH seed %d after init acc %.4f nmi %.4f%n", seed, cm.accuracy(), cm.nmi());
                    }
                    System.out.println("BENCH message: " + msg);
                }
            }, CancelToken.NONE);
            accs.add(last[0]);
            if (Boolean.parseBoolean(p("robust", "true"))) {
                // Sánchez Martín (2018) Experiment 4: log-likelihood on clean and corrupted test inputs.
                var ev = org.latentexplorer.eval.Evaluator.evaluate(m, evalSet,
                        new org.latentexplorer.eval.Evaluator.Options(Integer.parseInt(p("iw", "50")),
                                Integer.parseInt(p("robustN", "500")), true, true, seed), f -> { }, CancelToken.NONE);
                System.out.printf("BENCH seed %d robustness %s corrupted %s%n", seed, model, ev.corrupted());
            }
            System.out.printf("BENCH seed %d final acc %.4f total %.0fs%n", seed, last[0], (System.nanoTime() - t0) / 1e9);
        }
        double mean = accs.stream().mapToDouble(d -> d).average().orElse(Double.NaN);
        double sd = Math.sqrt(accs.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / Math.max(1, accs.size() - 1));
        System.out.printf("BENCH summary acc %.4f ± %.4f over %d seeds %s%n", mean, sd, accs.size(), accs);
    }

    private static String fmt(Map<String, Double> t) {
        StringBuilder b = new StringBuilder();
        t.forEach((k, v) -> b.append(k).append(String.format(" %.2f ", v)));
        return b.toString().trim();
    }

    public static Dataset load(String name, boolean train) throws IOException {
        return switch (name) {
            case "tiny" -> TinyData.twoPrototypes(512, 1);
            case "mnist" -> idx("mnist", "/work/main/assets/mnist/images-idx3-ubyte.gz", "/work/main/assets/mnist/labels-idx1-ubyte.gz");
            case "fashion" -> idx("fashion-test", "/work/main/assets/fashion-mnist/t10k-images-idx3-ubyte.gz",
                    "/work/main/assets/fashion-mnist/t10k-labels-idx1-ubyte.gz");
            case "fashion60k" -> idx("fashion-train", "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz",
                    "/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz");
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Minimal IDX reader for the benchmark (the data package has the real one). */
    private static Dataset idx(String id, String images, String labels) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(Path.of(images))));
             DataInputStream lin = new DataInputStream(new GZIPInputStream(Files.newInputStream(Path.of(labels))))) {
            in.readInt();
            int n = in.readInt(), h = in.readInt(), w = in.readInt();
            byte[] raw = in.readNBytes(n * h * w);
            float[] v = new float[raw.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = (raw[i] & 0xff) / 255f;
            }
            lin.readInt();
            lin.readInt();
            byte[] lb = lin.readNBytes(n);
            int[] l = new int[n];
            for (int i = 0; i < n; i++) {
                l[i] = lb[i];
            }
            return new Dataset(id, ImageShape.grey(h, w), n, v, l, IntStream.range(0, 10).mapToObj(String::valueOf).toList());
        }
    }
}
