package org.latentexplorer.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentexplorer.common.InputException;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Variational Autoencoder with Arbitrary Conditioning (Ivanov, Figurnov &amp; Vetrov, ICLR 2019) on
 * SameDiff, float32, convolutional ({@link VaeacNet}): one model that completes any set of missing
 * pixels. A mask m has 1 where a value is missing; x_o = x ⊙ (1 − m) is what is observed.
 *
 * <p>Three networks: the prior network p(z | x_o, m), the proposal network q(z | x, m) (training only)
 * and the decoder p(x_m | z, x_o, m), which sees x_o and m through the prior network's feature maps.
 * Training minimises, per example and a mask drawn by {@link VaeacMasks} (§3, eq. 3–5):
 * <pre>
 *   − Σ_{i: m_i = 1} log p(x_i | z, x_o, m)   with z ~ q(z | x, m) by reparameterisation   ("recon")
 *   + KL(q(z | x, m) ‖ p(z | x_o, m))                                                      ("kl")
 *   + the prior network's regulariser (§4.3.2)                                              ("reg")
 *   + α · (− Σ_{i: m_i = 1} log p(x_i | z', x_o, m))   with z' ~ p(z | x_o, m)               ("gsnn")
 * </pre>
 * The last term, present when α = {@link #PRIOR_RECON} &gt; 0, is Sohn et al.'s (2015) hybrid objective:
 * the completions are drawn through the prior network, so it is trained to complete directly too.
 * Only missing values count in the reconstruction. The regulariser is the one of the authors' code: μ_p
 * under N(0, σ_μ²) with σ_μ = 10⁴, and σ_p under a Gamma-like density ∝ exp(σ_σ (log σ_p − σ_p)) with
 * σ_σ = 10⁻⁴ (its maximum at σ_p = 1); both barely act except to stop the prior's parameters drifting
 * far, which the paper found made training unstable.
 *
 * <p>As a {@link LatentModel}, so that every screen works on it, the VAEAC is read unconditionally or
 * with nothing missing:
 * <ul>
 *   <li>{@link #encode}: the prior network with nothing missing, p(z | x, m = 0) — the code of a whole
 *       image, what the latent map shows;</li>
 *   <li>{@link #decode}: the decoder with the skips of an all-missing input (x_o = 0, m = 1);</li>
 *   <li>{@link #samplePrior}: z ~ p(z | m = 1), the prior network with nothing observed (a Gaussian,
 *       not N(0, I)); temperature T scales its spread around its mean;</li>
 *   <li>{@link #loss}: the VAEAC loss above on masks drawn from the caller's random stream;</li>
 *   <li>{@link #logImportanceWeights}, {@link #logLikelihood}: the unconditional model, everything
 *       missing: log p(x | z, m = 1) + log p(z | m = 1) − log q(z | x, m = 1).</li>
 * </ul>
 * Completion of an image under a mask is {@link #sampleCompletions}: S codes from p(z | x_o, m), each
 * decoded, many images and codes in one graph call.
 */
public final class SameDiffVaeac extends SameDiffModel {
    public static final String KIND = "vaeac";
    /** Placeholders and the variables read back by name. */
    public static final String X = SameDiffVae.X, MASK = "mask", EPS = SameDiffVae.EPS, KL_WEIGHT = SameDiffVae.KL_WEIGHT,
            Z_IN = SameDiffVae.Z_IN, RECON = SameDiffVae.RECON, KL = SameDiffVae.KL, REG = "reg", LOSS = SameDiffVae.LOSS,
            PRIOR_MEAN = "priorMean", PRIOR_LOG_VAR = "priorLogVar", PROP_MEAN = "propMean", PROP_LOG_VAR = "propLogVar",
            DEC_LOGITS = SameDiffVae.DEC_LOGITS, X_MEAN = SameDiffVae.X_MEAN, LOG_PXZ = SameDiffVae.LOG_PXZ,
            PRIOR_Z = "priorZ", SAMPLE_MEAN = "sampleMean", GSNN = "gsnn";
    /**
     * Key in {@link ModelConfig#extra()} of the width W of {@link VaeacNet}'s global path from the prior
     * network's deepest features to the decoder; absent or 0: no path (the bundles made before it).
     */
    public static final String PATH = "path";
    /** W for new models: the dense width of session 3's ceiling regressor (docs/benchmarks-inpaint.md). */
    public static final int DEFAULT_PATH = 512;
    /**
     * Key in {@link ModelConfig#extra()} of the weight α of the loss's {@value #GSNN} term, the missing
     * values' reconstruction with z from the prior network (Sohn et al. 2015); absent or 0: the VAEAC loss alone.
     */
    public static final String PRIOR_RECON = "priorRecon";
    /** α for new models. */
    public static final double DEFAULT_PRIOR_RECON = 1.0;
    /** The largest α taken. */
    public static final double MAX_PRIOR_RECON = 100;
    /**
     * Key in {@link ModelConfig#extra()} of the share of halves among the training masks ({@link VaeacMasks});
     * absent: {@value VaeacMasks#DEFAULT_HALF_SHARE}, the masks of the bundles made before it.
     */
    public static final String HALF_MASKS = "halfMasks";
    /** The share of halves when a model names none. */
    public static final double DEFAULT_HALF_MASKS = VaeacMasks.DEFAULT_HALF_SHARE;
    /** σ_μ and σ_σ of the prior network's regulariser (§4.3.2; the authors' code). */
    static final double SIGMA_MU = 1e4, SIGMA_SIGMA = 1e-4;
    /** Rows per graph call when completing: bounds the activations' memory (a few MB per hundred rows). */
    private static final int CHUNK = 512;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private SameDiffVaeac(ModelConfig config, SameDiff sd) {
        super(config, sd);
    }

    /** The configuration of a VAEAC without a global path; {@code channels} empty for the default 16, 32. */
    public static ModelConfig config(org.latentexplorer.data.ImageShape shape, int latentDim, List<Integer> channels,
                                     Likelihood likelihood) {
        return config(shape, latentDim, channels, likelihood, 0);
    }

    /** The configuration of a VAEAC whose global path is {@code path} wide (0: none). */
    public static ModelConfig config(org.latentexplorer.data.ImageShape shape, int latentDim, List<Integer> channels,
                                     Likelihood likelihood, int path) {
        return new ModelConfig(KIND, "conv", shape, latentDim, channels, likelihood, "unit", "", List.of(),
                path == 0 ? Map.of() : Map.of(PATH, path));
    }

    /** The global path's width W of {@code config}, 0 when it has none; refused outside 0 … {@value ModelLimits#MAX_WIDTH}. */
    public static int path(ModelConfig config) {
        Object v = config.extra().getOrDefault(PATH, 0);
        if (!(v instanceof Number n) || n.doubleValue() != n.intValue() || n.intValue() < 0
                || n.intValue() > ModelLimits.MAX_WIDTH) {
            throw new InputException("--path (a vaeac's global path width) must be between 0 (none) and "
                    + ModelLimits.MAX_WIDTH + ", got " + v);
        }
        return n.intValue();
    }

    /** The weight α of {@code config}'s {@value #GSNN} term, 0 when it has none; refused outside 0 … 100. */
    public static double priorRecon(ModelConfig config) {
        Object v = config.extra().getOrDefault(PRIOR_RECON, 0);
        if (!(v instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() <= MAX_PRIOR_RECON)) {
            throw new InputException("--prior-recon (a vaeac's weight of the reconstruction with z from the prior "
                    + "network) must be between 0 (none) and " + (int) MAX_PRIOR_RECON + ", got " + v);
        }
        return n.doubleValue();
    }

    /** The share of halves among {@code config}'s training masks; refused outside 0 … 1. */
    public static double halfMasks(ModelConfig config) {
        Object v = config.extra().getOrDefault(HALF_MASKS, DEFAULT_HALF_MASKS);
        if (!(v instanceof Number n)) {
            throw badHalfMasks(v);
        }
        return checkHalfMasks(n.doubleValue());
    }

    /** {@code share} if it is a share of half masks a VAEAC takes (0 … 1); else refused naming the option. */
    public static double checkHalfMasks(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw badHalfMasks(share);
        }
        return share;
    }

    private static InputException badHalfMasks(Object v) {
        return new InputException("--half-masks (the share of halves among a vaeac's training masks) must be "
                + "between 0 and 1, got " + v);
    }

    /** Refuses, naming the option, a global path, hybrid weight or mask share out of range; as the model would when built. */
    public static void check(ModelConfig config) {
        path(config);
        priorRecon(config);
        halfMasks(config);
    }

    /**
     * This model, the same weights, training on masks with {@code share} halves from now on: a run that
     * continues it ({@code train --from … --half-masks}) records the share in the bundle it writes.
     */
    public SameDiffVaeac withHalfMasks(double share) {
        Map<String, Object> extra = new java.util.HashMap<>(config.extra());
        extra.put(HALF_MASKS, share);
        ModelConfig c = new ModelConfig(config.kind(), config.arch(), config.inputShape(), config.latentDim(),
                config.hidden(), config.likelihood(), config.normalisation(), config.datasetId(), config.labelNames(), extra);
        halfMasks(c);
        return new SameDiffVaeac(c, sd);
    }

    /** A new, randomly initialised model. */
    public static SameDiffVaeac create(ModelConfig config, long seed) {
        if (!config.kind().equals(KIND) || !config.arch().equals("conv")) {
            throw new InputException("SameDiffVaeac builds conv VAEACs, not " + config.arch() + " " + config.kind());
        }
        if (config.likelihood().kind() != Likelihood.Kind.BERNOULLI) {
            throw new InputException("a vaeac has a Bernoulli decoder only for now, not " + config.likelihood());
        }
        VaeacNet net = new VaeacNet(config);
        SameDiff sd = SameDiff.create();
        Layers layers = new Layers(sd, new SplittableRandom(seed));
        int dIn = config.inputShape().size();
        int d = config.latentDim();

        SDVariable x = sd.placeHolder(X, DataType.FLOAT, -1, dIn);
        SDVariable m = sd.placeHolder(MASK, DataType.FLOAT, -1, dIn);
        SDVariable eps = sd.placeHolder(EPS, DataType.FLOAT, -1, d);
        SDVariable klWeight = sd.placeHolder(KL_WEIGHT, DataType.FLOAT, 1);
        SDVariable observed = x.mul(m.rsub(1.0)); // x_o = x ⊙ (1 − m)

        VaeacNet.Encoded prior = net.encode(sd, layers, VaeacNet.PRIOR, observed, m, d);
        VaeacNet.Encoded prop = net.encode(sd, layers, VaeacNet.PROPOSAL, x, m, d);
        net.buildDecoder(layers, d);

        // Reparameterisation z = μ_q + σ_q ⊙ ε (Kingma & Welling 2014, §2.4); eq. 4's expectation by one sample.
        SDVariable z = prop.mean().add("z", sd.math.exp(prop.logVar().mul(0.5)).mul(eps));
        SDVariable logits = net.decode(sd, z, prior.features(), "logits");
        // Eq. 4: only the missing values' log-likelihood counts.
        SDVariable recon = sd.sum(RECON, SameDiffVae.negLogLikelihood(sd, config.likelihood(), logits, x).mul(m), 1);
        // KL(N(μ_q, σ_q²) ‖ N(μ_p, σ_p²)) = ½ Σ (log σ_p² − log σ_q² + (σ_q² + (μ_q − μ_p)²) / σ_p² − 1).
        SDVariable diff = prop.mean().sub(prior.mean());
        SDVariable kl = sd.sum(prior.logVar().sub(prop.logVar())
                .add(sd.math.exp(prop.logVar()).add(diff.mul(diff)).mul(sd.math.exp(prior.logVar().neg())))
                .sub(1.0), 1).mul(KL, 0.5);
        // §4.3.2: −log N(μ_p; 0, σ_μ²) − σ_σ (log σ_p − σ_p), constants dropped; log σ_p = ½ log σ_p².
        SDVariable reg = sd.sum(prior.mean().mul(prior.mean()).mul(1 / (2 * SIGMA_MU * SIGMA_MU))
                .sub(prior.logVar().mul(0.5).sub(sd.math.exp(prior.logVar().mul(0.5))).mul(SIGMA_SIGMA)), 1)
                .mul(REG, 1.0);
        SDVariable objective = recon.add(kl.mul(klWeight)).add(reg);

        // Decoding given codes: the skips of whatever x and mask are fed (all missing for decode()).
        SDVariable zIn = sd.placeHolder(Z_IN, DataType.FLOAT, -1, d);
        SDVariable decLogits = net.decode(sd, zIn, prior.features(), DEC_LOGITS);
        sd.nn.sigmoid(X_MEAN, decLogits);
        sd.sum(LOG_PXZ, SameDiffVae.negLogLikelihood(sd, config.likelihood(), decLogits, x).mul(m).neg(), 1);
        // Completion: z ~ p(z | x_o, m) and its decode in one call.
        SDVariable priorZ = prior.mean().add(PRIOR_Z, sd.math.exp(prior.logVar().mul(0.5)).mul(eps));
        SDVariable sampleLogits = net.decode(sd, priorZ, prior.features(), "sampleLogits");
        sd.nn.sigmoid(SAMPLE_MEAN, sampleLogits);
        double alpha = priorRecon(config);
        if (alpha > 0) {
            // The hybrid objective of Sohn, Lee & Yan (NeurIPS 2015, §4.2, eq. 10): the missing values'
            // negative log-likelihood with z drawn from the prior network, as completion draws it (their
            // GSNN), weighted α, so that the prior network and the path learn to complete by themselves
            // rather than leaving it to the proposal's code, which they never see at completion.
            SDVariable gsnn = sd.sum(SameDiffVae.negLogLikelihood(sd, config.likelihood(), sampleLogits, x).mul(m), 1)
                    .mul(GSNN, alpha);
            objective = objective.add(gsnn);
        }
        sd.mean(LOSS, objective);
        sd.setLossVariables(LOSS);
        return new SameDiffVaeac(config, sd);
    }

    @Override
    public List<String> featurePlaceholders() {
        return List.of(X, MASK, EPS, KL_WEIGHT);
    }

    /** The batch, one {@link VaeacMasks mask} per example and the noise, all from {@code rng}. */
    @Override
    public INDArray[] trainingFeatures(INDArray x, SplittableRandom rng, double klWeight) {
        int n = (int) x.size(0);
        return new INDArray[]{x, masks(n, rng), noise(n, rng), Nd4j.create(new float[]{(float) klWeight}, new long[]{1}, 'c')};
    }

    private INDArray masks(int n, SplittableRandom rng) {
        int dIn = inputDim();
        double share = halfMasks(config);
        float[] m = new float[n * dIn];
        for (int i = 0; i < n; i++) {
            System.arraycopy(VaeacMasks.draw(config.inputShape(), share, rng), 0, m, i * dIn, dIn);
        }
        return Nd4j.create(m, new long[]{n, dIn}, 'c');
    }

    private INDArray noise(int n, SplittableRandom rng) {
        return Nd4j.create(flat(gaussian(n, latentDim(), rng)), new long[]{n, latentDim()}, 'c');
    }

    @Override
    public List<String> lossTermNames() {
        return priorRecon(config) > 0 ? List.of(RECON, KL, REG, GSNN) : List.of(RECON, KL, REG);
    }

    @Override
    public double combineLoss(Map<String, Double> terms, double klWeight) {
        return terms.getOrDefault(RECON, Double.NaN) + klWeight * terms.getOrDefault(KL, Double.NaN)
                + terms.getOrDefault(REG, Double.NaN) + (priorRecon(config) > 0 ? terms.getOrDefault(GSNN, Double.NaN) : 0);
    }

    /** p(z | x, m = 0): the prior network with nothing missing. */
    @Override
    public Posterior encode(float[][] x) {
        checkInput(x);
        Map<String, INDArray> out = sd.output(Map.of(X, toArray(x, inputDim()), MASK, filled(x.length, 0f)),
                PRIOR_MEAN, PRIOR_LOG_VAR);
        return new Posterior(toRows(out.get(PRIOR_MEAN)), toRows(out.get(PRIOR_LOG_VAR)));
    }

    /** The decoder's means with the skips of an all-missing input. */
    @Override
    public float[][] decode(float[][] z) {
        if (z.length == 0) {
            return new float[0][];
        }
        return toRows(sd.output(Map.of(Z_IN, toArray(z, latentDim()), X, filled(z.length, 0f), MASK,
                filled(z.length, 1f)), X_MEAN).get(X_MEAN));
    }

    @Override
    public float[][] samplePrior(int n, SplittableRandom rng) {
        return samplePrior(n, 1.0, rng);
    }

    /** z = μ_p + T σ_p ε with p(z | m = 1), the prior network with nothing observed. */
    @Override
    public float[][] samplePrior(int n, double temperature, SplittableRandom rng) {
        checkTemperature(temperature);
        float[][] p = unconditionalPrior();
        float[][] z = gaussian(n, latentDim(), temperature, rng);
        for (float[] row : z) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (p[0][j] + Math.exp(0.5 * p[1][j]) * row[j]);
            }
        }
        return z;
    }

    /** μ and log σ² of p(z | m = 1); not cached, as the trainer changes the weights under the model. */
    private float[][] unconditionalPrior() {
        Map<String, INDArray> out = sd.output(Map.of(X, filled(1, 0f), MASK, filled(1, 1f)), PRIOR_MEAN, PRIOR_LOG_VAR);
        return new float[][]{toRows(out.get(PRIOR_MEAN))[0], toRows(out.get(PRIOR_LOG_VAR))[0]};
    }

    @Override
    public LossTerms loss(float[][] x, SplittableRandom rng) {
        checkInput(x);
        int n = x.length;
        Map<String, INDArray> out = sd.output(Map.of(X, toArray(x, inputDim()), MASK, masks(n, rng), EPS, noise(n, rng),
                KL_WEIGHT, Nd4j.create(new float[]{1f}, new long[]{1}, 'c')), lossTermNames().toArray(String[]::new));
        return meanTerms(out);
    }

    /** log p(x | z_k, m = 1) for the one example {@code x} and each row of {@code z}: every value counts. */
    @Override
    protected double[] logPxz(INDArray x, float[][] z) {
        INDArray xs = x.size(0) == z.length ? x : x.repeat(0, z.length);
        return sd.output(Map.of(Z_IN, toArray(z, latentDim()), X, xs, MASK, filled(z.length, 1f)), LOG_PXZ)
                .get(LOG_PXZ).toDoubleVector();
    }

    /**
     * log w_k = log p(x | z_k, m = 1) + log p(z_k | m = 1) − log q(z_k | x, m = 1), z_k ~ q: the
     * unconditional model's importance weights (Burda et al. 2016, eq. 8), with the prior network's
     * Gaussian in place of N(0, I).
     */
    @Override
    public double[] logImportanceWeights(float[] x, int k, SplittableRandom rng) {
        if (k < 1) {
            throw new InputException("number of importance samples must be at least 1, got " + k);
        }
        checkInput(new float[][]{x});
        Map<String, INDArray> q = sd.output(Map.of(X, toArray(new float[][]{x}, inputDim()), MASK, filled(1, 1f)),
                PROP_MEAN, PROP_LOG_VAR);
        float[] mq = toRows(q.get(PROP_MEAN))[0], lq = toRows(q.get(PROP_LOG_VAR))[0];
        float[][] p = unconditionalPrior();
        INDArray xRow = Nd4j.create(x, new long[]{1, x.length}, 'c');
        double[] w = new double[k];
        int d = latentDim();
        for (int start = 0; start < k; start += CHUNK) {
            int c = Math.min(CHUNK, k - start);
            float[][] z = new float[c][d];
            double[] logRatio = new double[c];
            for (int i = 0; i < c; i++) {
                double lr = 0;
                for (int j = 0; j < d; j++) {
                    double eps = rng.nextGaussian();
                    double zj = mq[j] + Math.exp(0.5 * lq[j]) * eps;
                    z[i][j] = (float) zj;
                    double u = zj - p[0][j];
                    lr += -0.5 * (u * u * Math.exp(-p[1][j]) + p[1][j]) + 0.5 * (eps * eps + lq[j]);
                }
                logRatio[i] = lr;
            }
            double[] lpx = logPxz(xRow, z);
            for (int i = 0; i < c; i++) {
                w[start + i] = lpx[i] + logRatio[i];
            }
        }
        return w;
    }

    /**
     * Draws of completions: for image i, rows {@code i·S … i·S + S − 1} of {@link #codes} and
     * {@link #means}.
     *
     * @param codes codes z ~ p(z | x_o, m), d values each
     * @param means the decoder's Bernoulli means given each code and the image's skips (every value of
     *              the image, observed ones included; the caller keeps the observed values)
     */
    public record Draws(float[][] codes, float[][] means) {
    }

    /**
     * S completions of each image: z ~ p(z | x_o, m) by the prior network (§3: the generative model
     * p(x_m | x_o, m) = ∫ p(x_m | z, x_o, m) p(z | x_o, m) dz), each decoded with that image's skips.
     * All n·S rows go through the graph together, at most {@value #CHUNK} rows a call.
     *
     * @param images  n examples; values where the mask is 1 are ignored (they may be NaN)
     * @param masks   n masks, 1 where a value is missing, of the images' size
     * @param samples S ≥ 1 codes per image
     * @param rngs    one random stream per image for its codes' noise: an image's draws are the same
     *                whether it is completed alone or in a batch
     */
    public Draws sampleCompletions(float[][] images, float[][] masks, int samples, SplittableRandom[] rngs) {
        if (samples < 1) {
            throw new InputException("a completion needs at least 1 sample, got " + samples);
        }
        if (images.length != masks.length || images.length != rngs.length) {
            throw new InputException(images.length + " images for " + masks.length + " masks and " + rngs.length
                    + " random streams");
        }
        checkInput(images);
        checkInput(masks);
        int dIn = inputDim(), d = latentDim();
        int rows = Math.multiplyExact(images.length, samples);
        float[][] codes = new float[rows][];
        float[][] means = new float[rows][];
        for (int start = 0; start < rows; start += CHUNK) {
            int c = Math.min(CHUNK, rows - start);
            float[] xs = new float[c * dIn], ms = new float[c * dIn], eps = new float[c * d];
            for (int r = 0; r < c; r++) {
                int i = (start + r) / samples;
                for (int j = 0; j < d; j++) {
                    eps[r * d + j] = (float) rngs[i].nextGaussian();
                }
                for (int j = 0; j < dIn; j++) {
                    boolean missing = masks[i][j] != 0f;
                    ms[r * dIn + j] = missing ? 1f : 0f;
                    xs[r * dIn + j] = missing ? 0f : images[i][j]; // NaN · 0 is NaN: missing values go in as 0
                }
            }
            Map<String, INDArray> out = sd.output(Map.of(X, Nd4j.create(xs, new long[]{c, dIn}, 'c'),
                    MASK, Nd4j.create(ms, new long[]{c, dIn}, 'c'), EPS, Nd4j.create(eps, new long[]{c, d}, 'c')),
                    PRIOR_Z, SAMPLE_MEAN);
            float[][] z = toRows(out.get(PRIOR_Z)), mean = toRows(out.get(SAMPLE_MEAN));
            System.arraycopy(z, 0, codes, start, c);
            System.arraycopy(mean, 0, means, start, c);
        }
        return new Draws(codes, means);
    }

    private INDArray filled(int n, float value) {
        float[] v = new float[n * inputDim()];
        if (value != 0f) {
            Arrays.fill(v, value);
        }
        return Nd4j.create(v, new long[]{n, inputDim()}, 'c');
    }
}
