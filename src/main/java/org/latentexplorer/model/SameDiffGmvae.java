package org.latentexplorer.model;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Gaussian-mixture VAE of Dilokthanakul et al. (2016) in the form of Sánchez Martín (2018,
 * chapter 4), dense or convolutional, on SameDiff.
 *
 * <p>Generative model: y ~ Cat(1/K), w ~ N(0, I), z | w, y ~ N(μ_y(w), diag σ²_y(w)), x | z from the
 * decoder (the VAE's: the mirrored dense encoder, or {@link ConvNet}'s transposed convolutions for
 * {@code conv}). Inference: q(w|x) and q(z|x) Gaussian heads on one encoder trunk (dense layers, or
 * {@link ConvNet}'s convolutions and dense layer), and q(y|w, z) a small network on [w, z] — the
 * "neural network approximation" of p(y|w, z) (Sánchez Martín 2018, §5.6.1). The loss is the negative
 * of his eq. 4.3, term by term:
 * <pre>
 *   ReconsLoss = −log p(x|z)                                   z ~ q(z|x)
 *   CondPrior  = Σ_k q(y=k|w,z) KL(q(z|x) ‖ p(z|w, y=k))        w ~ q(w|x)
 *   WPrior     = KL(q(w|x) ‖ N(0, I))
 *   YPrior     = KL(q(y|w,z) ‖ Cat(1/K))
 * </pre>
 * each estimated with one sample of w and z. Stability (§5.6.2, §5.7): the conditional-prior means
 * are A·tanh(·), its variances softplus(·) + 0.1, and the mean layer's bias starts from a truncated
 * normal so the K components start apart. Dense training steps run fused in {@link GmvaeKernel}, conv
 * ones through SameDiff's own training; the VaDE-style start (autoencoder pre-training, mixture from
 * clustered codes; dense only for now, see {@link #checkStart}) is {@code train.GmvaeInit}, asked for
 * by {@link #PRETRAIN_EPOCHS} and {@link #INIT_CLUSTERING} in the configuration.
 *
 * <p>Graph names: inputs {@code x, epsW, epsZ, klWeight}; {@code zIn} (decoding), {@code wIn} (the
 * conditional prior of given w: {@code pMeanIn}, {@code pVarIn}, K·d wide, component k in columns
 * [k·d, (k+1)·d)), {@code xIn} (log p(x|zIn)); outputs {@code qy} (responsibilities), the four terms
 * and {@code loss}.
 */
public final class SameDiffGmvae extends SameDiffModel {
    public static final String KIND = "gmvae";
    public static final String EPS_W = "epsW", EPS_Z = "epsZ", W_MEAN = "wMean", W_LOG_VAR = "wLogVar", QY = "qy",
            QY_LOGITS = "qyLogits", RECONS = "ReconsLoss", COND_PRIOR = "CondPrior", W_PRIOR = "WPrior",
            Y_PRIOR = "YPrior", W_IN = "wIn", P_MEAN_IN = "pMeanIn", P_VAR_IN = "pVarIn";
    /** Keys of {@link ModelConfig#extra} and their defaults. */
    public static final String CLUSTERS = "clusters", W_DIM = "wDim", PRIOR_HIDDEN = "priorHidden",
            Y_HIDDEN = "yHidden", MEAN_BOUND = "meanBound", Y_FREE_BITS = "yFreeBits", PRETRAIN_EPOCHS = "pretrainEpochs",
            INIT_CLUSTERING = "initClustering", INIT_KMEANS = "kmeans", INIT_UMAP = "umap", INIT_UMAP_GMM = "umap-gmm",
            INIT_UMAP_GMM_CODES = "umap-gmm-codes",
            JOINT_LR = "jointLr", PRETRAIN_NOISE = "pretrainNoise", PRETRAIN_VAE = "pretrainVae", INIT_LAYOUTS = "initLayouts",
            INIT_RUNS = "initRuns", DEFAULT_INIT = INIT_UMAP_GMM, LAYOUT_METRIC = "layoutMetric",
            METRIC_EUCLIDEAN = "euclidean", METRIC_COSINE = "cosine", DEFAULT_LAYOUT_METRIC = METRIC_EUCLIDEAN,
            LAYOUT_CHOICE = "layoutChoice", CHOICE_AGREEMENT = "agreement", CHOICE_LIKELIHOOD = "likelihood",
            // The codes' likelihood (1/K weights) keeps a start as good as agreement's or better on every seed:
            // Fashion-MNIST 0.605 ± 0.015 against 0.596 ± 0.024, MNIST 0.915 ± 0.016 against 0.912 ± 0.018
            // (docs/benchmarks-gmvae.md, session 8). Cosine layouts stay an option: a 2-D code keeps only its angle.
            DEFAULT_LAYOUT_CHOICE = CHOICE_LIKELIHOOD;
    public static final int DEFAULT_CLUSTERS = 10, DEFAULT_W_DIM = 2, DEFAULT_Z_DIM = 10, DEFAULT_PRIOR_HIDDEN = 64,
            DEFAULT_Y_HIDDEN = 64;
    public static final double DEFAULT_MEAN_BOUND = 3.0, DEFAULT_Y_FREE_BITS = 0.5;
    /** Default autoencoder pre-training of the command line (the model's own default, absent the key, is 0). */
    public static final int DEFAULT_PRETRAIN_EPOCHS = 100;
    /** UMAP layouts laid out and clustered by the start, absent the key (see {@link #initLayouts()}). */
    public static final int DEFAULT_INIT_LAYOUTS = 5;
    /** The largest K, dimension of w, pre-training, layouts and pre-training runs a GMVAE takes. */
    public static final int MAX_CLUSTERS = 100, MAX_W_DIM = 64, MAX_PRETRAIN_EPOCHS = 10_000, MAX_INIT_LAYOUTS = 50,
            MAX_INIT_RUNS = 10;
    /** Floor added to the conditional-prior variances (Sánchez Martín 2018, §5.7). */
    static final double VAR_FLOOR = 0.1;

    private final int k;
    private final int wDim;
    private final double freeBits;
    private final boolean conv;

    private SameDiffGmvae(ModelConfig config, SameDiff sd) {
        super(config, sd);
        this.k = clusters(config);
        this.wDim = wDim(config);
        this.freeBits = extraDouble(config, Y_FREE_BITS, DEFAULT_Y_FREE_BITS);
        this.conv = config.arch().equals("conv");
    }

    /**
     * The configuration of a dense GMVAE.
     *
     * @param shape      input shape
     * @param clusters   K, the number of mixture components, 2..100 (default 10)
     * @param wDim       dimension of w, 1..64 (default 2)
     * @param zDim       dimension of z, 1..1024 (default 10)
     * @param hidden     encoder layer sizes, decoder mirrored (default 512, 256)
     * @param likelihood the decoder's distribution
     */
    public static ModelConfig config(ImageShape shape, int clusters, int wDim, int zDim, List<Integer> hidden,
                                     Likelihood likelihood) {
        return config("dense", shape, clusters, wDim, zDim, hidden, likelihood);
    }

    /**
     * The configuration of a GMVAE of architecture {@code arch}, {@code dense} or {@code conv}; for
     * {@code conv}, {@code hidden} holds {@link ConvNet}'s channel counts (empty: its defaults).
     */
    public static ModelConfig config(String arch, ImageShape shape, int clusters, int wDim, int zDim,
                                     List<Integer> hidden, Likelihood likelihood) {
        List<Integer> layers = hidden != null ? hidden : arch.equals("conv") ? List.of() : ModelConfig.DEFAULT_DENSE_HIDDEN;
        ModelConfig c = new ModelConfig(KIND, arch, shape, zDim, layers,
                likelihood, "unit", "", List.of(), Map.of(CLUSTERS, clusters, W_DIM, wDim,
                PRIOR_HIDDEN, DEFAULT_PRIOR_HIDDEN, Y_HIDDEN, DEFAULT_Y_HIDDEN, MEAN_BOUND, DEFAULT_MEAN_BOUND,
                Y_FREE_BITS, DEFAULT_Y_FREE_BITS));
        clusters(c);
        wDim(c);
        return c;
    }

    static int clusters(ModelConfig c) {
        int k = c.extraInt(CLUSTERS, DEFAULT_CLUSTERS);
        if (k < 2 || k > MAX_CLUSTERS) {
            throw new InputException("--clusters must be between 2 and " + MAX_CLUSTERS + ", got " + k);
        }
        return k;
    }

    static double extraDouble(ModelConfig c, String key, double fallback) {
        Object v = c.extra().get(key);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    static int wDim(ModelConfig c) {
        int w = c.extraInt(W_DIM, DEFAULT_W_DIM);
        if (w < 1 || w > MAX_W_DIM) {
            throw new InputException("--w-dim must be between 1 and " + MAX_W_DIM + ", got " + w);
        }
        return w;
    }

    /**
     * Checks every GMVAE setting of {@code config} (K, the dimension of w, the start and its options)
     * without building a graph, so a bad value is refused before any data is read; the messages name
     * the command line's options.
     */
    public static void check(ModelConfig config) {
        clusters(config);
        wDim(config);
        checkStart(config.arch(), pretrainEpochs(config));
        checkPretrainObjective(config);
        initClustering(config);
        initLayouts(config);
        initRuns(config);
        layoutMetric(config);
        layoutChoice(config);
        jointLearningRate(config, 1e-3);
    }

    /** A new, randomly initialised GMVAE. */
    public static SameDiffGmvae create(ModelConfig config, long seed) {
        if (!config.kind().equals(KIND)) {
            throw new InputException("SameDiffGmvae builds GMVAEs, not " + config.kind());
        }
        boolean conv = config.arch().equals("conv");
        check(config);
        int k = clusters(config);
        int wDim = wDim(config);
        int d = config.latentDim();
        int dIn = config.inputShape().size();
        int ph = config.extraInt(PRIOR_HIDDEN, DEFAULT_PRIOR_HIDDEN);
        int yh = config.extraInt(Y_HIDDEN, DEFAULT_Y_HIDDEN);
        double bound = extraDouble(config, MEAN_BOUND, DEFAULT_MEAN_BOUND);
        double freeBits = extraDouble(config, Y_FREE_BITS, DEFAULT_Y_FREE_BITS);
        List<Integer> hidden = config.hidden();
        SplittableRandom root = new SplittableRandom(seed);
        SameDiff sd = SameDiff.create();
        Layers layers = new Layers(sd, root.split());

        SDVariable x = sd.placeHolder(SameDiffVae.X, DataType.FLOAT, -1, dIn);
        SDVariable epsW = sd.placeHolder(EPS_W, DataType.FLOAT, -1, wDim);
        SDVariable epsZ = sd.placeHolder(EPS_Z, DataType.FLOAT, -1, d);
        SDVariable klWeight = sd.placeHolder(SameDiffVae.KL_WEIGHT, DataType.FLOAT, 1);

        // Inference: one trunk (dense layers or ConvNet's), Gaussian heads for q(w|x) and q(z|x).
        ConvNet convNet = conv ? new ConvNet(sd, config) : null;
        SDVariable h = conv ? convNet.encode(layers, x) : x;
        int prev = conv ? ConvNet.DENSE : dIn;
        for (int i = 0; !conv && i < hidden.size(); i++) {
            h = layers.reluDense("enc" + i, h, prev, hidden.get(i));
            prev = hidden.get(i);
        }
        SDVariable wMean = layers.dense(W_MEAN, h, prev, wDim);
        SDVariable wLogVar = layers.dense(W_LOG_VAR, h, prev, wDim);
        SDVariable zMean = layers.dense(SameDiffVae.Z_MEAN, h, prev, d);
        SDVariable zLogVar = layers.dense(SameDiffVae.Z_LOG_VAR, h, prev, d);
        // Reparameterisation (Kingma & Welling 2014, §2.4) for both continuous latents.
        SDVariable w = wMean.add("w", sd.math.exp(wLogVar.mul(0.5)).mul(epsW));
        SDVariable z = zMean.add("z", sd.math.exp(zLogVar.mul(0.5)).mul(epsZ));

        // Conditional prior p(z|w, y) for all K at once, K·d wide.
        SameDiffGmvaePrior prior = SameDiffGmvaePrior.create(sd, layers, root.split(), wDim, ph, k, d, bound);
        SDVariable[] p = prior.apply(w, "pMean", "pVar");

        // q(y|w, z): ReLU network on [w, z] (Sánchez Martín 2018, §5.6.1).
        Layers.Dense y0 = layers.denseWeights("qy0", wDim + d, yh);
        Layers.Dense y1 = layers.denseWeights("qy1", yh, k);
        SDVariable logits = Layers.apply(sd, List.of(y0, y1), sd.concat(1, w, z), QY_LOGITS);
        SDVariable qy = sd.nn.softmax(QY, logits, 1);

        // Decoder p(x|z), weights shared with the decoding path from zIn.
        Decoder decoder;
        if (conv) {
            convNet.buildDecoder(layers, d);
            decoder = convNet::decode;
        } else {
            List<Layers.Dense> dec = SameDiffGmvaeParts.decoderWeights(layers, hidden, d, dIn);
            decoder = (in, name) -> Layers.apply(sd, dec, in, name);
        }
        SDVariable xLogits = decoder.apply(z, "logits");

        // Eq. 4.3 of Sánchez Martín (2018), negated, one sample of (w, z).
        SDVariable recons = sd.sum(RECONS, SameDiffVae.negLogLikelihood(sd, config.likelihood(), xLogits, x), 1);
        SDVariable klPerK = prior.klPerComponent(zMean, zLogVar, p[0], p[1]);
        SDVariable condPrior = sd.sum(COND_PRIOR, qy.mul(klPerK), 1);
        // KL(N(μ, σ²) ‖ N(0, I)) = −½ Σ (1 + log σ² − μ² − σ²) (Kingma & Welling 2014, appendix B).
        SDVariable wPrior = SameDiffGmvaeParts.rowSum(sd, wLogVar.add(1.0).sub(wMean.mul(wMean))
                .sub(sd.math.exp(wLogVar)), wDim).mul(W_PRIOR, -0.5);
        // KL(q(y) ‖ Cat(1/K)) = Σ_k q_k (log q_k + log K), log q = l − logsumexp(l) for logits l, written
        // out by hand: M2.1's log-softmax op cannot be read back from a saved graph.
        SDVariable top = sd.max(logits, true, 1);
        SDVariable lse = sd.math.log(sd.sum(sd.math.exp(logits.sub(top)), true, 1)).add(top);
        SDVariable yPrior = sd.sum(qy.mul(logits.sub(lse)), 1).add(Y_PRIOR, Math.log(k));
        // Information constraint on the y term (Dilokthanakul et al. 2016, §3.2, after Kingma et al. 2016):
        // below λ nats it exerts no pull, so q(y|w,z) can grow confident before the clusters separate.
        SDVariable yMean = sd.mean(yPrior);
        SDVariable yClamped = freeBits > 0 ? sd.nn.relu(yMean.sub(freeBits), 0).add(freeBits) : yMean;
        sd.math.add(SameDiffVae.LOSS, sd.mean(recons.add(condPrior.add(wPrior).mul(klWeight))), yClamped.mul(klWeight));
        sd.setLossVariables(SameDiffVae.LOSS);

        SDVariable zIn = sd.placeHolder(SameDiffVae.Z_IN, DataType.FLOAT, -1, d);
        SDVariable decLogits = decoder.apply(zIn, SameDiffVae.DEC_LOGITS);
        sd.nn.sigmoid(SameDiffVae.X_MEAN, decLogits);
        SDVariable xIn = sd.placeHolder(SameDiffVae.X_IN, DataType.FLOAT, -1, dIn);
        sd.sum(SameDiffVae.LOG_PXZ, SameDiffVae.negLogLikelihood(sd, config.likelihood(), decLogits, xIn).neg(), 1);
        prior.apply(sd.placeHolder(W_IN, DataType.FLOAT, -1, wDim), P_MEAN_IN, P_VAR_IN);
        return new SameDiffGmvae(config, sd);
    }

    /** Applies the decoder's weights to a code variable, naming the logits. */
    private interface Decoder {
        SDVariable apply(SDVariable z, String outName);
    }

    /** Rebuilds the model object around a graph loaded from a bundle. */
    static SameDiffGmvae fromGraph(ModelConfig config, SameDiff sd) {
        requireVariables(sd, "GMVAE", List.of(SameDiffVae.X, EPS_W, EPS_Z, SameDiffVae.Z_MEAN,
                SameDiffVae.Z_LOG_VAR, W_MEAN, QY, SameDiffVae.LOSS, SameDiffVae.Z_IN, SameDiffVae.X_MEAN, W_IN,
                P_MEAN_IN, P_VAR_IN));
        return new SameDiffGmvae(config, sd);
    }

    /** K, the number of mixture components. */
    public int clusterCount() {
        return k;
    }

    /** Dimension of w. */
    public int wDim() {
        return wDim;
    }

    /**
     * Epochs of autoencoder pre-training before the mixture is initialised from the codes (the
     * VaDE-style start of {@code train.GmvaeInit}); 0 trains from the random start.
     */
    public int pretrainEpochs() {
        return pretrainEpochs(config);
    }

    static int pretrainEpochs(ModelConfig config) {
        int e = config.extraInt(PRETRAIN_EPOCHS, 0);
        if (e < 0 || e > MAX_PRETRAIN_EPOCHS) {
            throw new InputException("--pretrain must be between 0 and " + MAX_PRETRAIN_EPOCHS + " epochs, got " + e);
        }
        return e;
    }

    /**
     * Whether the autoencoder epochs of the pre-trained start decode a sample of q(z|x) (z = μ + σ ε, with
     * the encoder's own σ and still no KL term) instead of its mean. σ starts near 1 and the encoder is
     * free to shrink it, so the noise fades as the autoencoder trains: a denoising schedule in the code
     * space. Measured on MNIST 10k (docs/benchmarks-gmvae.md, session 5): a better fit of clean digits
     * and a smaller loss under additive noise, a larger one under pixel dropout. Default off.
     */
    public boolean pretrainNoise() {
        return Boolean.TRUE.equals(config.extra().get(PRETRAIN_NOISE));
    }

    /**
     * Whether the pre-trained start trains a plain VAE (KL to N(0, I) on z) of the same encoder and decoder
     * instead of an autoencoder, and hands its weights over ({@link #adoptWeights}): the decoder then starts
     * calibrated to samples of q(z|x), as the VAE's is. Default off.
     */
    public boolean pretrainVae() {
        return Boolean.TRUE.equals(config.extra().get(PRETRAIN_VAE));
    }

    /** A new VAE with this GMVAE's encoder trunk, q(z|x) heads and decoder (same names, same shapes). */
    public SameDiffVae matchingVae(long seed) {
        return SameDiffVae.create(new ModelConfig("vae", config.arch(), config.inputShape(), config.latentDim(),
                config.hidden(), config.likelihood(), config.normalisation(), config.datasetId(), config.labelNames(),
                Map.of()), seed);
    }

    /**
     * Copies the weights this GMVAE shares with {@code other} (every variable of the other graph that this
     * graph has under the same name and shape: from a VAE the encoder trunk, q(z|x)'s heads and the decoder;
     * from a GMVAE of the same configuration, everything).
     *
     * @return how many arrays were copied
     */
    public int adoptWeights(SameDiffModel other) {
        int copied = 0;
        for (var v : other.sd.variables()) {
            if (v.getVariableType() != org.nd4j.autodiff.samediff.VariableType.VARIABLE || !sd.hasVariable(v.name())) {
                continue;
            }
            INDArray mine = sd.getVariable(v.name()).getArr();
            INDArray theirs = v.getArr();
            if (java.util.Arrays.equals(mine.shape(), theirs.shape())) {
                mine.assign(theirs);
                copied++;
            }
        }
        return copied;
    }

    /**
     * Refuses a pre-trained start (the VaDE-style start of {@code train.GmvaeInit}) for a conv GMVAE: its
     * autoencoder epochs and the fit of q(y|w, z) run in the dense GMVAE's fused kernel only, so a conv
     * GMVAE trains from the random start.
     */
    public static void checkStart(String arch, int pretrainEpochs) {
        if (pretrainEpochs > 0 && "conv".equals(arch)) {
            throw new InputException("--pretrain needs --arch dense for now; use --pretrain 0 with --arch conv");
        }
    }

    /**
     * Refuses a choice of what the start's pre-training optimises ({@code --pretrain-noise}, {@code --pretrain-vae})
     * where there is no pre-training to change, and both choices at once.
     */
    static void checkPretrainObjective(ModelConfig config) {
        checkPretrainObjective(Boolean.TRUE.equals(config.extra().get(PRETRAIN_NOISE)),
                Boolean.TRUE.equals(config.extra().get(PRETRAIN_VAE)), pretrainEpochs(config));
    }

    /** The same check from the command line's flags, before any data is read. */
    public static void checkPretrainObjective(boolean noise, boolean vae, int pretrainEpochs) {
        if (noise && vae) {
            throw new InputException("--pretrain-noise and --pretrain-vae are two different starts; choose one");
        }
        if ((noise || vae) && pretrainEpochs == 0) {
            throw new InputException((noise ? "--pretrain-noise" : "--pretrain-vae")
                    + " changes the pre-trained start, but there is none: give --pretrain E with E > 0 (dense GMVAE)");
        }
    }

    /**
     * Learning rate of the joint epochs that follow a pre-trained start; the start itself (autoencoder
     * epochs, the fit of q(y|w, z)) uses the run's rate. Absent the key, a tenth of {@code runRate}:
     * at the full rate the joint epochs blur the borders of the start's clusters (MNIST 10k, seed 1:
     * 0.935 at the start, 0.896 after 10 epochs at 1e-3, 0.920 at 1e-4; docs/benchmarks-gmvae.md,
     * session 3). After a {@link #pretrainVae VAE start}, a hundredth: the VAE is already a fitted model of
     * the data, and every joint epoch at a tenth trades its calibration for a sharper fit (MNIST 10k, 5 seeds:
     * at 1e-5 accuracy 0.924 and 196 / 28.1 nats lost under noise / dropout, as the VAE's 198 / 28.4; at
     * 1e-4 0.919 and 213 / 29.5; docs/benchmarks-gmvae.md, session 6).
     */
    public double jointLearningRate(double runRate) {
        return jointLearningRate(config, runRate);
    }

    static double jointLearningRate(ModelConfig config, double runRate) {
        boolean afterVae = Boolean.TRUE.equals(config.extra().get(PRETRAIN_VAE));
        double lr = extraDouble(config, JOINT_LR, runRate / (afterVae ? 100 : 10));
        if (!(lr > 0 && lr <= 1)) {
            throw new InputException("--joint-lr must be in (0, 1], got " + lr);
        }
        return lr;
    }

    /**
     * How the pre-trained codes are clustered to start the mixture: {@code kmeans} (k-means on the
     * codes, as VaDE), {@code umap} (k-means on their UMAP layout, as N2D) or {@code umap-gmm} (a
     * full-covariance Gaussian mixture on the UMAP layout, started from that k-means, as N2D's own
     * choice) or {@code umap-gmm-codes} (that mixture's partition, then a full-covariance Gaussian mixture
     * on the codes themselves started from it); default umap-gmm (docs/benchmarks-gmvae.md, session 3).
     */
    public String initClustering() {
        return initClustering(config);
    }

    static String initClustering(ModelConfig config) {
        return oneOf(config.extra().getOrDefault(INIT_CLUSTERING, DEFAULT_INIT), "--init", INIT_KMEANS, INIT_UMAP,
                INIT_UMAP_GMM, INIT_UMAP_GMM_CODES);
    }

    /**
     * The distance between codes that the start's UMAP layouts keep: {@code euclidean}, or {@code cosine}
     * (the angle between standardised codes; each code is scaled to unit length before the layout, so
     * its Euclidean neighbours are its cosine neighbours). Absent the key, {@link #DEFAULT_LAYOUT_METRIC}.
     */
    public String layoutMetric() {
        return layoutMetric(config);
    }

    static String layoutMetric(ModelConfig config) {
        return checkLayoutMetric(config.extra().getOrDefault(LAYOUT_METRIC, DEFAULT_LAYOUT_METRIC));
    }

    /** The check of {@link #layoutMetric()} from the command line's value, before any data is read. */
    public static String checkLayoutMetric(Object v) {
        return oneOf(v, "--layout-metric", METRIC_EUCLIDEAN, METRIC_COSINE);
    }

    /**
     * How the start chooses among its partitions (layouts × runs): {@code agreement}, the medoid (highest
     * mean adjusted Rand index with the others), or {@code likelihood}, the partition under whose Gaussian
     * mixture, each cluster weighted 1/K as the prior weights it, the codes are most likely (see
     * {@code GmvaeInit.codeLikelihood}). Absent the key, {@link #DEFAULT_LAYOUT_CHOICE}.
     */
    public String layoutChoice() {
        return layoutChoice(config);
    }

    static String layoutChoice(ModelConfig config) {
        return checkLayoutChoice(config.extra().getOrDefault(LAYOUT_CHOICE, DEFAULT_LAYOUT_CHOICE));
    }

    /** The check of {@link #layoutChoice()} from the command line's value, before any data is read. */
    public static String checkLayoutChoice(Object v) {
        return oneOf(v, "--layout-choice", CHOICE_AGREEMENT, CHOICE_LIKELIHOOD);
    }

    /** {@code v} if it is one of {@code choices}; otherwise a message naming the option and every choice. */
    private static String oneOf(Object v, String option, String... choices) {
        if (!List.of(choices).contains(v)) {
            String all = "'" + String.join("', '", List.of(choices).subList(0, choices.length - 1)) + "' or '"
                    + choices[choices.length - 1] + "'";
            throw new InputException(option + " must be " + all + ", got '" + v + "'");
        }
        return (String) v;
    }

    /**
     * How many UMAP layouts (each from its own seed) the {@code umap} and {@code umap-gmm*} starts lay out
     * and cluster; the start keeps the partition that agrees best with the others (highest mean adjusted
     * Rand index), a label-free choice: one layout in five merged two pairs of digits on MNIST
     * (docs/benchmarks-gmvae.md, session 3, seed 3) and no clustering of that layout undid it.
     */
    public int initLayouts() {
        return initLayouts(config);
    }

    static int initLayouts(ModelConfig config) {
        int n = config.extraInt(INIT_LAYOUTS, DEFAULT_INIT_LAYOUTS);
        if (n < 1 || n > MAX_INIT_LAYOUTS) {
            throw new InputException("--layouts must be between 1 and " + MAX_INIT_LAYOUTS + ", got " + n);
        }
        return n;
    }

    /**
     * How many pre-training runs the start makes, each from its own random weights; their codes' layouts are
     * clustered together and the start keeps the run whose partition agrees best with all the others (the
     * medoid of runs × layouts partitions). On Fashion-MNIST the run decides most of the start (4–6 points
     * between seeds; docs/benchmarks-gmvae.md, sessions 5 and 6). Absent the key, 1.
     */
    public int initRuns() {
        return initRuns(config);
    }

    static int initRuns(ModelConfig config) {
        int n = config.extraInt(INIT_RUNS, 1);
        checkInitRuns(n, pretrainEpochs(config));
        return n;
    }

    /** The check of {@link #initRuns()} from the command line's values, before any data is read. */
    public static void checkInitRuns(int n, int pretrainEpochs) {
        if (n < 1 || n > MAX_INIT_RUNS) {
            throw new InputException("--pretrain-runs must be between 1 and " + MAX_INIT_RUNS + ", got " + n);
        }
        if (n > 1 && pretrainEpochs == 0) {
            throw new InputException("--pretrain-runs repeats the pre-trained start, but there is none: "
                    + "give --pretrain E with E > 0");
        }
    }

    /**
     * Caps q(z|x)'s variance, per dimension, at the spread of the codes themselves: where the mean variance
     * over {@code x} exceeds 1 (in standardised units, after {@link #standardiseCodes}) the log-variance
     * layer's bias is lowered so that it is 1. A VAE leaves some dimensions unused (means near 0, variances
     * near 1: posterior collapse), and standardising such a dimension's tiny spread of means to 1 blows its
     * variance up by the same factor; the conditional prior's KL then starts at thousands of nats and the
     * first joint epochs wreck the start (Fashion-MNIST, session 6: accuracy 0.61 → 0.32).
     *
     * @return the dimensions capped
     */
    public List<Integer> capCodeVariance(float[][] x) {
        int d = latentDim();
        double[] mean = new double[d];
        for (int s = 0; s < x.length; s += 1000) {
            float[][] logVar = encode(java.util.Arrays.copyOfRange(x, s, Math.min(x.length, s + 1000))).logVar();
            for (float[] row : logVar) {
                for (int j = 0; j < d; j++) {
                    mean[j] += Math.exp(row[j]) / x.length;
                }
            }
        }
        INDArray lB = sd.getVariable(SameDiffVae.Z_LOG_VAR + "_b").getArr();
        List<Integer> capped = new java.util.ArrayList<>();
        for (int j = 0; j < d; j++) {
            if (mean[j] > 1) {
                lB.putScalar(0, j, lB.getDouble(0, j) - Math.log(mean[j]));
                capped.add(j);
            }
        }
        return capped;
    }

    /** A GMVAE of this one's configuration with fresh random weights. */
    public SameDiffGmvae sibling(long seed) {
        return create(config, seed);
    }

    /**
     * Reparameterises the model so that q(z|x)'s means have zero mean and unit variance in each
     * dimension over {@code codes} (the current means of some inputs), leaving the decoder's output
     * unchanged: with z = σ z' + μ, the mean layer is shifted and scaled, the log-variance layer shifted
     * by −2 log σ, and the decoder's first layer absorbs σ and μ (a dense layer on z in both
     * architectures: {@code dec0}, or {@code decOut} for a dense GMVAE without hidden layers). The
     * conditional prior and q(y|w, z) are not adjusted: call this before {@link #initialiseMixture}.
     *
     * @return the codes, standardised
     */
    public float[][] standardiseCodes(float[][] codes) {
        int d = latentDim();
        double[] mu = new double[d], sigma = new double[d];
        for (float[] c : codes) {
            for (int j = 0; j < d; j++) {
                mu[j] += c[j] / (double) codes.length;
            }
        }
        for (float[] c : codes) {
            for (int j = 0; j < d; j++) {
                sigma[j] += (c[j] - mu[j]) * (c[j] - mu[j]) / codes.length;
            }
        }
        for (int j = 0; j < d; j++) {
            sigma[j] = Math.sqrt(Math.max(sigma[j], 1e-12));
        }
        INDArray mW = sd.getVariable(SameDiffVae.Z_MEAN + "_W").getArr(), mB = sd.getVariable(SameDiffVae.Z_MEAN + "_b").getArr();
        INDArray lB = sd.getVariable(SameDiffVae.Z_LOG_VAR + "_b").getArr();
        String first = conv || !config.hidden().isEmpty() ? "dec0" : "decOut";
        INDArray dW = sd.getVariable(first + "_W").getArr(), dB = sd.getVariable(first + "_b").getArr();
        INDArray muRow = Nd4j.create(toFloat(mu), new long[]{1, d}, 'c');
        dB.addi(muRow.mmul(dW));
        for (int j = 0; j < d; j++) {
            mW.getColumn(j).divi(sigma[j]);
            mB.putScalar(0, j, (mB.getDouble(0, j) - mu[j]) / sigma[j]);
            lB.putScalar(0, j, lB.getDouble(0, j) - 2 * Math.log(sigma[j]));
            dW.getRow(j).muli(sigma[j]);
        }
        float[][] out = new float[codes.length][d];
        for (int i = 0; i < codes.length; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = (float) ((codes[i][j] - mu[j]) / sigma[j]);
            }
        }
        return out;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /**
     * Starts the mixture from clusters found in the codes (VaDE, Jiang et al. 2017, §3.3: "initialize
     * the GMM parameters" from a mixture fitted to the pre-trained codes): p(z|w, y=k) becomes
     * N(means[k], diag variances[k]) for every w (the mean and variance layers' weights zeroed, their
     * biases the inverse of A·tanh and of softplus + 0.1), and q(z|x) starts narrow (variance
     * {@code codeVariance} for every input), so that the first steps do not blur the clusters; with
     * {@code codeVariance} NaN q(z|x)'s variance layer is left as it is.
     *
     * @param means     K × d component means, inside (−A, A)
     * @param variances K × d component variances, > 0.1 (smaller ones are raised to 0.11)
     */
    public void initialiseMixture(double[][] means, double[][] variances, double codeVariance) {
        int d = latentDim();
        if (means.length != k || variances.length != k || means[0].length != d) {
            throw new IllegalArgumentException("need " + k + " × " + d + " means and variances");
        }
        double bound = extraDouble(config, MEAN_BOUND, DEFAULT_MEAN_BOUND);
        INDArray mB = sd.getVariable("priorMean_b").getArr(), vB = sd.getVariable("priorVar_b").getArr();
        sd.getVariable("priorMean_W").getArr().assign(0);
        sd.getVariable("priorVar_W").getArr().assign(0);
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                double m = Math.max(-0.95, Math.min(0.95, means[c][j] / bound));
                mB.putScalar(0, c * d + j, 0.5 * Math.log((1 + m) / (1 - m)));
                double v = Math.max(variances[c][j] - VAR_FLOOR, 0.01);
                vB.putScalar(0, c * d + j, v + Math.log(-Math.expm1(-v)));   // softplus⁻¹(v) = log(e^v − 1)
            }
        }
        if (!Double.isNaN(codeVariance)) {
            sd.getVariable(SameDiffVae.Z_LOG_VAR + "_W").getArr().assign(0);
            sd.getVariable(SameDiffVae.Z_LOG_VAR + "_b").getArr().assign(Math.log(codeVariance));
        }
    }

    /**
     * Trains q(y|w, z) alone, with the rest of the model fixed, to predict {@code labels} from the
     * posterior means of w and z of {@code x} (cross-entropy, Adam, batches of 128).
     *
     * @return the last epoch's mean cross-entropy
     */
    public double fitResponsibilities(float[][] x, int[] labels, int epochs, double learningRate, long seed) {
        if (conv) {
            throw new UnsupportedOperationException("fitting q(y|w, z) alone runs in the dense GMVAE's kernel only");
        }
        float[][] wm = encodeW(x).mean(), zm = encode(x).mean();
        float[][] wz = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            wz[i] = new float[wDim + latentDim()];
            System.arraycopy(wm[i], 0, wz[i], 0, wDim);
            System.arraycopy(zm[i], 0, wz[i], wDim, latentDim());
        }
        GmvaeKernel kernel = new GmvaeKernel(this, learningRate, 0);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] order = java.util.stream.IntStream.range(0, x.length).toArray();
        double ce = Double.NaN;
        int iteration = 0;
        for (int e = 0; e < epochs; e++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double sum = 0;
            for (int s = 0; s < order.length; s += 128) {
                int n = Math.min(128, order.length - s);
                float[][] rows = new float[n][];
                int[] y = new int[n];
                for (int i = 0; i < n; i++) {
                    rows[i] = wz[order[s + i]];
                    y[i] = labels[order[s + i]];
                }
                sum += kernel.stepQy(toArray(rows, wDim + latentDim()), y, iteration++) * n;
            }
            ce = sum / x.length;
        }
        return ce;
    }

    /**
     * Dense training steps go through {@link GmvaeKernel}, which computes what the graph defines, fused;
     * conv ones through SameDiff (none here).
     */
    @Override
    public java.util.Optional<FastStep> fastStep(double learningRate, double weightDecay) {
        return conv ? java.util.Optional.empty() : java.util.Optional.of(new GmvaeKernel(this, learningRate, weightDecay));
    }

    @Override
    public List<String> featurePlaceholders() {
        return List.of(SameDiffVae.X, EPS_W, EPS_Z, SameDiffVae.KL_WEIGHT);
    }

    @Override
    public INDArray[] trainingFeatures(INDArray x, SplittableRandom rng, double klWeight) {
        int n = (int) x.size(0);
        return new INDArray[]{x, toArray(gaussian(n, wDim, rng), wDim), toArray(gaussian(n, latentDim(), rng), latentDim()),
                Nd4j.create(new float[]{(float) klWeight}, new long[]{1}, 'c')};
    }

    @Override
    public List<String> lossTermNames() {
        return List.of(RECONS, COND_PRIOR, W_PRIOR, Y_PRIOR);
    }

    @Override
    public double combineLoss(Map<String, Double> terms, double klWeight) {
        double y = terms.getOrDefault(Y_PRIOR, Double.NaN);
        double kl = terms.getOrDefault(COND_PRIOR, Double.NaN) + terms.getOrDefault(W_PRIOR, Double.NaN)
                + Math.max(y, freeBits);
        return terms.getOrDefault(RECONS, Double.NaN) + klWeight * kl;
    }

    /** Feeds for the training path: x and the noise of w and z (rows of zeros give the posterior means). */
    Map<String, INDArray> feed(float[][] x, float[][] epsW, float[][] epsZ) {
        return Map.of(SameDiffVae.X, toArray(x, inputDim()), EPS_W, toArray(epsW, wDim), EPS_Z, toArray(epsZ, latentDim()),
                SameDiffVae.KL_WEIGHT, Nd4j.create(new float[]{1f}, new long[]{1}, 'c'));
    }

    @Override
    public Posterior encode(float[][] x) {
        checkInput(x);
        Map<String, INDArray> out = sd.output(Map.of(SameDiffVae.X, toArray(x, inputDim())), SameDiffVae.Z_MEAN,
                SameDiffVae.Z_LOG_VAR);
        return new Posterior(toRows(out.get(SameDiffVae.Z_MEAN)), toRows(out.get(SameDiffVae.Z_LOG_VAR)));
    }

    /** Parameters of q(w|x) for each row of {@code x}. */
    public Posterior encodeW(float[][] x) {
        checkInput(x);
        Map<String, INDArray> out = sd.output(Map.of(SameDiffVae.X, toArray(x, inputDim())), W_MEAN, W_LOG_VAR);
        return new Posterior(toRows(out.get(W_MEAN)), toRows(out.get(W_LOG_VAR)));
    }

    /**
     * q(y|w, z) at the posterior means of w and z: each row sums to 1 over the K clusters. These are
     * the cluster responsibilities the explorer shows and the clustering metrics use.
     */
    public float[][] responsibilities(float[][] x) {
        checkInput(x);
        return toRows(sd.output(feed(x, new float[x.length][wDim], new float[x.length][latentDim()]), QY).get(QY));
    }

    /**
     * The conditional prior p(z|w, y=k) for each row of {@code w}: {@code [0]} the means and {@code [1]}
     * the variances, each {@code n × K·d} with component k in columns [k·d, (k+1)·d).
     */
    public float[][][] conditionalPrior(float[][] w) {
        Map<String, INDArray> out = sd.output(Map.of(W_IN, toArray(w, wDim)), P_MEAN_IN, P_VAR_IN);
        return new float[][][]{toRows(out.get(P_MEAN_IN)), toRows(out.get(P_VAR_IN))};
    }

    @Override
    public float[][] decode(float[][] z) {
        return toRows(sd.output(Map.of(SameDiffVae.Z_IN, toArray(z, latentDim())), SameDiffVae.X_MEAN).get(SameDiffVae.X_MEAN));
    }

    /** Ancestral sampling: y ~ Cat(1/K), w ~ N(0, I), z ~ p(z|w, y). */
    @Override
    public float[][] samplePrior(int n, SplittableRandom rng) {
        return samplePrior(n, 1.0, rng);
    }

    /**
     * As {@link #samplePrior(int, SplittableRandom)} with z ~ N(μ_y(w), T² σ²_y(w)): the temperature of a
     * cluster's samples (w stays N(0, I)), so that prior draws and one cluster's draws scale alike.
     */
    @Override
    public float[][] samplePrior(int n, double temperature, SplittableRandom rng) {
        checkTemperature(temperature);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(k);
        }
        return sampleZ(y, gaussian(n, wDim, rng), temperature, rng);
    }

    /** z ~ p(z|w_i, y_i) for each row, with the prior's standard deviation scaled by {@code temperature}. */
    public float[][] sampleZ(int[] y, float[][] w, double temperature, SplittableRandom rng) {
        return SameDiffGmvaeParts.componentDraws(conditionalPrior(w), y, latentDim(), temperature,
                gaussian(w.length, latentDim(), rng));
    }

    @Override
    public LossTerms loss(float[][] x, SplittableRandom rng) {
        checkInput(x);
        Map<String, INDArray> out = sd.output(feed(x, gaussian(x.length, wDim, rng), gaussian(x.length, latentDim(), rng)),
                RECONS, COND_PRIOR, W_PRIOR, Y_PRIOR);
        return meanTerms(out);
    }

    @Override
    protected double[] logPxz(INDArray x, float[][] z) {
        return sd.output(Map.of(SameDiffVae.Z_IN, toArray(z, latentDim()), SameDiffVae.X_IN, x), SameDiffVae.LOG_PXZ)
                .get(SameDiffVae.LOG_PXZ).toDoubleVector();
    }

    /**
     * log p(x|z) + log N(w; 0, I) + log Σ_k (1/K) N(z; μ_k(w), σ²_k(w)) − log q(w|x) − log q(z|x), with
     * y summed out exactly, for k draws of (w, z) from q (Burda et al. 2016, eq. 8).
     */
    @Override
    public double[] logImportanceWeights(float[] x, int samples, SplittableRandom rng) {
        if (samples < 1) {
            throw new InputException("number of importance samples must be at least 1, got " + samples);
        }
        float[][] one = {x};
        return SameDiffGmvaeParts.importanceWeights(this, x, encodeW(one), encode(one), samples, rng);
    }

    /** log p(x|z) for one input and many codes (for the importance weights). */
    double[] logPxzRow(float[] x, float[][] z) {
        return logPxz(Nd4j.create(x, new long[]{1, x.length}, 'c'), z);
    }
}
