package org.latentexplorer.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.Models;
import org.latentexplorer.model.SameDiffGmvae;
import org.latentexplorer.sample.GmvaeBench;

/**
 * Benchmark helper, not a test: runs only the GMVAE start's autoencoder epochs (as {@code train
 * --model gmvae --pretrain E} does) and writes the standardised codes of the training images, with
 * their labels, as CSV — the input of the start's clustering, for studying that clustering offline.
 * <pre>
 * java -cp … -Dbench.data=fashion60k -Dbench.pretrain=30 -Dbench.seed=1 -Dbench.binarize=dynamic -Dbench.hidden=512,256 -Dbench.out=codes.csv \
 *     org.latentexplorer.train.StartCodesDump
 * </pre>
 */
public final class StartCodesDump {
    private StartCodesDump() {
    }

    public static void main(String[] args) throws IOException {
        String data = System.getProperty("bench.data", "mnist");
        long seed = Long.parseLong(System.getProperty("bench.seed", "1"));
        int pretrain = Integer.parseInt(System.getProperty("bench.pretrain", "30"));
        Dataset train = GmvaeBench.load(data, true);
        ModelConfig mc = new ModelConfig("gmvae", "dense", train.shape(), 10, java.util.Arrays.stream(System.getProperty("bench.hidden", "512,256").split(","))
                .map(Integer::parseInt).toList(), Likelihood.BERNOULLI,
                "unit", data, List.of(), Map.of("clusters", 10, "pretrainEpochs", pretrain,
                "pretrainNoise", Boolean.getBoolean("bench.pretrainNoise"), "pretrainVae", Boolean.getBoolean("bench.pretrainVae")));
        SameDiffGmvae m = (SameDiffGmvae) Models.create(mc, seed);
        TrainConfig tc = new TrainConfig(10, 128, 1e-3, 0, 1, 0, 0.0, 0,
                Binarization.parse(System.getProperty("bench.binarize", "dynamic")), seed);
        // -Dbench.dumpAt=30,100,300: also write the raw (unstandardised) codes after those autoencoder epochs
        // to OUT-eE.csv, to see how the start's clusters change with a longer autoencoder phase in one run.
        java.util.Set<Integer> dumpAt = new java.util.HashSet<>();
        for (String e : System.getProperty("bench.dumpAt", "").split(",")) {
            if (!e.isBlank()) {
                dumpAt.add(Integer.parseInt(e.trim()));
            }
        }
        float[][] rows = GmvaeInit.rows(train.values(), train.dim());
        String out = System.getProperty("bench.out", "codes.csv");
        java.util.regex.Pattern epoch = java.util.regex.Pattern.compile("epoch (\\d+)/");
        TrainingListener log = new TrainingListener() {
            @Override
            public void onMessage(String msg) {
                System.out.println(java.time.LocalTime.now().withNano(0) + " " + msg);
                java.util.regex.Matcher e = epoch.matcher(msg);
                if (e.find() && dumpAt.contains(Integer.parseInt(e.group(1)))) {
                    try {
                        write(Path.of(out.replace(".csv", "-e" + e.group(1) + ".csv")), train.labels(),
                                GmvaeInit.encodeMeans(m, rows));
                    } catch (IOException x) {
                        throw new java.io.UncheckedIOException(x);
                    }
                }
            }
        };
        GmvaeInit.pretrain(m, train.values(), train.dim(), tc, new SplittableRandom(seed).split(), log, CancelToken.NONE);
        float[][] codes = m.standardiseCodes(GmvaeInit.encodeMeans(m, rows));
        write(Path.of(out), train.labels(), codes);
        if (data.startsWith("fashion")) {
            // The test split's codes under the same standardisation (the model was reparameterised above).
            Dataset test = GmvaeBench.load("fashion", false);
            write(Path.of(out.replace(".csv", "-test.csv")), test.labels(),
                    GmvaeInit.encodeMeans(m, org.latentexplorer.model.TinyData.rows(test)));
        }
    }

    private static void write(Path out, int[] labels, float[][] codes) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            for (int i = 0; i < codes.length; i++) {
                StringBuilder b = new StringBuilder().append(labels[i]);
                for (float v : codes[i]) {
                    b.append(',').append(v);
                }
                w.println(b);
            }
        }
        System.out.println("wrote " + codes.length + " codes to " + out);
    }
}
