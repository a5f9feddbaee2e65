package org.latentexplorer.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.data.Split;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.SameDiffCvae;
import org.latentexplorer.model.SameDiffGmvae;
import org.latentexplorer.model.SameDiffVaeac;

/**
 * The options of one training run, as {@code latent-explorer train} takes them and the window's Train
 * dialog collects them, and the one mapping from them to the model's configuration: both faces build
 * the same model from the same options. Everything that can be checked before the data set is read is
 * checked at construction, with the command line's option names in the messages.
 *
 * @param data      what to train on
 * @param network   which model to build
 * @param train     the optimiser's settings (epochs, batch, Adam's rate, β, warm-up, weight decay,
 *                  validation, patience, binarisation, seed)
 * @param gmvae     the GMVAE's size and start; ignored by the other kinds
 * @param cvaePrior the CVAE's prior: {@code learned} (a Gaussian p(z|c) per class) or {@code fixed}
 *                  (N(0, I), the decoder sees c); ignored by the other kinds
 * @param vaeac     the VAEAC's global path and hybrid objective; ignored by the other kinds
 */
public record TrainOptions(Data data, Network network, TrainConfig train, GmvaeStart gmvae, String cvaePrior,
                           Vaeac vaeac) {
    public static final List<String> KINDS = List.of("vae", SameDiffGmvae.KIND, SameDiffCvae.KIND, SameDiffVaeac.KIND);
    public static final List<String> ARCHS = List.of("dense", "conv");
    public static final List<String> PRIORS = List.of(SameDiffCvae.LEARNED, SameDiffCvae.FIXED);
    /** The shape and classes the options are checked against before the data set is read. */
    private static final ImageShape PROBE_SHAPE = ImageShape.grey(28, 28);
    private static final List<String> PROBE_LABELS = List.of("a", "b");

    public TrainOptions {
        if (data == null || network == null || train == null) {
            throw new InputException("training needs a data set, a model and the optimiser's settings");
        }
        gmvae = gmvae == null ? GmvaeStart.defaults() : gmvae;
        cvaePrior = cvaePrior == null ? SameDiffCvae.LEARNED : cvaePrior.strip().toLowerCase(Locale.ROOT);
        vaeac = vaeac == null ? Vaeac.defaults() : vaeac;
        // The model's own checks, on a stand-in for the data: a bad K or start fails now, not after the download.
        ModelConfig probe = config(network, gmvae, cvaePrior, vaeac, data.dataset(), train, PROBE_SHAPE, PROBE_LABELS);
        if (network.isGmvae()) {
            SameDiffGmvae.check(probe);
        }
        if (network.isVaeac()) {
            SameDiffVaeac.check(probe);
        }
    }

    /** Options whose VAEAC, if it is one, has the {@linkplain Vaeac#defaults() defaults}. */
    public TrainOptions(Data data, Network network, TrainConfig train, GmvaeStart gmvae, String cvaePrior) {
        this(data, network, train, gmvae, cvaePrior, Vaeac.defaults());
    }

    /** The command line's defaults for {@code dataset}: a dense VAE with d = 2, 10 epochs. */
    public static TrainOptions defaults(String dataset) {
        return new TrainOptions(new Data(dataset, "train", 0), Network.defaults(), TrainConfig.defaults(),
                GmvaeStart.defaults(), SameDiffCvae.LEARNED);
    }

    /**
     * The data set to train on and how much of it.
     *
     * @param dataset a data set name (mnist, fashion-mnist, …, or one imported) or a file or folder path
     * @param split   train, test or all
     * @param limit   the first {@code limit} examples only; 0 for all
     */
    public record Data(String dataset, String split, int limit) {
        public Data {
            if (dataset == null || dataset.isBlank()) {
                throw new InputException("--dataset: name a data set (mnist, fashion-mnist, …) or a file or folder");
            }
            dataset = dataset.strip();
            try {
                split = Split.parse(split == null ? "" : split).toString();
            } catch (InputException e) {
                throw new InputException("--split must be train, test or all, got '" + split + "'");
            }
            if (limit < 0) {
                throw new InputException("--limit must be 0 (all) or more, got " + limit);
            }
        }

        /** The first {@link #limit} examples of {@code full}, or all of it. */
        public Dataset select(Dataset full) {
            return limit > 0 ? full.limit(limit) : full;
        }
    }

    /**
     * Which model: its kind, architecture and size.
     *
     * @param kind       vae, gmvae (Gaussian mixture prior), cvae (conditioned on the label) or vaeac
     *                   (conditioned on any observed pixels; Ivanov et al. 2019)
     * @param arch       dense or conv (conv: vae, gmvae and vaeac; vaeac: conv only); null or blank for
     *                   the kind's default (conv for vaeac, dense otherwise)
     * @param latent     dimension d of z, 1..{@value ModelConfig#MAX_LATENT}
     * @param hidden     dense: hidden layer sizes of the encoder, the decoder mirrored; conv: channels per
     *                   stride-2 stage; null for the architecture's default (512,256 or 32,64)
     * @param likelihood the decoder's distribution p(x|z)
     */
    public record Network(String kind, String arch, int latent, List<Integer> hidden, Likelihood likelihood) {
        public Network {
            kind = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
            arch = arch == null ? "" : arch.strip().toLowerCase(Locale.ROOT);
            if (!KINDS.contains(kind)) {
                throw new InputException("--model must be vae, gmvae, cvae or vaeac, got '" + kind + "'");
            }
            if (arch.isEmpty()) {
                arch = kind.equals(SameDiffVaeac.KIND) ? "conv" : "dense";
            }
            if (kind.equals(SameDiffVaeac.KIND) && !arch.equals("conv")) {
                throw new InputException("--model vaeac is convolutional: leave --arch out or give --arch conv, not '"
                        + arch + "'");
            }
            if (!ARCHS.contains(arch)) {
                throw new InputException("--arch must be dense or conv, got '" + arch + "'");
            }
            if (kind.equals(SameDiffCvae.KIND) && arch.equals("conv")) {
                throw new InputException("--arch conv is available for --model vae, gmvae and vaeac only; use --arch dense for cvae");
            }
            if (latent < 1 || latent > ModelConfig.MAX_LATENT) {
                throw new InputException("--latent must be between 1 and " + ModelConfig.MAX_LATENT + ", got " + latent);
            }
            hidden = hidden == null ? null : List.copyOf(hidden);
            likelihood = likelihood == null ? Likelihood.BERNOULLI : likelihood;
        }

        public static Network defaults() {
            return new Network("vae", "dense", 2, null, Likelihood.BERNOULLI);
        }

        public boolean isGmvae() {
            return kind.equals(SameDiffGmvae.KIND);
        }

        public boolean isCvae() {
            return kind.equals(SameDiffCvae.KIND);
        }

        public boolean isVaeac() {
            return kind.equals(SameDiffVaeac.KIND);
        }

        public boolean isConv() {
            return arch.equals("conv");
        }

        /** The layers the model gets: {@link #hidden}, or the architecture's default. */
        public List<Integer> layers() {
            return hidden != null ? hidden : isConv() ? List.of() : ModelConfig.DEFAULT_DENSE_HIDDEN;
        }
    }

    /**
     * A GMVAE's size and how it starts (the VaDE/N2D start of {@link GmvaeInit}); see
     * {@link SameDiffGmvae} for each setting's meaning, range and the benchmarks behind its default.
     *
     * @param clusters      K, the mixture's components
     * @param wDim          dimension of w
     * @param pretrain      autoencoder epochs before the mixture starts from clusters of the codes; null for
     *                      the architecture's default ({@value SameDiffGmvae#DEFAULT_PRETRAIN_EPOCHS} dense, 0 conv)
     * @param init          how the pre-trained codes are clustered: umap-gmm, umap-gmm-codes, umap or kmeans
     * @param layouts       UMAP layouts the umap starts cluster
     * @param layoutMetric  euclidean or cosine
     * @param layoutChoice  likelihood or agreement
     * @param pretrainNoise the autoencoder epochs decode a sample of q(z|x)
     * @param pretrainVae   the start pre-trains a plain VAE instead of an autoencoder
     * @param pretrainRuns  pre-training runs, each from its own weights
     * @param jointLr       learning rate of the joint epochs after the start; null for a tenth of the run's
     *                      (a hundredth after a VAE start)
     */
    public record GmvaeStart(int clusters, int wDim, Integer pretrain, String init, int layouts, String layoutMetric,
                             String layoutChoice, boolean pretrainNoise, boolean pretrainVae, int pretrainRuns,
                             Double jointLr) {
        public GmvaeStart {
            init = norm(init, SameDiffGmvae.DEFAULT_INIT);
            layoutMetric = norm(layoutMetric, SameDiffGmvae.DEFAULT_LAYOUT_METRIC);
            layoutChoice = norm(layoutChoice, SameDiffGmvae.DEFAULT_LAYOUT_CHOICE);
        }

        private static String norm(String v, String fallback) {
            return v == null ? fallback : v.strip().toLowerCase(Locale.ROOT);
        }

        public static GmvaeStart defaults() {
            return new GmvaeStart(SameDiffGmvae.DEFAULT_CLUSTERS, SameDiffGmvae.DEFAULT_W_DIM, null,
                    SameDiffGmvae.DEFAULT_INIT, SameDiffGmvae.DEFAULT_INIT_LAYOUTS, SameDiffGmvae.DEFAULT_LAYOUT_METRIC,
                    SameDiffGmvae.DEFAULT_LAYOUT_CHOICE, false, false, 1, null);
        }

        /** The pre-training epochs for {@code arch}: {@link #pretrain}, or the architecture's default. */
        public int pretrainEpochs(String arch) {
            return pretrain != null ? pretrain : "conv".equals(arch) ? 0 : SameDiffGmvae.DEFAULT_PRETRAIN_EPOCHS;
        }
    }

    /**
     * What a VAEAC has beyond its channels; see {@link SameDiffVaeac} for each one's meaning and range.
     *
     * @param path       width W of the dense path from the prior network's deepest features to the decoder
     *                   ({@link SameDiffVaeac#PATH}); 0: none
     * @param priorRecon weight α of the reconstruction with z from the prior network (Sohn et al. 2015;
     *                   {@link SameDiffVaeac#PRIOR_RECON}); 0: the VAEAC loss alone
     * @param halfMasks  the share of halves among the training masks ({@link SameDiffVaeac#HALF_MASKS})
     */
    public record Vaeac(int path, double priorRecon, double halfMasks) {
        /** A VAEAC training on the default share of halves. */
        public Vaeac(int path, double priorRecon) {
            this(path, priorRecon, SameDiffVaeac.DEFAULT_HALF_MASKS);
        }

        public static Vaeac defaults() {
            return new Vaeac(SameDiffVaeac.DEFAULT_PATH, SameDiffVaeac.DEFAULT_PRIOR_RECON);
        }
    }

    /**
     * The model's configuration for data of {@code data}'s shape and classes. A GMVAE with more
     * clusters than training examples is refused here, before any pre-training.
     */
    public ModelConfig modelConfig(Dataset data) {
        int trainRows = data.size() - (int) Math.round(data.size() * train.validationSplit());
        if (network.isGmvae() && gmvae.clusters() > trainRows) {
            throw new InputException("--clusters " + gmvae.clusters() + " is more than the " + trainRows
                    + " training examples of " + data.id() + " (after the --validation split)");
        }
        return modelConfig(data.shape(), data.labelNames());
    }

    /** The model's configuration for examples of {@code shape} with classes {@code labelNames}. */
    public ModelConfig modelConfig(ImageShape shape, List<String> labelNames) {
        return config(network, gmvae, cvaePrior, vaeac, data.dataset(), train, shape, labelNames);
    }

    private static ModelConfig config(Network n, GmvaeStart g, String prior, Vaeac v, String dataset, TrainConfig train,
                                      ImageShape shape, List<String> labelNames) {
        List<Integer> layers = n.layers();
        ModelConfig base = switch (n.kind()) {
            case SameDiffGmvae.KIND -> SameDiffGmvae.config(n.arch(), shape, g.clusters(), g.wDim(), n.latent(), layers,
                    n.likelihood());
            case SameDiffCvae.KIND -> SameDiffCvae.config(shape, labelNames, prior, n.latent(), layers, n.likelihood());
            default -> new ModelConfig(n.kind(), n.arch(), shape, n.latent(), layers, n.likelihood(), "unit", dataset,
                    labelNames, Map.of());
        };
        Map<String, Object> extra = new HashMap<>(base.extra());
        if (n.isGmvae()) {
            extra.put(SameDiffGmvae.PRETRAIN_EPOCHS, g.pretrainEpochs(n.arch()));
            extra.put(SameDiffGmvae.INIT_CLUSTERING, g.init());
            extra.put(SameDiffGmvae.INIT_LAYOUTS, g.layouts());
            extra.put(SameDiffGmvae.INIT_RUNS, g.pretrainRuns());
            extra.put(SameDiffGmvae.LAYOUT_METRIC, g.layoutMetric());
            extra.put(SameDiffGmvae.LAYOUT_CHOICE, g.layoutChoice());
            if (g.jointLr() != null) {
                extra.put(SameDiffGmvae.JOINT_LR, g.jointLr());
            }
            if (g.pretrainNoise()) {
                extra.put(SameDiffGmvae.PRETRAIN_NOISE, true);
            }
            if (g.pretrainVae()) {
                extra.put(SameDiffGmvae.PRETRAIN_VAE, true);
            }
        }
        if (n.isVaeac() && v.path() != 0) {
            extra.put(SameDiffVaeac.PATH, v.path());
        }
        if (n.isVaeac() && v.priorRecon() != 0) {
            extra.put(SameDiffVaeac.PRIOR_RECON, v.priorRecon());
        }
        if (n.isVaeac() && v.halfMasks() != SameDiffVaeac.DEFAULT_HALF_MASKS) {
            extra.put(SameDiffVaeac.HALF_MASKS, v.halfMasks());
        }
        extra.put("binarize", train.binarization().toString());
        return new ModelConfig(base.kind(), base.arch(), base.inputShape(), base.latentDim(), base.hidden(),
                base.likelihood(), base.normalisation(), dataset, labelNames, extra);
    }

    /**
     * The arguments of {@code latent-explorer train} that give these options and write {@code out}:
     * every option of the optimiser, the GMVAE's only for a GMVAE, the CVAE's only for a CVAE, the VAEAC's
     * only for a VAEAC, and the
     * split, limit, hidden layers, pre-training and joint rate only where they are not the defaults.
     */
    public List<String> arguments(Path out) {
        List<String> a = new ArrayList<>(List.of("--dataset", data.dataset()));
        if (!data.split().equals("train")) {
            a.addAll(List.of("--split", data.split()));
        }
        if (data.limit() > 0) {
            a.addAll(List.of("--limit", String.valueOf(data.limit())));
        }
        a.addAll(List.of("--model", network.kind(), "--arch", network.arch(), "--latent", String.valueOf(network.latent())));
        if (network.hidden() != null) {
            a.addAll(List.of("--hidden", network.hidden().stream().map(String::valueOf).collect(Collectors.joining(","))));
        }
        a.addAll(List.of("--likelihood", network.likelihood().toString(), "--binarize", train.binarization().toString(),
                "--epochs", String.valueOf(train.epochs()), "--batch", String.valueOf(train.batchSize()),
                "--lr", String.valueOf(train.learningRate()), "--weight-decay", String.valueOf(train.weightDecay()),
                "--beta", String.valueOf(train.beta()), "--warmup", String.valueOf(train.warmupEpochs()),
                "--validation", String.valueOf(train.validationSplit()), "--patience", String.valueOf(train.patience()),
                "--seed", String.valueOf(train.seed())));
        if (!train.lrSchedule().equals(LrSchedule.CONSTANT_RATE)) {
            a.addAll(List.of("--lr-schedule", train.lrSchedule().toString()));
        }
        if (network.isGmvae()) {
            a.addAll(List.of("--clusters", String.valueOf(gmvae.clusters()), "--w-dim", String.valueOf(gmvae.wDim())));
            if (gmvae.pretrain() != null) {
                a.addAll(List.of("--pretrain", String.valueOf(gmvae.pretrain())));
            }
            a.addAll(List.of("--init", gmvae.init(), "--layouts", String.valueOf(gmvae.layouts()),
                    "--layout-metric", gmvae.layoutMetric(), "--layout-choice", gmvae.layoutChoice(),
                    "--pretrain-runs", String.valueOf(gmvae.pretrainRuns())));
            if (gmvae.jointLr() != null) {
                a.addAll(List.of("--joint-lr", String.valueOf(gmvae.jointLr())));
            }
            if (gmvae.pretrainNoise()) {
                a.add("--pretrain-noise");
            }
            if (gmvae.pretrainVae()) {
                a.add("--pretrain-vae");
            }
        }
        if (network.isCvae()) {
            a.addAll(List.of("--prior", cvaePrior));
        }
        if (network.isVaeac()) {
            a.addAll(List.of("--path", String.valueOf(vaeac.path()), "--prior-recon", String.valueOf(vaeac.priorRecon())));
            if (vaeac.halfMasks() != SameDiffVaeac.DEFAULT_HALF_MASKS) {
                a.addAll(List.of("--half-masks", String.valueOf(vaeac.halfMasks())));
            }
        }
        a.addAll(List.of("--out", out.toString()));
        return a;
    }

    /** {@link #arguments} as one command line, words with blanks or quotes in single quotes. */
    public String commandLine(Path out) {
        StringBuilder b = new StringBuilder("latent-explorer train");
        for (String w : arguments(out)) {
            b.append(' ').append(w.isEmpty() || w.matches(".*[\\s'\"\\\\$`;&|<>()*?].*")
                    ? "'" + w.replace("'", "'\\''") + "'" : w);
        }
        return b.toString();
    }
}
