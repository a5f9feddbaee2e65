package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.common.Json;
import org.latentexplorer.common.OutputPaths;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetCatalog;
import org.latentexplorer.inpaint.Completion;
import org.latentexplorer.inpaint.CompletionSheet;
import org.latentexplorer.inpaint.InpaintEvaluation;
import org.latentexplorer.inpaint.InpaintOptions;
import org.latentexplorer.inpaint.Inpainter;
import org.latentexplorer.inpaint.Inpainting;
import org.latentexplorer.inpaint.Mask;
import org.latentexplorer.inpaint.Method;
import org.latentexplorer.inpaint.MethodSpec;
import org.latentexplorer.inpaint.RatingsEvaluation;
import org.latentexplorer.model.ModelBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inpaint}: hides part of each test image, completes it with a model or K-NN, and reports the
 * error over the missing pixels and over whole images, and the time per image (issue 5). On a ratings
 * matrix (MovieLens {@code u.data}) it holds out a fraction of each user's ratings instead and reports
 * the rating RMSE. Exit code 2 with a one-line message for bad input.
 */
@Command(name = "inpaint", mixinStandardHelpOptions = true,
        description = "Complete masked test images (or held-out ratings) and report RMSE/MAE and time per image.")
public final class InpaintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", description = "Trained model bundle (.lexb); needed by all methods but knn.")
    Path model;

    @Option(names = "--dataset", required = true, paramLabel = "NAME|PATH",
            description = "A data set name (its test split is completed) or a file (used whole), e.g. mnist, fashion-mnist, movielens-100k, u.data.")
    String dataset;

    @Option(names = "--reference", paramLabel = "NAME|PATH",
            description = "Data set K-NN takes neighbours from, and iw the neighbours that steer its proposal "
                    + "(default: the named data set's train split; iw without one proposes from the encoder alone).")
    String reference;

    @Option(names = "--mask", defaultValue = "bottom-half", paramLabel = "MASK",
            description = "top-half, bottom-half, left-half, right-half, square:S, random:P, or a painted PNG of the "
                    + "images' size whose light pixels are hidden (default: ${DEFAULT-VALUE}).")
    String mask;

    @Option(names = "--method", required = true, paramLabel = "METHOD",
            description = "replace, pseudo-gibbs, mwg, optimize, iw (importance-weighted conditional mean; iw:K "
                    + "draws K latent codes, default 1000), knn:K or knn:K:softmax.")
    String method;

    @Option(names = "--iterations", defaultValue = "200", description = "Iterations per image (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--limit", defaultValue = "1000", description = "At most this many test images (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the random mask and the samplers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--hold-out", defaultValue = "0.1", paramLabel = "F",
            description = "Ratings only: fraction of each user's ratings held out (default: ${DEFAULT-VALUE}).")
    double holdOut;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE.png", description = "Write the first 8 completions as a PNG sheet.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            run(spec.commandLine().getOut());
            return 0;
        } catch (InputException e) {
            err.println("inpaint: " + e.getMessage());
            err.flush();
            return 2;
        } catch (java.io.IOException e) {
            err.println("inpaint: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private void run(PrintWriter stdout) throws java.io.IOException {
        if (out != null) {
            OutputPaths.checkWritable(out, "--out");
        }
        MethodSpec m = MethodSpec.parse(method);
        InpaintOptions options = InpaintOptions.defaults().withIterations(iterations);
        if (limit < 1) {
            throw new InputException("--limit must be at least 1, got " + limit);
        }
        if (m.method().usesModel() && model == null) {
            throw new InputException("--method " + m + " needs --model FILE");
        }
        CancelToken cancel = CliSupport.cancelOnInterrupt();
        PrintWriter err = spec.commandLine().getErr();
        // A named set gives its test split to complete and its train split to K-NN; a file is used whole.
        boolean named = DatasetCatalog.find(dataset).map(d -> d.shape().isImage()).orElse(false);
        Dataset test = CliSupport.dataset(dataset, named ? "test" : "all", err, cancel);
        try (ModelBundle bundle = model == null ? null : CliSupport.model(model)) {
            if (test.hasMissing()) {
                ratings(stdout, m, options, test, bundle, cancel);
                return;
            }
            Dataset refSet = null;
            if (m.method() == Method.KNN || m.method() == Method.IW) {
                refSet = reference != null ? CliSupport.dataset(reference, "all", err, cancel)
                        : named ? CliSupport.dataset(dataset, "train", err, cancel) : null;
            }
            if (m.method() == Method.KNN && refSet == null) {
                throw new InputException("K-NN needs a training set to take neighbours from: give --reference NAME|PATH");
            }
            Inpainter inpainter = Inpainting.create(m, bundle == null ? null : bundle.model(), refSet);
            Mask mk = Mask.parse(mask, test.shape(), seed);
            InpaintEvaluation.Result r = InpaintEvaluation.run(inpainter, test, mk, mask, options, limit, seed, cancel,
                    null);
            if (json) {
                stdout.println(Json.MAPPER.writeValueAsString(r));
            } else {
                stdout.printf(Locale.ROOT, "inpaint %s on %s, mask %s (%d of %d values), %d images, %d iterations%n",
                        r.method(), r.dataset(), r.mask(), r.missingPerImage(), mk.size(), r.images(), r.iterations());
                stdout.printf(Locale.ROOT, "RMSE missing %.4f   MAE missing %.4f%n", r.rmseMissing(), r.maeMissing());
                stdout.printf(Locale.ROOT, "RMSE whole   %.4f   MAE whole   %.4f%n", r.rmseWhole(), r.maeWhole());
                stdout.printf(Locale.ROOT, "time per image %.2f ms%s%s%n", r.msPerImage(),
                        Double.isNaN(r.acceptanceRate()) ? "" : String.format(Locale.ROOT, ", MwG acceptance %.3f", r.acceptanceRate()),
                        Double.isNaN(r.effectiveSampleSize()) ? ""
                                : String.format(Locale.ROOT, ", effective sample size %.1f", r.effectiveSampleSize()));
                if (!r.note().isEmpty()) {
                    stdout.println("note: " + r.note());
                }
            }
            if (out != null) {
                writeSheet(inpainter, test, mk, options);
            }
            stdout.flush();
        }
    }

    private void ratings(PrintWriter stdout, MethodSpec m, InpaintOptions options, Dataset ratings, ModelBundle bundle,
                         CancelToken cancel) throws java.io.IOException {
        RatingsEvaluation.Split split = RatingsEvaluation.split(ratings, holdOut, seed);
        Inpainter inpainter = Inpainting.create(m, bundle == null ? null : bundle.model(), split.training());
        RatingsEvaluation.Result r = RatingsEvaluation.run(inpainter, split, options, limit, seed, cancel);
        if (json) {
            stdout.println(Json.MAPPER.writeValueAsString(r));
        } else {
            stdout.printf(Locale.ROOT, "inpaint %s on ratings %s: %d users, %d held-out ratings%n", r.method(), r.dataset(),
                    r.users(), r.heldOut());
            stdout.printf(Locale.ROOT, "rating RMSE %.4f   MAE %.4f   time per user %.2f ms%n", r.rmse(), r.mae(), r.msPerUser());
        }
        stdout.flush();
    }

    private void writeSheet(Inpainter inpainter, Dataset test, Mask mk, InpaintOptions options) throws java.io.IOException {
        List<float[]> originals = new ArrayList<>();
        List<Completion> done = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < Math.min(8, Math.min(limit, test.size())); i++) {
            originals.add(test.row(i));
            done.add(inpainter.complete(test.row(i), mk, options, rng.split(), CancelToken.NONE, null));
        }
        CompletionSheet.write(out, test.shape(), mk, originals, done);
    }
}
