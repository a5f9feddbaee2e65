package org.latentexplorer.model;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A conditional VAE seen by the generic trainer: its rows are an example's pixels followed by the
 * one-hot class, so the trainer's shuffling, binarisation (0 and 1 stay 0 and 1), validation and
 * checkpoints work unchanged. Shares the graph and weights with the model it views.
 *
 * <pre>
 *   SameDiffCvae cvae = SameDiffCvae.create(config, seed);
 *   Trainer.train(cvae.trainingView(), SameDiffCvaeTraining.withOneHotLabels(data, cvae.classCount()), ...);
 *   new ModelBundle(cvae, history, ...).save(file);   // save the model, not the view
 * </pre>
 */
public final class SameDiffCvaeTraining extends SameDiffModel {
    private final SameDiffCvae cvae;

    SameDiffCvaeTraining(SameDiffCvae cvae) {
        super(viewConfig(cvae.config(), cvae.classCount()), cvae.graph());
        this.cvae = cvae;
    }

    private static ModelConfig viewConfig(ModelConfig c, int classes) {
        return new ModelConfig(c.kind(), c.arch(), ImageShape.vector(c.inputShape().size() + classes), c.latentDim(),
                c.hidden(), c.likelihood(), c.normalisation(), c.datasetId(), c.labelNames(), c.extra());
    }

    /**
     * The data set with each row extended by its one-hot label, for training a conditional VAE.
     *
     * @throws InputException when the data set has no labels or another number of classes
     */
    public static Dataset withOneHotLabels(Dataset data, int classes) {
        if (!data.hasLabels()) {
            throw new InputException(data.id() + " has no labels; a conditional VAE is trained on labelled data "
                    + "(choose a data set with labels, or train a vae or gmvae)");
        }
        if (data.labelNames().size() != classes) {
            throw new InputException(data.id() + " has " + data.labelNames().size() + " classes; the conditional VAE was "
                    + "made for " + classes);
        }
        int d = data.dim();
        int w = d + classes;
        float[] v = new float[data.size() * w];
        for (int i = 0; i < data.size(); i++) {
            System.arraycopy(data.values(), i * d, v, i * w, d);
            v[i * w + d + data.labels()[i]] = 1f;
        }
        return new Dataset(data.id(), ImageShape.vector(w), data.size(), v, data.labels(), data.labelNames());
    }

    private float[][] pixels(float[][] rows) {
        int d = cvae.inputDim();
        float[][] x = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            x[i] = java.util.Arrays.copyOf(rows[i], d);
        }
        return x;
    }

    private int[] labels(float[][] rows) {
        int d = cvae.inputDim();
        int[] c = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < cvae.classCount(); k++) {
                if (rows[i][d + k] > 0.5f) {
                    c[i] = k;
                }
            }
        }
        return c;
    }

    @Override
    public List<String> featurePlaceholders() {
        return cvae.featurePlaceholders();
    }

    @Override
    public INDArray[] trainingFeatures(INDArray x, SplittableRandom rng, double klWeight) {
        return cvae.trainingFeatures(x, rng, klWeight);
    }

    @Override
    public double combineLoss(Map<String, Double> terms, double klWeight) {
        return cvae.combineLoss(terms, klWeight);
    }

    @Override
    public List<String> lossTermNames() {
        return cvae.lossTermNames();
    }

    @Override
    public Posterior encode(float[][] rows) {
        checkInput(rows);
        return cvae.encode(pixels(rows), labels(rows));
    }

    @Override
    public float[][] decode(float[][] z) {
        return cvae.decode(z);
    }

    @Override
    public float[][] samplePrior(int n, SplittableRandom rng) {
        return cvae.samplePrior(n, rng);
    }

    @Override
    public float[][] samplePrior(int n, double temperature, SplittableRandom rng) {
        return cvae.samplePrior(n, temperature, rng);
    }

    @Override
    public LossTerms loss(float[][] rows, SplittableRandom rng) {
        checkInput(rows);
        return cvae.loss(pixels(rows), labels(rows), rng);
    }

    @Override
    public double[] logImportanceWeights(float[] row, int k, SplittableRandom rng) {
        return cvae.logImportanceWeights(java.util.Arrays.copyOf(row, cvae.inputDim()), k, rng);
    }

    @Override
    public double[] logLikelihood(float[][] rows, float[][] z) {
        return cvae.logLikelihood(pixels(rows), z);
    }

    @Override
    protected double[] logPxz(INDArray x, float[][] z) {
        return cvae.logPxz(x, z);
    }
}
