package org.latentexplorer.train;

import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Binarization;

/**
 * Hyper-parameters of one training run. Values are checked here, so a bad value fails before any
 * work starts, with a message naming the parameter.
 *
 * @param epochs          passes over the training split (1..100000)
 * @param batchSize       examples per gradient step (1..65536); 128 in the references
 * @param learningRate    Adam step size (0, 1]; 1e-3 by default
 * @param weightDecay     L2 weight decay added by Adam, ≥ 0
 * @param beta            weight of the KL term (β-VAE, Higgins et al. 2017); 1 is the plain ELBO
 * @param warmupEpochs    epochs over which the KL weight rises linearly from 0 to β (Sønderby et al.
 *                        2016, §2.3); 0 for none
 * @param validationSplit fraction of the data held out for validation, [0, 0.5]
 * @param patience        early stopping: epochs without validation improvement before stopping; 0 off
 * @param binarization    none, static (one fixed draw) or dynamic (a fresh draw each epoch)
 * @param seed            seeds initialisation, shuffling, binarisation and the reparameterisation noise
 * @param lrSchedule      how the rate moves from {@code learningRate} over the run; null for constant
 */
public record TrainConfig(int epochs, int batchSize, double learningRate, double weightDecay, double beta,
                          int warmupEpochs, double validationSplit, int patience, Binarization binarization,
                          long seed, LrSchedule lrSchedule) {
    public TrainConfig {
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new InputException("--epochs must be between 1 and " + MAX_EPOCHS + ", got " + epochs);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new InputException("--batch must be between 1 and " + MAX_BATCH + ", got " + batchSize);
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new InputException("--lr must be in (0, 1], got " + learningRate);
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            throw new InputException("--weight-decay must be in [0, 1), got " + weightDecay);
        }
        if (!(beta >= 0 && beta <= MAX_BETA)) {
            throw new InputException("--beta must be in [0, " + (int) MAX_BETA + "], got " + beta);
        }
        if (warmupEpochs < 0) {
            throw new InputException("--warmup must be 0 or more epochs, got " + warmupEpochs);
        }
        if (!(validationSplit >= 0 && validationSplit <= MAX_VALIDATION)) {
            throw new InputException("--validation must be in [0, " + MAX_VALIDATION + "], got " + validationSplit);
        }
        if (patience < 0) {
            throw new InputException("--patience must be 0 or more, got " + patience);
        }
        if (binarization == null) {
            binarization = Binarization.NONE;
        }
        lrSchedule = lrSchedule == null ? LrSchedule.CONSTANT_RATE : lrSchedule;
        if (lrSchedule.kind().equals(LrSchedule.PLATEAU) && validationSplit == 0) {
            throw new InputException("--lr-schedule " + lrSchedule + " watches the validation loss: give --validation above 0");
        }
    }

    /** A run at a constant learning rate. */
    public TrainConfig(int epochs, int batchSize, double learningRate, double weightDecay, double beta,
                       int warmupEpochs, double validationSplit, int patience, Binarization binarization, long seed) {
        this(epochs, batchSize, learningRate, weightDecay, beta, warmupEpochs, validationSplit, patience, binarization,
                seed, LrSchedule.CONSTANT_RATE);
    }

    /** The largest epochs, batch, β and validation fraction a run takes. */
    public static final int MAX_EPOCHS = 100_000, MAX_BATCH = 65_536;
    public static final double MAX_BETA = 1000, MAX_VALIDATION = 0.5;

    public static TrainConfig defaults() {
        return new TrainConfig(10, 128, 1e-3, 0, 1, 0, 0.1, 0, Binarization.NONE, 42);
    }

    /** KL weight used during epoch {@code epoch} (0-based): linear warm-up to β. */
    public double klWeight(int epoch) {
        return warmupEpochs == 0 ? beta : beta * Math.min(1.0, (epoch + 1) / (double) warmupEpochs);
    }
}
