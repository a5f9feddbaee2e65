package org.latentexplorer.inpaint.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.Json;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetResolver;
import org.latentexplorer.data.Split;
import org.latentexplorer.inpaint.InpaintEvaluation;
import org.latentexplorer.inpaint.InpaintOptions;
import org.latentexplorer.inpaint.Inpainter;
import org.latentexplorer.inpaint.Inpainting;
import org.latentexplorer.inpaint.Mask;
import org.latentexplorer.inpaint.Method;
import org.latentexplorer.inpaint.MethodSpec;
import org.latentexplorer.inpaint.ModelInpainter;
import org.latentexplorer.model.LatentModel;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.Models;
import org.latentexplorer.model.SameDiffModel;
import org.latentexplorer.train.TrainConfig;
import org.latentexplorer.train.Trainer;
import org.latentexplorer.train.TrainingListener;

/**
 * The Kormaris (2020, Table 5.1) protocol on a data set: each half of every test image hidden in turn,
 * all methods, RMSE/MAE over missing pixels and whole images, time per image. Loads the model given,
 * else {@code models/DATASET-d20.lexb} when present, else trains a 784-512-256-20 Bernoulli VAE briefly
 * and caches it under {@code target/bench-models}. K-NN (and iw's proposal) take their neighbours
 * from the whole train split, the examples the shipped models were trained on. Results go to stdout
 * and to a JSON file.
 *
 * <p>Usage: {@code InpaintBenchmark DATASET [limit] [iterations] [epochs] [masks,comma,separated] [model.lexb]
 * [vaeac.lexb]}. With a VAEAC bundle (Ivanov et al. 2019; {@code train --model vaeac}) each mask also gets
 * its rows {@value #VAEAC_METHODS}, completed by that model (its images batched through the graph;
 * {@code -} for the model argument keeps the default VAE). The other methods, and K-NN's reference
 * (the whole train split), are as without it. {@code -Dlatentexplorer.bench.methods=a,b} runs only the
 * methods named (as printed, e.g. {@code knn:100,iw:1000,vaeac:32}; any {@code vaeac:S}).
 */
public final class InpaintBenchmark {
    /** "iw:1000 encoder-only" is iw without a reference set: proposals from the encoder alone. */
    private static final String ENCODER_ONLY = " encoder-only";
    private static final List<String> METHODS = List.of("replace", "pseudo-gibbs", "mwg", "optimize", "iw:1000",
            "iw:1000" + ENCODER_ONLY, "knn:1", "knn:10", "knn:100", "knn:10:softmax", "knn:100:softmax");
    private static final int WARM_UP = 20;
    private static final String VAEAC_METHODS = "vaeac:32";

    private InpaintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "mnist";
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        List<String> masks = List.of((args.length > 4 ? args[4] : "top-half,bottom-half,left-half,right-half").split(","));
        DatasetResolver resolver = DatasetResolver.defaults();
        Dataset test = resolver.resolve(name, Split.TEST);
        Dataset train = resolver.resolve(name, Split.TRAIN);
        // -Dlatentexplorer.bench.heldout=SEED[:F]: complete the training images a `train --seed SEED --validation F`
        // run (F default 0.1) held out, with the rest of the training split as the K-NN reference: models of that
        // split compared without looking at the test split.
        String heldOut = System.getProperty("latentexplorer.bench.heldout");
        if (heldOut != null) {
            String[] p = heldOut.split(":");
            int[] valid = Trainer.heldOut(train.size(), p.length > 1 ? Double.parseDouble(p[1]) : 0.1, Long.parseLong(p[0]));
            boolean[] out = new boolean[train.size()];
            for (int i : valid) {
                out[i] = true;
            }
            test = train.subset(valid);
            train = train.subset(java.util.stream.IntStream.range(0, out.length).filter(i -> !out[i]).toArray());
            System.out.println("held-out training images of seed " + heldOut + " in place of the test split");
        }
        boolean given = args.length > 5 && !args[5].equals("-");
        LatentModel model = given ? ModelBundle.load(Path.of(args[5])).model() : model(name, train, epochs);
        LatentModel vaeac = args.length > 6 ? ModelBundle.load(Path.of(args[6])).model() : null;
        List<String> methods = new ArrayList<>(METHODS);
        if (vaeac != null) {
            methods.addAll(List.of(VAEAC_METHODS.split(",")));
        }
        // -Dlatentexplorer.bench.methods=knn:100,iw:1000,vaeac:32 keeps those rows only (same protocol, less time).
        String only = System.getProperty("latentexplorer.bench.methods");
        if (only != null) {
            List<String> keep = List.of(only.split(","));
            methods.removeIf(m -> !keep.contains(m));
            // Any number of completions may be asked of a VAEAC (vaeac:128), not only the default's.
            for (String m : keep) {
                if (vaeac != null && m.startsWith("vaeac:") && !methods.contains(m)) {
                    methods.add(m);
                }
            }
        }
        InpaintOptions opts = InpaintOptions.defaults().withIterations(iterations);
        List<Map<String, Object>> rows = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%s: test %d images (limit %d), K-NN reference %d, %d iterations%n", name,
                test.size(), limit, train.size(), iterations);
        for (String maskName : masks) {
            Mask mask = Mask.parse(maskName, test.shape(), 1);
            for (String method : methods) {
                MethodSpec spec = MethodSpec.parse(method.replace(ENCODER_ONLY, ""));
                Inpainter in = method.endsWith(ENCODER_ONLY) ? new ModelInpainter(model, spec, null)
                        : spec.method() == Method.VAEAC ? Inpainting.create(spec, vaeac, train)
                        : Inpainting.create(spec, model, train);
                warmUp(in, test, mask, opts);
                InpaintEvaluation.Result r = InpaintEvaluation.run(in, test, mask, maskName, opts, limit, 42,
                        CancelToken.NONE, null);
                System.out.printf(Locale.ROOT, "%-12s %-22s rmseMissing %.4f maeMissing %.4f rmseWhole %.4f maeWhole %.4f"
                                + " ms/image %7.2f%s%s%n", maskName, method, r.rmseMissing(), r.maeMissing(), r.rmseWhole(),
                        r.maeWhole(), r.msPerImage(), Double.isNaN(r.acceptanceRate()) ? ""
                                : String.format(Locale.ROOT, " accept %.3f", r.acceptanceRate()),
                        Double.isNaN(r.effectiveSampleSize()) ? ""
                                : String.format(Locale.ROOT, " ess %.1f", r.effectiveSampleSize()));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("variant", method);
                row.put("result", r);
                rows.add(row);
            }
        }
        Path out = Path.of("target/bench-inpaint-" + (heldOut == null ? "" : "heldout-") + (given
                ? Path.of(args[5]).getFileName().toString().replace(".lexb", "") : name)
                + (vaeac == null ? "" : "+" + Path.of(args[6]).getFileName().toString().replace(".lexb", "")) + ".json");
        AtomicFiles.writeString(out, Json.MAPPER.writeValueAsString(rows));
        System.out.println("wrote " + out);
    }

    /** Untimed completions first, so the JIT has compiled the loops before the clock runs. */
    private static void warmUp(Inpainter in, Dataset test, Mask mask, InpaintOptions opts) {
        SplittableRandom rng = new SplittableRandom(0);
        for (int i = 0; i < WARM_UP; i++) {
            in.complete(test.row(test.size() - 1 - i), mask, opts, rng.split(), CancelToken.NONE, null);
        }
    }

    private static LatentModel model(String name, Dataset train, int epochs) throws Exception {
        for (Path p : List.of(Path.of("models/" + name + "-d20.lexb"), Path.of("/work/main/models/" + name + "-d20.lexb"),
                Path.of("target/bench-models/" + name + "-d20-e" + epochs + ".lexb"))) {
            if (Files.exists(p)) {
                System.out.println("model: " + p);
                return ModelBundle.load(p).model();
            }
        }
        ModelConfig cfg = ModelConfig.denseVae(train.shape(), 20, Likelihood.BERNOULLI).withDataset(name, List.of());
        SameDiffModel m = Models.create(cfg, 1);
        long t0 = System.nanoTime();
        Trainer.Result r = Trainer.train(m, train, new TrainConfig(epochs, 128, 1e-3, 0, 1, 0, 0.05, 0,
                Binarization.NONE, 1), "bench", null, new TrainingListener() {
                    @Override
                    public void onEpoch(org.latentexplorer.train.EpochStats s) {
                        System.out.printf(Locale.ROOT, "epoch %d train %.2f valid %.2f%n", s.epoch() + 1, s.trainLoss(),
                                s.validLoss());
                    }
                }, CancelToken.NONE);
        Path p = Path.of("target/bench-models/" + name + "-d20-e" + epochs + ".lexb");
        Files.createDirectories(p.getParent());
        new ModelBundle(m, r.history(), null, null).save(p);
        System.out.printf(Locale.ROOT, "trained %d epochs in %.0f s, saved %s%n", epochs, (System.nanoTime() - t0) / 1e9, p);
        return m;
    }
}
