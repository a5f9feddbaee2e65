package org.latentexplorer.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.Models;
import org.latentexplorer.model.SameDiffCvae;
import org.latentexplorer.model.SameDiffCvaeTraining;
import org.latentexplorer.model.SameDiffModel;
import org.latentexplorer.model.SameDiffVaeac;
import org.latentexplorer.model.TrainingHistory;

/**
 * One training run from {@link TrainOptions}, the same for the command line and the window: builds the
 * model for the data, keeps a copy of a model already at the output ({@link PreviousModel}), trains
 * with a checkpoint of the bundle after every epoch, and saves the best epoch's weights when early
 * stopping ended the run.
 */
public final class TrainRun {
    private TrainRun() {
    }

    /**
     * A finished or cancelled run.
     *
     * @param bundle the trained model's bundle, open: the caller closes it or hands it on
     * @param model  the model in it
     * @param result the trainer's history and how the run ended
     */
    public record Outcome(ModelBundle bundle, SameDiffModel model, Trainer.Result result) {
    }

    /**
     * Trains a new model on {@code data} (already {@link TrainOptions.Data#select cut to the limit}) and
     * writes it to {@code out}; {@code command} is stored in its history. The caller checks {@code out}
     * is writable first ({@code OutputPaths.checkWritable}), before reading the data.
     */
    public static Outcome run(TrainOptions options, Dataset data, Path out, String command, TrainingListener listener,
                              CancelToken cancel) {
        ModelConfig config = options.modelConfig(data);
        long seed = options.train().seed();
        SameDiffModel model = Models.create(config, seed);
        ModelBundle bundle = new ModelBundle(model, new TrainingHistory(command, seed, List.of()), Map.of(), Map.of());
        return train(bundle, model, List.of(), options.train(), data, out, command, listener, cancel, true, seed);
    }

    /**
     * Trains the model of the bundle at {@code from} further on {@code data} with {@code cfg} (its own
     * learning rate, epochs, early stopping and seed; the network is the bundle's) and writes it to
     * {@code out}, which may be {@code from} itself (the old file is then kept as {@link PreviousModel}'s
     * copy). The new bundle's history is the old epochs followed by the new ones; the old bundle's
     * evaluation figures are left behind, since they describe other weights, and its notes are kept.
     * The validation split is the first run's (the bundle's recorded seed draws it), whatever this run's
     * seed, which orders the batches only: images held out stay held out. A GMVAE is
     * trained further as it is: its pre-training and mixture start are not run again.
     */
    public static Outcome continueFrom(Path from, TrainConfig cfg, Dataset data, Path out, String command,
                                       TrainingListener listener, CancelToken cancel) {
        return continueFrom(from, cfg, null, data, out, command, listener, cancel);
    }

    /**
     * {@link #continueFrom(Path, TrainConfig, Dataset, Path, String, TrainingListener, CancelToken)}, a VAEAC
     * training on masks with {@code halfMasks} halves from now on ({@code null}: the bundle's share).
     */
    public static Outcome continueFrom(Path from, TrainConfig cfg, Double halfMasks, Dataset data, Path out,
                                       String command, TrainingListener listener, CancelToken cancel) {
        ModelBundle old = ModelBundle.load(from);
        if (!(old.model() instanceof SameDiffModel loaded)) {
            old.close();
            throw new InputException(from + ": a " + old.config().kind() + " model imported from elsewhere cannot be "
                    + "trained here; only bundles trained by Latent Explorer can continue training");
        }
        try {
            checkHalfMasks(from, old.config(), halfMasks);
        } catch (InputException e) {
            old.close();
            throw e;
        }
        SameDiffModel model = halfMasks == null ? loaded : ((SameDiffVaeac) loaded).withHalfMasks(halfMasks);
        TrainingHistory before = old.history();
        String chained = before.command().isBlank() ? command : before.command() + " && " + command;
        ModelBundle bundle = new ModelBundle(model, new TrainingHistory(chained, before.seed(), before.epochs()),
                Map.of(), old.annotations());
        // The first run's seed keeps its validation split: a new --seed changes the order of the batches only.
        return train(bundle, model, before.epochs(), cfg, data, out, chained, listener, cancel, false, before.seed());
    }

    /**
     * Refuses a share of half masks ({@code null}: none given) that the model of {@code from}, whose
     * configuration is {@code config}, cannot take: it is not a VAEAC, or the share is outside 0 … 1.
     */
    public static void checkHalfMasks(Path from, ModelConfig config, Double halfMasks) {
        if (halfMasks == null) {
            return;
        }
        if (!SameDiffVaeac.KIND.equals(config.kind())) {
            throw new InputException("--half-masks applies to a vaeac; " + from + " holds a " + config.kind());
        }
        SameDiffVaeac.checkHalfMasks(halfMasks);
    }

    private static Outcome train(ModelBundle bundle, SameDiffModel model, List<EpochStats> earlier, TrainConfig cfg,
                                 Dataset data, Path out, String command, TrainingListener listener,
                                 CancelToken cancel, boolean start, long splitSeed) {
        try {
            PreviousModel.keep(out).ifPresent(b -> listener.onMessage(out + " already held a model: kept a copy as " + b));
            // A CVAE sees its labels as one-hot columns appended to the pixels; the bundle keeps the model itself.
            SameDiffModel trained = model instanceof SameDiffCvae cvae ? cvae.trainingView() : model;
            Dataset trainData = model instanceof SameDiffCvae cvae
                    ? SameDiffCvaeTraining.withOneHotLabels(data, cvae.classCount()) : data;
            Trainer.Result result = Trainer.train(trained, trainData, cfg, command, history -> {
                bundle.setHistory(after(earlier, history, splitSeed));
                bundle.save(out);
            }, listener, cancel, start, splitSeed);
            bundle.setHistory(after(earlier, result.history(), splitSeed));
            if (result.stoppedEarly()) {
                bundle.save(out); // the best epoch's weights, restored by early stopping
            }
            return new Outcome(bundle, model, result);
        } catch (IOException e) {
            bundle.close();
            throw new InputException(out + ": cannot write the model (" + e.getMessage() + ")", e);
        } catch (RuntimeException | Error e) {
            bundle.close();
            throw e;
        }
    }

    /**
     * {@code history}'s epochs after the {@code earlier} ones of the bundle a run continued; the seed kept
     * is the one that drew the validation split, so that a further run holds out the same images.
     */
    private static TrainingHistory after(List<EpochStats> earlier, TrainingHistory history, long splitSeed) {
        List<EpochStats> all = new java.util.ArrayList<>(earlier);
        for (EpochStats s : history.epochs()) {
            all.add(new EpochStats(earlier.size() + s.epoch(), s.trainLoss(), s.trainTerms(), s.validLoss(),
                    s.validTerms(), s.examplesPerSec(), s.seconds()));
        }
        return new TrainingHistory(history.command(), splitSeed, all);
    }
}
