package org.latentexplorer.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentexplorer.common.InputException;

/**
 * A Gaussian-latent VAE trained elsewhere (PyTorch, Keras, JAX) and exported as two ONNX graphs: an
 * encoder from images to the posterior's mean and log-variance, and a decoder from codes to the
 * decoder's output (logits, probabilities or means). ONNX Runtime runs both; everything else (prior,
 * ELBO, importance weights) is the same arithmetic as for the project's own VAE (Kingma &amp; Welling
 * 2014): a standard normal prior and a diagonal Gaussian posterior.
 *
 * <p>ONNX Runtime gives no gradients, so nothing here trains, and inpainting's {@code optimize} method
 * falls back to finite differences (see {@code inpaint/LatentOptimizer}).
 */
public final class ImportedVae implements LatentModel {
    /** The architecture name in the config: the graph is not ours to describe. */
    public static final String ARCH = "onnx";
    /** Rows per graph call: bounds the activations a convolutional graph holds at once. */
    private static final int CHUNK = 256;

    private final ModelConfig config;
    private final byte[] encoderBytes;
    private final byte[] decoderBytes;
    private final OnnxGraph encoder;
    private final OnnxGraph decoder;
    private final OnnxWiring wiring;
    private final DecoderOutput output;

    private ImportedVae(ModelConfig config, byte[] encoderBytes, byte[] decoderBytes, OnnxGraph encoder,
                        OnnxGraph decoder, OnnxWiring wiring) {
        this.config = config;
        this.encoderBytes = encoderBytes;
        this.decoderBytes = decoderBytes;
        this.encoder = encoder;
        this.decoder = decoder;
        this.wiring = wiring;
        this.output = OnnxWiring.decoderOutput(config);
    }

    /**
     * Opens the pair that {@code config} describes (a bundle's, or one {@link ModelImporter} made).
     * {@code encoderLabel}/{@code decoderLabel} name the graphs in messages.
     */
    static ImportedVae open(ModelConfig config, byte[] encoderBytes, String encoderLabel, byte[] decoderBytes,
                            String decoderLabel, String file) {
        OnnxGraph enc = new OnnxGraph(encoderLabel, encoderBytes);
        OnnxGraph dec;
        try {
            dec = new OnnxGraph(decoderLabel, decoderBytes);
        } catch (RuntimeException e) {
            enc.close();
            throw e;
        }
        try {
            String[] names = OnnxWiring.posteriorNames(config);
            OnnxWiring w = OnnxWiring.resolve(enc, dec, config.inputShape(), names[0], names[1]);
            w.checkAgainst(config, file);
            return new ImportedVae(config, encoderBytes, decoderBytes, enc, dec, w);
        } catch (RuntimeException e) {
            enc.close();
            dec.close();
            throw e;
        }
    }

    /** The config of an imported model: kind {@code vae}, architecture {@link #ARCH}, the wiring in {@code extra}. */
    static ModelConfig config(ModelConfig base, OnnxWiring wiring, DecoderOutput output, int latentDim,
                              Map<String, Object> more) {
        Map<String, Object> extra = new LinkedHashMap<>(more);
        extra.putAll(wiring.toExtra(output));
        return new ModelConfig("vae", ARCH, base.inputShape(), latentDim, List.of(), base.likelihood(), "unit",
                base.datasetId(), base.labelNames(), extra);
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    byte[] encoderBytes() {
        return encoderBytes;
    }

    byte[] decoderBytes() {
        return decoderBytes;
    }

    /** What the decoder returns. */
    public DecoderOutput decoderOutput() {
        return output;
    }

    @Override
    public Posterior encode(float[][] x) {
        SameDiffModel.checkInput(x, config);
        int d = latentDim();
        float[][] mean = new float[x.length][];
        float[][] logVar = new float[x.length][];
        for (int s = 0; s < x.length; s += CHUNK) {
            int n = Math.min(CHUNK, x.length - s);
            float[][] rows = java.util.Arrays.copyOfRange(x, s, s + n);
            Map<String, OnnxGraph.Output> out = encoder.run(wiring.encoderInput(),
                    wiring.encoderLayout().pack(rows, config.inputShape()),
                    wiring.encoderLayout().shape(n, config.inputShape()),
                    List.of(wiring.meanOutput(), wiring.logVarOutput()));
            float[] m = values(encoder, out.get(wiring.meanOutput()), wiring.meanOutput(), n, d);
            float[] v = values(encoder, out.get(wiring.logVarOutput()), wiring.logVarOutput(), n, d);
            for (int i = 0; i < n; i++) {
                mean[s + i] = java.util.Arrays.copyOfRange(m, i * d, (i + 1) * d);
                logVar[s + i] = java.util.Arrays.copyOfRange(v, i * d, (i + 1) * d);
            }
        }
        return new Posterior(mean, logVar);
    }

    /** The decoder's raw output for each code, rows in Latent Explorer's pixel order. */
    float[][] decodeRaw(float[][] z) {
        return decode(z, false);
    }

    /** Raw outputs, or (with {@code means}) the means of p(x|z): a decoder's logits pass through a SIMD sigmoid. */
    private float[][] decode(float[][] z, boolean means) {
        int d = latentDim();
        int dim = inputDim();
        float[][] rows = new float[z.length][];
        for (int s = 0; s < z.length; s += CHUNK) {
            int n = Math.min(CHUNK, z.length - s);
            float[] flat = new float[n * d];
            for (int i = 0; i < n; i++) {
                if (z[s + i].length != d) {
                    throw new InputException("code " + (s + i) + " has " + z[s + i].length + " values; the model's codes "
                            + "have " + d);
                }
                System.arraycopy(z[s + i], 0, flat, i * d, d);
            }
            Map<String, OnnxGraph.Output> out = decoder.run(wiring.decoderInput(), flat, new long[]{n, d},
                    List.of(wiring.decoderOutputName()));
            float[] v = values(decoder, out.get(wiring.decoderOutputName()), wiring.decoderOutputName(), n, dim);
            if (means && output == DecoderOutput.LOGITS) {
                FusedOps.sigmoidInPlace(v);
            }
            float[][] part = wiring.decoderLayout().unpack(v, n, config.inputShape());
            System.arraycopy(part, 0, rows, s, n);
        }
        return rows;
    }

    /** An output must hold {@code cols} values for each of the {@code n} rows fed in. */
    private static float[] values(OnnxGraph g, OnnxGraph.Output o, String name, int n, int cols) {
        if (o.values().length != (long) n * cols || o.rows() != n) {
            throw new InputException(g.label() + ": output '" + name + "' has shape " + TensorLayout.describe(o.shape())
                    + " for " + n + " rows; expected " + cols + " values per row");
        }
        return o.values();
    }

    @Override
    public float[][] decode(float[][] z) {
        return decode(z, true);
    }

    @Override
    public float[][] samplePrior(int n, SplittableRandom rng) {
        return samplePrior(n, 1.0, rng);
    }

    /** z ~ N(0, T²I): the prior the exported VAE was trained with is a standard normal. */
    @Override
    public float[][] samplePrior(int n, double temperature, SplittableRandom rng) {
        SameDiffModel.checkTemperature(temperature);
        return SameDiffModel.gaussian(n, latentDim(), temperature, rng);
    }

    @Override
    public LossTerms loss(float[][] x, SplittableRandom rng) {
        Posterior q = encode(x);
        int d = latentDim();
        float[][] z = new float[x.length][d];
        double kl = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                double mu = q.mean()[i][j], lv = q.logVar()[i][j];
                // Reparameterisation z = μ + σ ε (Kingma & Welling 2014, §2.4).
                z[i][j] = (float) (mu + Math.exp(0.5 * lv) * rng.nextGaussian());
                // KL(q || N(0, I)) = −½ Σ (1 + log σ² − μ² − σ²) (Kingma & Welling 2014, appendix B).
                kl += -0.5 * (1 + lv - mu * mu - Math.exp(lv));
            }
        }
        double[] logPx = logLikelihood(x, z);
        double recon = 0;
        for (double v : logPx) {
            recon -= v;
        }
        recon /= x.length;
        kl /= x.length;
        Map<String, Double> terms = new LinkedHashMap<>();
        terms.put(SameDiffVae.RECON, recon);
        terms.put(SameDiffVae.KL, kl);
        return new LossTerms(recon + kl, terms);
    }

    @Override
    public double[] logImportanceWeights(float[] x, int k, SplittableRandom rng) {
        Posterior q = encode(new float[][]{x});
        return SameDiffModel.gaussianImportanceWeights(q.mean()[0], q.logVar()[0], k, rng, z -> {
            float[][] xs = new float[z.length][];
            java.util.Arrays.fill(xs, x);
            return logLikelihood(xs, z);
        });
    }

    @Override
    public double[] logLikelihood(float[][] x, float[][] z) {
        SameDiffModel.checkInput(x, config);
        if (x.length != z.length) {
            throw new IllegalArgumentException(x.length + " inputs for " + z.length + " codes");
        }
        float[][] raw = decodeRaw(z);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = output.logDensity(x[i], raw[i], config.likelihood());
        }
        return out;
    }

    @Override
    public void close() {
        encoder.close();
        decoder.close();
    }
}
