package org.latentexplorer.model;

import java.util.ArrayList;
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
 * The Gaussian-prior VAE (Kingma &amp; Welling 2014) on SameDiff, float32, dense architecture: encoder
 * D-h1-h2-...-(μ, log σ²) with ReLU, decoder d-...-h2-h1-D mirrored (Chen 2020, Table 4.1).
 *
 * <p>One graph holds two paths sharing the decoder weights: the training path
 * {@code x, eps → zMean, zLogVar → z → logits → recon, kl → loss}, and the inference path
 * {@code zIn → decLogits → xMean} (plus {@code xIn → logPxz}) used to decode arbitrary codes. The
 * reparameterisation noise {@code eps} is fed from Java, so a seed fixes every draw.
 */
public final class SameDiffVae extends SameDiffModel {
    /** Input, noise and KL-weight placeholders and the variables read back by name. */
    public static final String X = "x", EPS = "eps", KL_WEIGHT = "klWeight", Z_MEAN = "zMean", Z_LOG_VAR = "zLogVar",
            RECON = "recon", KL = "kl", LOSS = "loss", Z_IN = "zIn", X_IN = "xIn", DEC_LOGITS = "decLogits",
            X_MEAN = "xMean", LOG_PXZ = "logPxz";

    private DenseVaeKernel inference;

    private SameDiffVae(ModelConfig config, SameDiff sd) {
        super(config, sd);
    }

    private DenseVaeKernel kernel() {
        if (inference == null) {
            inference = new DenseVaeKernel(this, 1e-3, 0);
        }
        return inference;
    }

    private boolean dense() {
        return config.arch().equals("dense");
    }

    @Override
    public java.util.Optional<FastStep> fastStep(double learningRate, double weightDecay) {
        return dense() ? java.util.Optional.of(new DenseVaeKernel(this, learningRate, weightDecay))
                : java.util.Optional.empty();
    }

    /** A new, randomly initialised model. */
    public static SameDiffVae create(ModelConfig config, long seed) {
        if (!config.kind().equals("vae")) {
            throw new InputException("SameDiffVae builds VAEs, not " + config.kind());
        }
        boolean conv = config.arch().equals("conv");
        SameDiff sd = SameDiff.create();
        Layers layers = new Layers(sd, new SplittableRandom(seed));
        int dIn = config.inputShape().size();
        int d = config.latentDim();
        List<Integer> hidden = config.hidden();

        SDVariable x = sd.placeHolder(X, DataType.FLOAT, -1, dIn);
        SDVariable eps = sd.placeHolder(EPS, DataType.FLOAT, -1, d);
        SDVariable klWeight = sd.placeHolder(KL_WEIGHT, DataType.FLOAT, 1);

        // Encoder q(z|x).
        ConvNet convNet = conv ? new ConvNet(sd, config) : null;
        SDVariable h = x;
        int prev = dIn;
        if (conv) {
            h = convNet.encode(layers, x);
            prev = ConvNet.DENSE;
        } else {
            for (int i = 0; i < hidden.size(); i++) {
                h = layers.reluDense("enc" + i, h, prev, hidden.get(i));
                prev = hidden.get(i);
            }
        }
        SDVariable mu = layers.dense(Z_MEAN, h, prev, d);
        SDVariable logVar = layers.dense(Z_LOG_VAR, h, prev, d);

        // Reparameterisation trick: z = μ + σ ⊙ ε, ε ~ N(0, I) (Kingma & Welling 2014, §2.4).
        SDVariable z = mu.add("z", sd.math.exp(logVar.mul(0.5)).mul(eps));

        // Decoder weights are created once and applied to both the sampled z and the fed zIn.
        List<Layers.Dense> dec = new ArrayList<>();
        if (conv) {
            convNet.buildDecoder(layers, d);
        } else {
            prev = d;
            for (int i = hidden.size() - 1; i >= 0; i--) {
                dec.add(layers.denseWeights("dec" + (hidden.size() - 1 - i), prev, hidden.get(i)));
                prev = hidden.get(i);
            }
            dec.add(layers.denseWeights("decOut", prev, dIn));
        }

        SDVariable logits = conv ? convNet.decode(z, "logits") : Layers.apply(sd, dec, z, "logits");
        SDVariable recon = sd.sum(RECON, negLogLikelihood(sd, config.likelihood(), logits, x), 1);

        // KL(q(z|x) || N(0, I)) = −½ Σ (1 + log σ² − μ² − σ²) (Kingma & Welling 2014, appendix B).
        SDVariable kl = sd.sum(logVar.add(1.0).sub(mu.mul(mu)).sub(sd.math.exp(logVar)), 1).mul(KL, -0.5);
        sd.mean(LOSS, recon.add(kl.mul(klWeight)));
        sd.setLossVariables(LOSS);

        SDVariable zIn = sd.placeHolder(Z_IN, DataType.FLOAT, -1, d);
        SDVariable decLogits = conv ? convNet.decode(zIn, DEC_LOGITS) : Layers.apply(sd, dec, zIn, DEC_LOGITS);
        sd.nn.sigmoid(X_MEAN, decLogits);
        SDVariable xIn = sd.placeHolder(X_IN, DataType.FLOAT, -1, dIn);
        sd.sum(LOG_PXZ, negLogLikelihood(sd, config.likelihood(), decLogits, xIn).neg(), 1);
        return new SameDiffVae(config, sd);
    }

    /** Rebuilds the model object around a graph loaded from a bundle. */
    static SameDiffVae fromGraph(ModelConfig config, SameDiff sd) {
        requireVariables(sd, "model", List.of(X, EPS, Z_MEAN, Z_LOG_VAR, LOSS, Z_IN, X_MEAN, DEC_LOGITS));
        return new SameDiffVae(config, sd);
    }

    /**
     * Per-pixel −log p(x|z) given decoder logits. Bernoulli: the logits form of binary
     * cross-entropy, max(l, 0) − l·x + log(1 + e^−|l|), which never overflows. Gaussian with fixed
     * variance s²: ½ log(2π s²) + (x − sigmoid(l))² / (2 s²).
     */
    static SDVariable negLogLikelihood(SameDiff sd, Likelihood likelihood, SDVariable logits, SDVariable x) {
        if (likelihood.kind() == Likelihood.Kind.BERNOULLI) {
            return sd.nn.relu(logits, 0).sub(logits.mul(x)).add(sd.math.log1p(sd.math.exp(sd.math.abs(logits).neg())));
        }
        double s2 = likelihood.variance();
        SDVariable diff = sd.nn.sigmoid(logits).sub(x);
        return diff.mul(diff).mul(1.0 / (2 * s2)).add(0.5 * Math.log(2 * Math.PI * s2));
    }

    @Override
    public List<String> featurePlaceholders() {
        return List.of(X, EPS, KL_WEIGHT);
    }

    @Override
    public INDArray[] trainingFeatures(INDArray x, SplittableRandom rng, double klWeight) {
        int n = (int) x.size(0);
        INDArray eps = Nd4j.create(flat(gaussian(n, latentDim(), rng)), new long[]{n, latentDim()}, 'c');
        return new INDArray[]{x, eps, Nd4j.create(new float[]{(float) klWeight}, new long[]{1}, 'c')};
    }

    @Override
    public List<String> lossTermNames() {
        return List.of(RECON, KL);
    }

    @Override
    public double combineLoss(Map<String, Double> terms, double klWeight) {
        return terms.getOrDefault(RECON, Double.NaN) + klWeight * terms.getOrDefault(KL, Double.NaN);
    }

    @Override
    public Posterior encode(float[][] x) {
        checkInput(x);
        if (!dense()) {
            Map<String, INDArray> out = sd.output(Map.of(X, toArray(x, inputDim())), Z_MEAN, Z_LOG_VAR);
            return new Posterior(toRows(out.get(Z_MEAN)), toRows(out.get(Z_LOG_VAR)));
        }
        return kernel().inWorkspace(() -> {
            INDArray[] q = kernel().encode(toArray(x, inputDim()));
            return new Posterior(toRows(q[0]), toRows(q[1]));
        });
    }

    @Override
    public float[][] decode(float[][] z) {
        if (!dense()) {
            return toRows(sd.output(Map.of(Z_IN, toArray(z, latentDim())), X_MEAN).get(X_MEAN));
        }
        return kernel().inWorkspace(() -> kernel().decodeMeans(toArray(z, latentDim())));
    }

    @Override
    public float[][] samplePrior(int n, SplittableRandom rng) {
        return samplePrior(n, 1.0, rng);
    }

    /** z ~ N(0, T²I). */
    @Override
    public float[][] samplePrior(int n, double temperature, SplittableRandom rng) {
        checkTemperature(temperature);
        return gaussian(n, latentDim(), temperature, rng);
    }

    @Override
    public LossTerms loss(float[][] x, SplittableRandom rng) {
        checkInput(x);
        Map<String, INDArray> out = sd.output(Map.of(X, toArray(x, inputDim()),
                        EPS, Nd4j.create(flat(gaussian(x.length, latentDim(), rng)), new long[]{x.length, latentDim()}, 'c'),
                        KL_WEIGHT, Nd4j.create(new float[]{1f}, new long[]{1}, 'c')),
                RECON, KL);
        double recon = out.get(RECON).meanNumber().doubleValue();
        double kl = out.get(KL).meanNumber().doubleValue();
        Map<String, Double> terms = new java.util.LinkedHashMap<>();
        terms.put(RECON, recon);
        terms.put(KL, kl);
        return new LossTerms(recon + kl, terms);
    }

    @Override
    protected double[] logPxz(INDArray x, float[][] z) {
        if (x.size(0) == 1 && dense()) {
            return kernel().inWorkspace(() -> kernel().logLikelihood(x, toArray(z, latentDim())));
        }
        return sd.output(Map.of(Z_IN, toArray(z, latentDim()), X_IN, x), LOG_PXZ).get(LOG_PXZ).toDoubleVector();
    }

    @Override
    public double[] logImportanceWeights(float[] x, int k, SplittableRandom rng) {
        Posterior q = encode(new float[][]{x});
        return gaussianImportanceWeights(x, q.mean()[0], q.logVar()[0], k, rng);
    }
}
