package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.OutputPaths;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.model.SameDiffGmvae;
import org.latentexplorer.model.SameDiffVaeac;
import org.latentexplorer.train.EpochStats;
import org.latentexplorer.train.LrSchedule;
import org.latentexplorer.train.TrainConfig;
import org.latentexplorer.train.TrainOptions;
import org.latentexplorer.train.TrainRun;
import org.latentexplorer.train.Trainer;
import org.latentexplorer.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code train}: trains a new model and writes its bundle, checkpointing after every epoch. The options map to
 * the model through {@link TrainOptions}, as the window's Train dialog does; the run is {@link TrainRun}'s.
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a new model and save it as a bundle.")
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", defaultValue = "vae", description = "vae (default), gmvae, cvae or vaeac (completes any "
            + "masked pixels; Ivanov et al. 2019)")
    String kind;
    @Option(names = "--clusters", defaultValue = "10", description = "gmvae: number of clusters K (default 10)")
    int clusters;
    @Option(names = "--w-dim", defaultValue = "2", description = "gmvae: dimension of w (default 2)")
    int wDim;
    @Option(names = "--pretrain", defaultValue = "-1", description = "gmvae: autoencoder epochs before the mixture "
            + "starts from clusters of the codes (VaDE start; default " + SameDiffGmvae.DEFAULT_PRETRAIN_EPOCHS + ", 0: random start; "
            + "--arch conv: 0, the only choice for now)")
    int pretrain;
    @Option(names = "--init", defaultValue = SameDiffGmvae.DEFAULT_INIT, description = "gmvae: how the pre-trained codes "
            + "are clustered: umap-gmm (a Gaussian mixture on their UMAP layout, default), umap-gmm-codes (that partition "
            + "refined by a Gaussian mixture on the codes), umap (k-means on that layout) or kmeans (k-means on the codes)")
    String init;
    @Option(names = "--layouts", defaultValue = "" + SameDiffGmvae.DEFAULT_INIT_LAYOUTS, description = "gmvae: UMAP "
            + "layouts the umap, umap-gmm and umap-gmm-codes starts cluster, keeping the partition that agrees best with the others "
            + "(default " + SameDiffGmvae.DEFAULT_INIT_LAYOUTS + ")")
    int layouts;
    @Option(names = "--layout-metric", defaultValue = SameDiffGmvae.DEFAULT_LAYOUT_METRIC, description = "gmvae: the "
            + "distance between codes that the start's UMAP layouts keep: euclidean or cosine (the angle between "
            + "standardised codes) (default " + SameDiffGmvae.DEFAULT_LAYOUT_METRIC + ")")
    String layoutMetric;
    @Option(names = "--layout-choice", defaultValue = SameDiffGmvae.DEFAULT_LAYOUT_CHOICE, description = "gmvae: how "
            + "the start chooses among its partitions: agreement (the one that agrees best with the others) or likelihood "
            + "(the one under whose Gaussian mixture, clusters weighted equally, the codes are most likely) (default "
            + SameDiffGmvae.DEFAULT_LAYOUT_CHOICE + ")")
    String layoutChoice;
    @Option(names = "--pretrain-noise", description = "gmvae: the autoencoder epochs decode a sample of q(z|x) "
            + "rather than its mean (a fading denoising schedule; see docs/benchmarks-gmvae.md)")
    boolean pretrainNoise;
    @Option(names = "--pretrain-vae", description = "gmvae: the start pre-trains a plain VAE of the same encoder and "
            + "decoder (KL to N(0, I)) instead of an autoencoder, so the decoder starts calibrated (see docs/benchmarks-gmvae.md)")
    boolean pretrainVae;
    @Option(names = "--pretrain-runs", defaultValue = "1", description = "gmvae: pre-training runs of the start, each "
            + "from its own weights; the run whose partition agrees best with the others' is kept (default 1)")
    int pretrainRuns;
    @Option(names = "--joint-lr", defaultValue = "-1", description = "gmvae: learning rate of the joint epochs after the "
            + "pre-trained start (default: a tenth of --lr; a hundredth after --pretrain-vae)")
    double jointLr;
    @Option(names = "--prior", defaultValue = "learned", description = "cvae: learned (class prior p(z|c)) or fixed (N(0, I))")
    String prior;
    @Option(names = "--path", defaultValue = "" + SameDiffVaeac.DEFAULT_PATH, description = "vaeac: width of the dense "
            + "path from the prior network's deepest features to the decoder (default " + SameDiffVaeac.DEFAULT_PATH
            + "; 0: none)")
    int path;
    @Option(names = "--prior-recon", defaultValue = "" + SameDiffVaeac.DEFAULT_PRIOR_RECON, description = "vaeac: weight "
            + "of the missing pixels' reconstruction with z from the prior network, added to the loss (Sohn et al. 2015's "
            + "hybrid objective; default " + SameDiffVaeac.DEFAULT_PRIOR_RECON + "; 0: the VAEAC loss alone)")
    double priorRecon;
    @Option(names = "--half-masks", description = "vaeac: the share of halves (top, bottom, left, right) among the "
            + "training masks, the rest squares, random pixels and strokes in equal parts (default "
            + SameDiffVaeac.DEFAULT_HALF_MASKS + "); with --from it changes the continued model's masks")
    Double halfMasks;
    @Option(names = "--arch", description = "dense (default) or conv (vaeac: conv, its only and default choice)")
    String arch;
    @Option(names = "--dataset", required = true, description = "a data set name (mnist, fashion-mnist, ...) or a path")
    String dataset;
    @Option(names = "--split", defaultValue = "train", description = "split to train on: train (default), test or all")
    String split;
    @Option(names = "--limit", defaultValue = "0", description = "train on the first N examples only (0: all)")
    int limit;
    @Option(names = "--latent", defaultValue = "2", description = "latent dimension d (default 2)")
    int latent;
    @Option(names = "--hidden", split = ",", description = "dense: hidden layer sizes (default 512,256); conv: channels per stride-2 stage (default 32,64,128; vaeac 16,32)")
    List<Integer> hidden;
    @Option(names = "--likelihood", defaultValue = "bernoulli", description = "bernoulli or gaussian:S2")
    String likelihood;
    @Option(names = "--binarize", defaultValue = "none", description = "none, static or dynamic")
    String binarize;
    @Option(names = "--epochs", defaultValue = "10")
    int epochs;
    @Option(names = "--batch", defaultValue = "128")
    int batch;
    @Option(names = "--lr", defaultValue = "1e-3")
    double lr;
    @Option(names = "--lr-schedule", defaultValue = "constant", description = "how the rate moves from --lr: constant "
            + "(default), cosine (annealed to 0 over --epochs) or plateau:P[:F] (times F, default 0.1, after P epochs "
            + "without validation improvement)")
    String lrSchedule;
    @Option(names = "--weight-decay", defaultValue = "0")
    double weightDecay;
    @Option(names = "--beta", defaultValue = "1", description = "weight of the KL term (default 1)")
    double beta;
    @Option(names = "--warmup", defaultValue = "0", description = "KL warm-up epochs (default 0)")
    int warmup;
    @Option(names = "--validation", defaultValue = "0.1", description = "validation fraction (default 0.1)")
    double validation;
    @Option(names = "--patience", defaultValue = "0", description = "early-stopping patience in epochs (0: off)")
    int patience;
    @Option(names = "--seed", defaultValue = "42", description = "draws the initial weights, the validation split "
            + "and the batches (default 42); with --from the bundle's first run's seed keeps drawing the split")
    long seed;
    @Option(names = "--out", required = true, description = "the model bundle to write (.lexb)")
    Path out;

    @Option(names = "--from", description = "continue training this bundle's model (its network; the options above "
            + "that shape a network are then ignored) with this run's learning rate and schedule, epochs and early stopping; "
            + "use the first run's --seed to keep its validation split out of training. --out may be the same file")
    Path from;

    /**
     * The options as parsed, checked as far as they can be before the data set is read (public so that the
     * window's tests can hold the Train dialog to the command line).
     */
    public TrainOptions options() {
        TrainConfig cfg = new TrainConfig(epochs, batch, lr, weightDecay, beta, warmup, validation, patience,
                Binarization.parse(binarize), seed, LrSchedule.parse(lrSchedule));
        return new TrainOptions(new TrainOptions.Data(dataset, split, limit),
                new TrainOptions.Network(kind, arch, latent, hidden, Likelihood.parse(likelihood)), cfg,
                new TrainOptions.GmvaeStart(clusters, wDim, pretrain == -1 ? null : pretrain, init, layouts, layoutMetric,
                        layoutChoice, pretrainNoise, pretrainVae, pretrainRuns, jointLr == -1 ? null : jointLr),
                prior, new TrainOptions.Vaeac(path, priorRecon,
                        halfMasks == null ? SameDiffVaeac.DEFAULT_HALF_MASKS : halfMasks));
    }

    @Override
    public Integer call() throws Exception {
        OutputPaths.checkWritable(out, "--out");
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainOptions options = options();
        if (from != null) {
            // A missing or damaged bundle, or a mask share it cannot take, is named before the data set is read.
            TrainRun.checkHalfMasks(from, ModelBundle.readConfig(from), halfMasks);
        }
        CancelToken cancel = CliSupport.cancelOnInterrupt();
        Dataset data = options.data().select(CliSupport.dataset(options.data().dataset(), options.data().split(), err,
                cancel));
        String command = "latent-explorer " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        if (from == null) {
            o.printf(Locale.ROOT, "training a %s %s (d=%d) on %s: %d examples, %d epochs%n", options.network().arch(),
                    options.network().kind(), latent, data.id(), data.size(), epochs);
        } else {
            o.printf(Locale.ROOT, "continuing %s on %s: %d examples, %d more epochs%n", from, data.id(), data.size(),
                    epochs);
        }
        o.flush();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpoch(EpochStats s) {
                StringBuilder terms = new StringBuilder();
                s.trainTerms().forEach((k, v) -> terms.append(terms.isEmpty() ? "" : ", ").append(k).append(' ')
                        .append(CliSupport.fmt(v)));
                o.printf(Locale.ROOT, "epoch %d/%d  loss %.2f (%s)  valid %s  %.0f ex/s  %.1f s%n", s.epoch() + 1,
                        epochs, s.trainLoss(), terms, Double.isNaN(s.validLoss()) ? "-" : CliSupport.fmt(s.validLoss()),
                        s.examplesPerSec(), s.seconds());
                o.flush();
            }

            @Override
            public void onMessage(String message) {
                o.println(message);
                o.flush();
            }
        };
        TrainRun.Outcome outcome = from == null ? TrainRun.run(options, data, out, command, listener, cancel)
                : TrainRun.continueFrom(from, options.train(), halfMasks, data, out, command, listener, cancel);
        outcome.bundle().close();
        Trainer.Result result = outcome.result();
        if (result.cancelled()) {
            err.println(result.history().epochs().isEmpty() ? "cancelled before the first epoch ended; nothing saved"
                    : "cancelled; " + out + " holds epoch " + result.history().epochs().size());
            return LatentExplorerCommand.INTERRUPTED;
        }
        o.println("saved " + out);
        return 0;
    }
}
