package org.latentexplorer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.Json;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.eval.Evaluator;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.Models;
import org.latentexplorer.model.SameDiffModel;
import org.latentexplorer.train.EpochStats;
import org.latentexplorer.train.TrainConfig;
import org.latentexplorer.train.Trainer;
import org.latentexplorer.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench vae}: the same measurement as {@code shared/bench/torch_vae.py}, on the project's own
 * model — training examples/s per epoch, the time to decode 400 codes, the importance-weighted test
 * log-likelihood, and the peak resident memory — printed as one JSON object for side-by-side tables.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark a dense VAE like shared/bench/torch_vae.py (prints JSON).")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "training data (split train)")
    String dataset;
    @Option(names = "--test", description = "test data for --iw (default: the same data set's test split)")
    String test;
    @Option(names = "--epochs", defaultValue = "1", description = "training epochs (0: time decoding only)")
    int epochs;
    @Option(names = "--latent", defaultValue = "20")
    int latent;
    @Option(names = "--batch", defaultValue = "128")
    int batch;
    @Option(names = "--lr", defaultValue = "1e-3")
    double lr;
    @Option(names = "--binarize", defaultValue = "dynamic")
    String binarize;
    @Option(names = "--iw", defaultValue = "0", description = "importance samples for the test log-likelihood (0: skip)")
    int iw;
    @Option(names = "--iw-images", defaultValue = "1000")
    int iwImages;
    @Option(names = "--seed", defaultValue = "1")
    long seed;
    @Option(names = "--save", description = "also write the trained model bundle here")
    Path save;
    @Option(names = "--model", description = "time decoding 400 codes with this bundle instead (e.g. an imported "
            + "ONNX model, run on one thread); no training")
    Path model;

    @Override
    public Integer call() throws Exception {
        CancelToken cancel = CliSupport.cancelOnInterrupt();
        var err = spec.commandLine().getErr();
        if (model != null) {
            return decodeOnly();
        }
        Dataset train = CliSupport.dataset(dataset, "train", err, cancel);
        Binarization bin = Binarization.parse(binarize);
        ModelConfig config = new ModelConfig("vae", "dense", train.shape(), latent, ModelConfig.DEFAULT_DENSE_HIDDEN,
                Likelihood.BERNOULLI, "unit", dataset, train.labelNames(), Map.of("binarize", bin.toString()));
        SameDiffModel model = Models.create(config, seed);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("impl", "latent-explorer samediff (nd4j 1.0.0-M2.1)");
        out.put("threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        out.put("latent", latent);
        out.put("batch", batch);
        List<Map<String, Object>> epochsOut = new ArrayList<>();
        if (epochs < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--epochs must be 0 or more, got " + epochs);
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        if (epochs > 0) {
            Trainer.train(model, train, new TrainConfig(epochs, batch, lr, 0, 1, 0, 0, 0, bin, seed), "bench", null,
                new TrainingListener() {
                    @Override
                    public void onEpoch(EpochStats s) {
                        Map<String, Object> e = new LinkedHashMap<>();
                        e.put("seconds", round(s.seconds(), 2));
                        e.put("examples_per_s", Math.round(s.examplesPerSec()));
                        e.put("train_neg_elbo", round(s.trainLoss(), 3));
                        epochsOut.add(e);
                    }
                }, cancel);
        }
        out.put("epochs", epochsOut);
        if (epochs > 0) {
            // Training runs on this thread: its CPU time leaves out what other processes took.
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            out.put("cpu_examples_per_s", Math.round((double) epochs * train.size() / cpuSeconds));
        }
        double[] decode = decodeMillis(model, seed);
        out.put("decode_400_ms", round(decode[0], 3));
        out.put("decode_400_cpu_ms", round(decode[1], 3));
        out.put("peak_rss_mib", peakRssMib());
        if (iw > 0) {
            // A test file given as a path has no splits of its own: all of it is the test set.
            Dataset t = (test != null ? CliSupport.dataset(test, "all", err, cancel)
                    : CliSupport.dataset(dataset, "test", err, cancel)).limit(iwImages);
            var e = Evaluator.evaluate(model, t, new Evaluator.Options(iw, 0, bin != Binarization.NONE, false, seed + 1),
                    f -> { }, cancel);
            out.put("test_iw_loglik_nats", round(e.iwLogLikelihood(), 3));
            out.put("iw_samples", iw);
            out.put("iw_images", t.size());
        }
        if (save != null) {
            new org.latentexplorer.model.ModelBundle(model, null, null, null).save(save);
        }
        spec.commandLine().getOut().println(Json.MAPPER.writer().without(
                com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        return 0;
    }

    /** {@code --model}: decode timing of a saved bundle, one thread for ONNX Runtime as for PyTorch's reference. */
    private int decodeOnly() throws Exception {
        if (System.getProperty("latentexplorer.onnx.threads") == null) {
            System.setProperty("latentexplorer.onnx.threads", "1");
        }
        try (var bundle = CliSupport.model(model)) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("impl", "latent-explorer " + bundle.config().arch() + (bundle.config().arch().equals("onnx")
                    ? " (onnxruntime " + ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion() + ")" : ""));
            out.put("onnx_threads", Integer.getInteger("latentexplorer.onnx.threads"));
            out.put("latent", bundle.config().latentDim());
            double[] decode = decodeMillis(bundle.model(), seed);
            out.put("decode_400_ms", round(decode[0], 3));
            out.put("decode_400_cpu_ms", round(decode[1], 3));
            spec.commandLine().getOut().println(Json.MAPPER.writer().without(
                    com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        }
        return 0;
    }

    /**
     * Medians over 200 timed decodes of 400 prior codes, after 20 warm-up calls (as torch_vae.py):
     * {wall-clock ms, this thread's CPU ms}. The CPU time leaves out the time other processes hold
     * the core, so on a loaded machine it is the fairer side-by-side figure (bench/decode_ref.py
     * measures PyTorch the same way).
     */
    static double[] decodeMillis(org.latentexplorer.model.LatentModel model, long seed) {
        float[][] z = model.samplePrior(400, new SplittableRandom(seed));
        for (int i = 0; i < 20; i++) {
            model.decode(z);
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] wall = new double[200];
        double[] cpu = new double[200];
        for (int i = 0; i < wall.length; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            model.decode(z);
            wall[i] = (System.nanoTime() - s) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[]{wall[wall.length / 2], cpu[cpu.length / 2]};
    }

    static long peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not on Linux: reported as -1
        }
        return -1;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
