package org.latentexplorer.model;

import java.util.SplittableRandom;
import org.latentexplorer.common.InputException;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Shared plumbing of the SameDiff models: the graph, conversion between Java arrays and ND4J arrays
 * (callers never see an INDArray), and the importance weights of a Gaussian posterior.
 */
public abstract class SameDiffModel implements LatentModel {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    /** Codes decoded per graph call when estimating the log-likelihood (bounds memory at large k). */
    private static final int IW_CHUNK = 500;

    protected final ModelConfig config;
    protected final SameDiff sd;

    protected SameDiffModel(ModelConfig config, SameDiff sd) {
        this.config = config;
        this.sd = sd;
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    /** The graph, for the trainer and the bundle writer. */
    public SameDiff graph() {
        return sd;
    }

    /**
     * Builds the graph's gradient function now, with standard output muted: SameDiff 1.0.0-M2.1
     * prints "Added differentiated op …" with {@code System.out.println} for every op while it does,
     * which would land in the middle of a command's output. Standard output is swapped for the few
     * milliseconds this takes; nothing of ours prints meanwhile.
     */
    public void prepareGradients() {
        if (sd.getFunction("grad") != null) {
            return;
        }
        synchronized (System.class) {
            java.io.PrintStream out = System.out;
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            try {
                sd.createGradFunction();
            } finally {
                System.setOut(out);
            }
        }
    }

    /**
     * A fused training step for this model, if it has one; the trainer then bypasses SameDiff's
     * op-by-op execution (see {@link FastStep}).
     */
    public java.util.Optional<FastStep> fastStep(double learningRate, double weightDecay) {
        return java.util.Optional.empty();
    }

    /** Placeholder names fed from each training batch, in the order of {@link #trainingFeatures}. */
    public abstract java.util.List<String> featurePlaceholders();

    /**
     * The placeholder values for one training batch {@code x} (n × D): the batch itself plus any noise
     * the graph needs, drawn from {@code rng}, and the KL weight of the current epoch.
     */
    public abstract INDArray[] trainingFeatures(INDArray x, SplittableRandom rng, double klWeight);

    /** The training loss of a batch from its mean loss terms and the current KL weight. */
    public abstract double combineLoss(java.util.Map<String, Double> terms, double klWeight);

    /** Names of the per-example loss-term variables, reported during training (summing to the loss). */
    public abstract java.util.List<String> lossTermNames();

    /** The batch means of the {@link #lossTermNames()} read from a graph's output, and their sum as the loss. */
    protected final LossTerms meanTerms(java.util.Map<String, INDArray> out) {
        java.util.Map<String, Double> terms = new java.util.LinkedHashMap<>();
        double total = 0;
        for (String t : lossTermNames()) {
            double v = out.get(t).meanNumber().doubleValue();
            terms.put(t, v);
            total += v;
        }
        return new LossTerms(total, terms);
    }

    @Override
    public double[] logLikelihood(float[][] x, float[][] z) {
        checkInput(x);
        if (x.length != z.length) {
            throw new IllegalArgumentException(x.length + " inputs for " + z.length + " codes");
        }
        return logPxz(toArray(x, inputDim()), z);
    }

    /** Refuses a graph read from a bundle that lacks a variable the model reads by name. */
    protected static void requireVariables(SameDiff sd, String what, java.util.Collection<String> names) {
        for (String name : names) {
            if (!sd.hasVariable(name)) {
                throw new InputException("the " + what + " graph has no variable '" + name + "'");
            }
        }
    }

    /** log p(x|z_k) for one input {@code x} (a 1×D array) and each row of {@code z}. */
    protected abstract double[] logPxz(INDArray x, float[][] z);

    /**
     * Importance weights for a Gaussian posterior N(μ, σ²) and a standard normal prior:
     * log w_k = log p(x|z_k) + log p(z_k) − log q(z_k|x), z_k = μ + σ ε_k (Burda et al. 2016, eq. 8).
     */
    protected double[] gaussianImportanceWeights(float[] x, float[] mu, float[] logVar, int k, SplittableRandom rng) {
        INDArray xRow = Nd4j.create(x, new long[]{1, x.length}, 'c');
        return gaussianImportanceWeights(mu, logVar, k, rng, z -> logPxz(xRow, z));
    }

    /**
     * The same for any model: {@code logPxz} gives log p(x|z_k) of the one example for each row of a
     * chunk of at most {@value #IW_CHUNK} codes.
     */
    static double[] gaussianImportanceWeights(float[] mu, float[] logVar, int k, SplittableRandom rng,
                                              java.util.function.Function<float[][], double[]> logPxz) {
        if (k < 1) {
            throw new InputException("number of importance samples must be at least 1, got " + k);
        }
        int d = mu.length;
        double[] w = new double[k];
        for (int start = 0; start < k; start += IW_CHUNK) {
            int m = Math.min(IW_CHUNK, k - start);
            float[][] z = new float[m][d];
            double[] logPrior = new double[m];
            double[] logQ = new double[m];
            for (int i = 0; i < m; i++) {
                double lp = 0, lq = 0;
                for (int j = 0; j < d; j++) {
                    double eps = rng.nextGaussian();
                    double zj = mu[j] + Math.exp(0.5 * logVar[j]) * eps;
                    z[i][j] = (float) zj;
                    lp += zj * zj + LOG_2PI;
                    lq += eps * eps + logVar[j] + LOG_2PI;
                }
                logPrior[i] = -0.5 * lp;
                logQ[i] = -0.5 * lq;
            }
            double[] logPx = logPxz.apply(z);
            for (int i = 0; i < m; i++) {
                w[start + i] = logPx[i] + logPrior[i] - logQ[i];
            }
        }
        return w;
    }

    protected void checkInput(float[][] x) {
        checkInput(x, config);
    }

    /** Each row of {@code x} must hold one example of the config's input shape. */
    static void checkInput(float[][] x, ModelConfig config) {
        int d = config.inputShape().size();
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new InputException("input " + i + " has " + x[i].length + " values; the model expects "
                        + d + " (" + config.inputShape() + ")");
            }
        }
    }

    static INDArray toArray(float[][] rows, int cols) {
        return Nd4j.create(flat(rows, cols), new long[]{rows.length, cols}, 'c');
    }

    static float[] flat(float[][] rows) {
        return flat(rows, rows.length == 0 ? 0 : rows[0].length);
    }

    static float[] flat(float[][] rows, int cols) {
        float[] f = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new InputException("row " + i + " has " + rows[i].length + " values, expected " + cols);
            }
            System.arraycopy(rows[i], 0, f, i * cols, cols);
        }
        return f;
    }

    /** Rows of a 2-D array. One bulk copy of the buffer: INDArray.toFloatMatrix() copies element by element (10× slower). */
    static float[][] toRows(INDArray a) {
        INDArray c = a.dataType() == DataType.FLOAT ? a : a.castTo(DataType.FLOAT);
        if (c.isView() || c.ordering() != 'c' || c.data().length() != c.length()) {
            c = c.dup('c');
        }
        int n = (int) c.size(0), d = (int) c.size(1);
        float[] flat = c.data().asFloat();
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, rows[i], 0, d);
        }
        return rows;
    }

    static float[][] gaussian(int n, int d, SplittableRandom rng) {
        return gaussian(n, d, 1.0, rng);
    }

    /** N(0, scale²I) draws; at scale 1 the same floats as {@link #gaussian(int, int, SplittableRandom)}. */
    static float[][] gaussian(int n, int d, double scale, SplittableRandom rng) {
        float[][] z = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (float) (scale * rng.nextGaussian());
            }
        }
        return z;
    }

    /** Rejects a prior temperature that is negative or not a number. */
    static void checkTemperature(double temperature) {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new org.latentexplorer.common.InputException("temperature must be a number ≥ 0, got " + temperature);
        }
    }

    /**
     * SameDiff 1.0.0-M2.1 has no close(); its arrays are freed by ND4J's garbage-collector-driven
     * deallocator once the graph is unreachable. Kept so callers release models explicitly.
     */
    @Override
    public void close() {
    }
}
