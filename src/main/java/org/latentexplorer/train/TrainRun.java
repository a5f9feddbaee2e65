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
        try {
            PreviousModel.keep(out).ifPresent(b -> listener.onMessage(out + " already held a model: kept a copy as " + b));
            // A CVAE sees its labels as one-hot columns appended to the pixels; the bundle keeps the model itself.
            SameDiffModel trained = model instanceof SameDiffCvae cvae ? cvae.trainingView() : model;
            Dataset trainData = model instanceof SameDiffCvae cvae
                    ? SameDiffCvaeTraining.withOneHotLabels(data, cvae.classCount()) : data;
            Trainer.Result result = Trainer.train(trained, trainData, options.train(), command, history -> {
                bundle.setHistory(history);
                bundle.save(out);
            }, listener, cancel);
            bundle.setHistory(result.history());
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
}
