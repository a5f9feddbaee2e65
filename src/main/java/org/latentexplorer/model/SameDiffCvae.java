package org.latentexplorer.model;

import java.util.ArrayList;
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
 * Conditional VAEs on data-set labels c (Kolb 2022, §4.3.1), dense, on SameDiff. Two variants,
 * chosen by {@code extra.prior}:
 * <ul>
 *   <li>{@code learned} — the "blobs" model: encoder q(z|x, c), a learned class prior
 *       p(z|c) = N(μ_c, diag e^{λ_c}), decoder p(x|z). Classes become separate regions ("blobs") of
 *       one latent space; sampling class c draws z from its blob.</li>
 *   <li>{@code fixed} — encoder q(z|x, c), prior N(0, I), decoder p(x|z, c) (Sohn et al. 2015): z
 *       carries what the label does not (style); sampling class c decodes N(0, I) draws with c.</li>
 * </ul>
 * Loss: {@code recon} = −log p(x|z[, c]) and {@code kl} = KL(q(z|x, c) ‖ p(z[|c])), one sample of z
 * (Kingma &amp; Welling 2014). Labels enter the graph one-hot through the placeholder {@code c}; the
 * decoding path takes {@code zIn} and, for the fixed prior, {@code cIn}.
 *
 * <p>The generic trainer feeds only rows of the data set, so training goes through
 * {@link SameDiffCvaeTraining}: rows are pixels followed by the one-hot label.
 */
public final class SameDiffCvae extends SameDiffModel {
    public static final String KIND = "cvae";
    public static final String C = "c", C_IN = "cIn", CLASS_MEAN = "classMean", CLASS_LOG_VAR = "classLogVar",
            PRIOR = "prior", CLASSES = "classes", LEARNED = "learned", FIXED = "fixed";

    final int classes;
    final boolean learnedPrior;

    private SameDiffCvae(ModelConfig config, SameDiff sd) {
        super(config, sd);
        this.classes = classes(config);
        this.learnedPrior = learned(config);
    }

    /**
     * The configuration of a dense conditional VAE.
     *
     * @param shape      input shape
     * @param labelNames the data set's class names (their count is the number of classes, ≥ 2)
     * @param prior      {@code learned} (class prior p(z|c)) or {@code fixed} (N(0, I), decoder sees c)
     * @param zDim       dimension of z
     * @param hidden     encoder layer sizes, decoder mirrored (null: 512, 256)
     * @param likelihood the decoder's distribution
     */
    public static ModelConfig config(ImageShape shape, List<String> labelNames, String prior, int zDim,
                                     List<Integer> hidden, Likelihood likelihood) {
        if (labelNames == null || labelNames.size() < 2) {
            throw new InputException("a conditional VAE needs a labelled data set with at least 2 classes"
                    + (labelNames == null || labelNames.isEmpty() ? "; this one has no labels" : ""));
        }
        ModelConfig c = new ModelConfig(KIND, "dense", shape, zDim, hidden == null ? ModelConfig.DEFAULT_DENSE_HIDDEN : hidden,
                likelihood, "unit", "", labelNames, Map.of(CLASSES, labelNames.size(), PRIOR, prior == null ? LEARNED : prior));
        learned(c);
        return c;
    }

    static int classes(ModelConfig c) {
        int n = c.extraInt(CLASSES, c.labelNames().size());
        if (n < 2 || n > 1000) {
            throw new InputException("a conditional VAE needs between 2 and 1000 classes, got " + n);
        }
        return n;
    }

    static boolean learned(ModelConfig c) {
        Object p = c.extra().getOrDefault(PRIOR, LEARNED);
        if (!LEARNED.equals(p) && !FIXED.equals(p)) {
            throw new InputException("conditional VAE prior must be 'learned' or 'fixed', got '" + p + "'");
        }
        return LEARNED.equals(p);
    }

    /** A new, randomly initialised conditional VAE. */
    public static SameDiffCvae create(ModelConfig config, long seed) {
        if (!config.kind().equals(KIND) || !config.arch().equals("dense")) {
            throw new InputException("SameDiffCvae builds dense CVAEs, not " + config.arch() + " " + config.kind());
        }
        int nc = classes(config);
        boolean learned = learned(config);
        int dIn = config.inputShape().size();
        int d = config.latentDim();
        List<Integer> hidden = config.hidden();
        SplittableRandom root = new SplittableRandom(seed);
        SameDiff sd = SameDiff.create();
        Layers layers = new Layers(sd, root.split());

        SDVariable x = sd.placeHolder(SameDiffVae.X, DataType.FLOAT, -1, dIn);
        SDVariable c = sd.placeHolder(C, DataType.FLOAT, -1, nc);
        SDVariable eps = sd.placeHolder(SameDiffVae.EPS, DataType.FLOAT, -1, d);
        SDVariable klWeight = sd.placeHolder(SameDiffVae.KL_WEIGHT, DataType.FLOAT, 1);

        // Encoder q(z|x, c) on [x, one-hot c].
        SDVariable h = sd.concat(1, x, c);
        int prev = dIn + nc;
        for (int i = 0; i < hidden.size(); i++) {
            h = layers.reluDense("enc" + i, h, prev, hidden.get(i));
            prev = hidden.get(i);
        }
        SDVariable mu = layers.dense(SameDiffVae.Z_MEAN, h, prev, d);
        SDVariable logVar = layers.dense(SameDiffVae.Z_LOG_VAR, h, prev, d);
        SDVariable z = mu.add("z", sd.math.exp(logVar.mul(0.5)).mul(eps));

        List<Layers.Dense> dec = new ArrayList<>();
        prev = d + (learned ? 0 : nc);
        for (int i = hidden.size() - 1; i >= 0; i--) {
            dec.add(layers.denseWeights("dec" + (hidden.size() - 1 - i), prev, hidden.get(i)));
            prev = hidden.get(i);
        }
        dec.add(layers.denseWeights("decOut", prev, dIn));
        SDVariable logits = Layers.apply(sd, dec, learned ? z : sd.concat(1, z, c), "logits");
        SDVariable recon = sd.sum(SameDiffVae.RECON, SameDiffVae.negLogLikelihood(sd, config.likelihood(), logits, x), 1);

        SDVariable kl;
        if (learned) {
            // Class prior N(μ_c, e^{λ_c}) selected by the one-hot label; means start apart (truncated normal).
            float[] m0 = new float[nc * d];
            SplittableRandom r = root.split();
            for (int i = 0; i < m0.length; i++) {
                m0[i] = (float) SameDiffGmvaePrior.truncatedNormal(r);
            }
            SDVariable classMean = sd.var(CLASS_MEAN, Nd4j.create(m0, new long[]{nc, d}, 'c'));
            SDVariable classLogVar = sd.var(CLASS_LOG_VAR, Nd4j.zeros(DataType.FLOAT, nc, d));
            SDVariable pm = c.mmul(classMean);
            SDVariable pl = c.mmul(classLogVar);
            // KL(N(m, e^l) ‖ N(μ, e^λ)) = ½ Σ [λ − l + (e^l + (m − μ)²) e^−λ − 1] (Kolb 2022, §4.3.1).
            SDVariable diff = mu.sub(pm);
            kl = SameDiffGmvaeParts.rowSum(sd, pl.sub(logVar).add(sd.math.exp(logVar).add(diff.mul(diff))
                    .mul(sd.math.exp(pl.neg()))).sub(1.0), d).mul(SameDiffVae.KL, 0.5);
        } else {
            // KL(q(z|x, c) ‖ N(0, I)) = −½ Σ (1 + log σ² − μ² − σ²) (Kingma & Welling 2014, appendix B).
            kl = SameDiffGmvaeParts.rowSum(sd, logVar.add(1.0).sub(mu.mul(mu)).sub(sd.math.exp(logVar)), d)
                    .mul(SameDiffVae.KL, -0.5);
        }
        sd.mean(SameDiffVae.LOSS, recon.add(kl.mul(klWeight)));
        sd.setLossVariables(SameDiffVae.LOSS);

        SDVariable zIn = sd.placeHolder(SameDiffVae.Z_IN, DataType.FLOAT, -1, d);
        SDVariable decIn = learned ? zIn : sd.concat(1, zIn, sd.placeHolder(C_IN, DataType.FLOAT, -1, nc));
        SDVariable decLogits = Layers.apply(sd, dec, decIn, SameDiffVae.DEC_LOGITS);
        sd.nn.sigmoid(SameDiffVae.X_MEAN, decLogits);
        SDVariable xIn = sd.placeHolder(SameDiffVae.X_IN, DataType.FLOAT, -1, dIn);
        sd.sum(SameDiffVae.LOG_PXZ, SameDiffVae.negLogLikelihood(sd, config.likelihood(), decLogits, xIn).neg(), 1);
        return new SameDiffCvae(config, sd);
    }

    static SameDiffCvae fromGraph(ModelConfig config, SameDiff sd) {
        List<String> needed = new ArrayList<>(List.of(SameDiffVae.X, C, SameDiffVae.EPS, SameDiffVae.Z_MEAN,
                SameDiffVae.LOSS, SameDiffVae.Z_IN, SameDiffVae.X_MEAN));
        needed.add(learned(config) ? CLASS_MEAN : C_IN);
        requireVariables(sd, "conditional VAE", needed);
        return new SameDiffCvae(config, sd);
    }

    /** Number of classes. */
    public int classCount() {
        return classes;
    }

    /** True for the learned class prior ("blobs"), false for N(0, I) with a class-conditional decoder. */
    public boolean hasLearnedPrior() {
        return learnedPrior;
    }

    /** A view of this model for {@code Trainer.train}: rows are pixels then the one-hot label. */
    public SameDiffModel trainingView() {
        return new SameDiffCvaeTraining(this);
    }

    @Override
    public List<String> featurePlaceholders() {
        return List.of(SameDiffVae.X, C, SameDiffVae.EPS, SameDiffVae.KL_WEIGHT);
    }

    /** {@code x} must hold pixels then the one-hot label (see {@link SameDiffCvaeTraining#withOneHotLabels}). */
    @Override
    public INDArray[] trainingFeatures(INDArray x, SplittableRandom rng, double klWeight) {
        int n = (int) x.size(0);
        int dIn = inputDim();
        if (x.size(1) != dIn + classes) {
            throw new InputException("conditional VAE training rows need " + dIn + " pixels and a one-hot label of "
                    + classes + " classes, got " + x.size(1) + " values");
        }
        INDArray pixels = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, dIn)).dup('c');
        INDArray oneHot = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(dIn, dIn + classes)).dup('c');
        return new INDArray[]{pixels, oneHot, toArray(gaussian(n, latentDim(), rng), latentDim()),
                Nd4j.create(new float[]{(float) klWeight}, new long[]{1}, 'c')};
    }

    @Override
    public List<String> lossTermNames() {
        return List.of(SameDiffVae.RECON, SameDiffVae.KL);
    }

    @Override
    public double combineLoss(Map<String, Double> terms, double klWeight) {
        return terms.getOrDefault(SameDiffVae.RECON, Double.NaN) + klWeight * terms.getOrDefault(SameDiffVae.KL, Double.NaN);
    }

    INDArray oneHot(int[] labels) {
        float[] v = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new InputException("class " + labels[i] + " is outside 0.." + (classes - 1));
            }
            v[i * classes + labels[i]] = 1f;
        }
        return Nd4j.create(v, new long[]{labels.length, classes}, 'c');
    }

    /** Parameters of q(z|x, c) for each row and its class. */
    public Posterior encode(float[][] x, int[] labels) {
        checkInput(x);
        checkCount(x.length, labels);
        Map<String, INDArray> out = sd.output(Map.of(SameDiffVae.X, toArray(x, inputDim()), C, oneHot(labels)),
                SameDiffVae.Z_MEAN, SameDiffVae.Z_LOG_VAR);
        return new Posterior(toRows(out.get(SameDiffVae.Z_MEAN)), toRows(out.get(SameDiffVae.Z_LOG_VAR)));
    }

    /** Without labels, each row is encoded with its most probable class ({@link #classProbabilities}). */
    @Override
    public Posterior encode(float[][] x) {
        return encode(x, SameDiffCvaeOps.argmax(classProbabilities(x)));
    }

    /**
     * p(c|x) ∝ p(c) exp(ELBO(x, c)) with the ELBO at the posterior mean (ε = 0) and a uniform p(c): how
     * the model itself classifies an unlabelled input. One graph pass per class.
     */
    public float[][] classProbabilities(float[][] x) {
        checkInput(x);
        return SameDiffCvaeOps.classProbabilities(this, x);
    }

    /** Negative ELBO terms of each row under class {@code labels[i]}, noise {@code eps}: {recon, kl}. */
    double[][] termsPerRow(float[][] x, int[] labels, float[][] eps) {
        Map<String, INDArray> out = sd.output(Map.of(SameDiffVae.X, toArray(x, inputDim()), C, oneHot(labels),
                SameDiffVae.EPS, toArray(eps, latentDim()), SameDiffVae.KL_WEIGHT,
                Nd4j.create(new float[]{1f}, new long[]{1}, 'c')), SameDiffVae.RECON, SameDiffVae.KL);
        return new double[][]{out.get(SameDiffVae.RECON).toDoubleVector(), out.get(SameDiffVae.KL).toDoubleVector()};
    }

    /** Decoded means of codes {@code z} for classes {@code labels} (the learned-prior decoder ignores them). */
    public float[][] decode(float[][] z, int[] labels) {
        checkCount(z.length, labels);
        Map<String, INDArray> feed = learnedPrior ? Map.of(SameDiffVae.Z_IN, toArray(z, latentDim()))
                : Map.of(SameDiffVae.Z_IN, toArray(z, latentDim()), C_IN, oneHot(labels));
        return toRows(sd.output(feed, SameDiffVae.X_MEAN).get(SameDiffVae.X_MEAN));
    }

    /** Learned prior: the decoder needs no class. Fixed prior: the class must be given. */
    @Override
    public float[][] decode(float[][] z) {
        if (!learnedPrior) {
            throw new InputException("this conditional VAE decodes a code together with a class; choose a class");
        }
        return decode(z, new int[z.length]);
    }

    @Override
    public float[][] reconstruct(float[][] x) {
        int[] c = SameDiffCvaeOps.argmax(classProbabilities(x));
        return decode(encode(x, c).mean(), c);
    }

    /** {@code n} codes of class {@code c}: from p(z|c) (learned) or N(0, I) (fixed), std × temperature. */
    public float[][] sampleClass(int c, int n, double temperature, SplittableRandom rng) {
        return SameDiffCvaeOps.sampleClass(this, c, n, temperature, rng);
    }

    /** Classes drawn uniformly, then z from the class prior. */
    @Override
    public float[][] samplePrior(int n, SplittableRandom rng) {
        return samplePrior(n, 1.0, rng);
    }

    /** As {@link #samplePrior(int, SplittableRandom)} with the class prior's standard deviation times T (as {@link #sampleClass}). */
    @Override
    public float[][] samplePrior(int n, double temperature, SplittableRandom rng) {
        checkTemperature(temperature);
        if (!learnedPrior) {
            return gaussian(n, latentDim(), temperature, rng);
        }
        float[][] z = new float[n][];
        for (int i = 0; i < n; i++) {
            z[i] = sampleClass(rng.nextInt(classes), 1, temperature, rng)[0];
        }
        return z;
    }

    /** Loss with labels given. */
    public LossTerms loss(float[][] x, int[] labels, SplittableRandom rng) {
        checkInput(x);
        checkCount(x.length, labels);
        double[][] t = termsPerRow(x, labels, gaussian(x.length, latentDim(), rng));
        double recon = java.util.Arrays.stream(t[0]).average().orElse(Double.NaN);
        double kl = java.util.Arrays.stream(t[1]).average().orElse(Double.NaN);
        return new LossTerms(recon + kl, Map.of(SameDiffVae.RECON, recon, SameDiffVae.KL, kl));
    }

    /** Without labels: each row under its most probable class. */
    @Override
    public LossTerms loss(float[][] x, SplittableRandom rng) {
        return loss(x, SameDiffCvaeOps.argmax(classProbabilities(x)), rng);
    }

    @Override
    public double[] logLikelihood(float[][] x, float[][] z) {
        if (!learnedPrior) {
            throw new InputException("this conditional VAE's p(x|z) depends on the class; use a labelled evaluation");
        }
        checkInput(x);
        return logPxz(toArray(x, inputDim()), z);
    }

    @Override
    protected double[] logPxz(INDArray x, float[][] z) {
        return sd.output(Map.of(SameDiffVae.Z_IN, toArray(z, latentDim()), SameDiffVae.X_IN, x), SameDiffVae.LOG_PXZ)
                .get(SameDiffVae.LOG_PXZ).toDoubleVector();
    }

    /** Importance weights of (c, z) drawn from p(c|x) q(z|x, c), with c summed over (Burda et al. 2016). */
    @Override
    public double[] logImportanceWeights(float[] x, int k, SplittableRandom rng) {
        return SameDiffCvaeOps.importanceWeights(this, x, k, rng);
    }

    /** log p(x|z, c) for one input, many codes of one class. */
    double[] logPxzClass(float[] x, float[][] z, int c) {
        INDArray xRow = Nd4j.create(x, new long[]{1, x.length}, 'c');
        Map<String, INDArray> feed = learnedPrior ? Map.of(SameDiffVae.Z_IN, toArray(z, latentDim()), SameDiffVae.X_IN, xRow)
                : Map.of(SameDiffVae.Z_IN, toArray(z, latentDim()), SameDiffVae.X_IN, xRow, C_IN, oneHot(filled(z.length, c)));
        return sd.output(feed, SameDiffVae.LOG_PXZ).get(SameDiffVae.LOG_PXZ).toDoubleVector();
    }

    static int[] filled(int n, int c) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, c);
        return a;
    }

    /** The class prior's means and log-variances ({C × d} each); zeros for the fixed prior. */
    public float[][][] classPrior() {
        if (!learnedPrior) {
            return new float[][][]{new float[classes][latentDim()], new float[classes][latentDim()]};
        }
        return new float[][][]{toRows(sd.getVariable(CLASS_MEAN).getArr()), toRows(sd.getVariable(CLASS_LOG_VAR).getArr())};
    }

    private void checkCount(int n, int[] labels) {
        if (labels == null) {
            throw new InputException("a conditional VAE needs the class of each example; none were given");
        }
        if (labels.length != n) {
            throw new InputException(labels.length + " classes given for " + n + " examples");
        }
    }
}
