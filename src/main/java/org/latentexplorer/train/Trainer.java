package org.latentexplorer.train;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.model.FastStep;
import org.latentexplorer.model.LossTerms;
import org.latentexplorer.model.SameDiffGmvae;
import org.latentexplorer.model.SameDiffModel;
import org.latentexplorer.model.TrainingHistory;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Trains a SameDiff latent model with Adam on a data set: seeded shuffling, a validation split,
 * static or dynamic binarisation, KL warm-up, early stopping, a checkpoint after every epoch, and
 * recovery from a non-finite loss (roll back to the last good epoch, halve the learning rate). A GMVAE
 * whose configuration asks for pre-training first gets the VaDE-style start of {@link GmvaeInit}
 * (reported through {@link TrainingListener#onMessage}; not counted in the epochs).
 */
public final class Trainer {
    /** How many times in a row a non-finite epoch is retried with a halved learning rate. */
    private static final int MAX_ROLLBACKS = 5;
    private static final int EVAL_BATCH = 500;

    /** Called after each good epoch, e.g. to write the model bundle. */
    @FunctionalInterface
    public interface Checkpointer {
        void save(TrainingHistory history) throws IOException;
    }

    /**
     * @param history      the command and the figures of every finished epoch
     * @param cancelled    the run was cancelled; the model holds the last finished epoch's weights
     * @param stoppedEarly early stopping ended the run; the model holds the best epoch's weights
     */
    public record Result(TrainingHistory history, boolean cancelled, boolean stoppedEarly) {
    }

    private Trainer() {
    }

    public static Result train(SameDiffModel model, Dataset data, TrainConfig cfg, String command,
                               Checkpointer checkpointer, TrainingListener listener, CancelToken cancel) {
        return train(model, data, cfg, command, checkpointer, listener, cancel, true, cfg.seed());
    }

    /**
     * As {@link #train(SameDiffModel, Dataset, TrainConfig, String, Checkpointer, TrainingListener, CancelToken)};
     * without {@code fresh}, the model is trained further as it is: a GMVAE's pre-training and mixture
     * start are not run again, and the learning rate is {@code cfg}'s. {@code splitSeed} draws the
     * validation split and the validation batches' binarisation and noise: a run that continues a model
     * passes the first run's seed, so that it validates on the images that run held out, never on ones it
     * trained on, and its validation losses compare with that run's; {@code cfg.seed()} draws the rest.
     */
    public static Result train(SameDiffModel model, Dataset data, TrainConfig cfg, String command,
                               Checkpointer checkpointer, TrainingListener listener, CancelToken cancel,
                               boolean fresh, long splitSeed) {
        if (data.dim() != model.inputDim()) {
            throw new InputException(data.id() + ": examples have " + data.dim() + " values (" + data.shape()
                    + "); the model expects " + model.inputDim() + " (" + model.config().inputShape() + ")");
        }
        if (data.hasMissing()) {
            throw new InputException(data.id() + " has missing entries; VAE training needs complete examples");
        }
        int nValid = (int) Math.round(data.size() * cfg.validationSplit());
        int nTrain = data.size() - nValid;
        if (nTrain < 1) {
            throw new InputException(data.id() + " has too few examples (" + data.size() + ") to train on");
        }
        SplittableRandom root = new SplittableRandom(cfg.seed());
        // The split's own streams are those a fresh run of splitSeed draws, in the same order.
        SplittableRandom splitRoot = splitSeed == cfg.seed() ? root : new SplittableRandom(splitSeed);
        int[] perm = permutation(data.size(), splitRoot.split());
        Dataset train = data.subset(java.util.Arrays.copyOfRange(perm, 0, nTrain));
        Dataset valid = nValid == 0 ? null : data.subset(java.util.Arrays.copyOfRange(perm, nTrain, data.size()));
        float[] trainValues = train.values();
        if (cfg.binarization() == Binarization.STATIC) {
            trainValues = trainValues.clone();
            Binarization.sample(trainValues, root.split());
            if (splitRoot != root) {
                splitRoot.split(); // keeps the validation stream the one of a fresh run of splitSeed
            }
        }
        float[][] validRows = valid == null ? null
                : rows(valid, cfg.binarization() != Binarization.NONE, splitRoot.split());
        SplittableRandom shuffleRng = root.split();
        SplittableRandom noiseRng = root.split();

        SameDiff sd = model.graph();
        FastStep fast = model.fastStep(cfg.learningRate(), cfg.weightDecay()).orElse(null);
        if (fast == null) {
            model.prepareGradients();
        }
        Adam adam = new Adam(cfg.learningRate());
        TrainingConfig.Builder tc = new TrainingConfig.Builder().updater(adam).markLabelsUnused()
                .dataSetFeatureMapping(model.featurePlaceholders());
        if (cfg.weightDecay() > 0) {
            tc.weightDecay(cfg.weightDecay(), true);
        }
        sd.setTrainingConfig(tc.build());

        if (fresh && model instanceof SameDiffGmvae g && g.pretrainEpochs() > 0
                && !GmvaeInit.run(g, trainValues, data.dim(), cfg, root.split(), listener, cancel)) {
            listener.onMessage("Training cancelled during pre-training; the model is untrained");
            return new Result(new TrainingHistory(command, cfg.seed(), java.util.List.of()), true, false);
        }
        double baseLr = cfg.learningRate();
        if (fresh && model instanceof SameDiffGmvae g && g.pretrainEpochs() > 0) {
            baseLr = g.jointLearningRate(baseLr);
            listener.onMessage("Joint training of the whole GMVAE at learning rate " + baseLr);
        }
        if (cfg.lrSchedule().kind().equals(LrSchedule.COSINE)) {
            listener.onMessage("Learning rate annealed from " + baseLr + " towards 0 over " + cfg.epochs() + " epochs (cosine)");
        }
        LrSchedule.Plateau plateau = cfg.lrSchedule().new Plateau();
        double rollbackScale = 1;
        double lr = Double.NaN;

        int steps = (nTrain + cfg.batchSize() - 1) / cfg.batchSize();
        TermRecorder recorder = new TermRecorder(model, listener, steps);
        TrainingHistory history = new TrainingHistory(command, cfg.seed(), java.util.List.of());
        Snapshot good = Snapshot.of(sd);
        Snapshot best = null;
        double bestValid = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        int rollbacks = 0;
        int iteration = 0;

        for (int epoch = 0; epoch < cfg.epochs(); epoch++) {
            double epochLr = baseLr * rollbackScale * plateau.scale() * cfg.lrSchedule().scale(epoch, cfg.epochs());
            if (epochLr != lr) {
                lr = epochLr;
                adam.setLearningRate(lr);
                if (fast != null) {
                    fast.setLearningRate(lr);
                }
            }
            long start = System.nanoTime();
            recorder.startEpoch(epoch, cfg.klWeight(epoch));
            BatchIterator it = new BatchIterator(model, trainValues, data.dim(), permutation(nTrain, shuffleRng),
                    cfg.batchSize(), cfg.binarization(), cfg.klWeight(epoch), noiseRng, cancel);
            if (fast != null) {
                while (it.hasNext()) {
                    MultiDataSet batch = it.next();
                    recorder.record(fast.step(batch.getFeatures(), iteration++, epoch), batch.getFeatures(0).size(0));
                }
            } else if (it.hasNext()) {
                // SameDiff's fit fails (a null "last loss") on an epoch without a batch, which is what a
                // cancel between the check above and its first batch leaves; that failure is the cancel.
                try {
                    sd.fit(it, 1, recorder);
                } catch (RuntimeException e) {
                    if (!cancel.isCancelled()) {
                        throw e;
                    }
                }
            }
            if (cancel.isCancelled()) {
                good.restore(sd);
                listener.onMessage("Training cancelled during epoch " + (epoch + 1) + "; kept the model of epoch " + epoch);
                return new Result(history, true, false);
            }
            long trained = System.nanoTime();
            // A non-finite training or validation loss is divergence: roll back, never checkpoint it.
            LossTerms v = null;
            boolean diverged = recorder.sawNonFinite();
            if (!diverged && validRows != null) {
                v = evaluate(model, validRows, splitSeed);
                diverged = !Double.isFinite(v.loss());
            }
            if (diverged) {
                String which = recorder.sawNonFinite() ? "Loss" : "Validation loss";
                if (++rollbacks > MAX_ROLLBACKS) {
                    good.restore(sd);
                    throw new InputException("training diverged: the loss was not finite after " + MAX_ROLLBACKS
                            + " rollbacks with halved learning rates (last " + lr + "); nothing of it was saved");
                }
                good.restore(sd);
                rollbackScale /= 2;
                if (fast != null) {
                    fast.resetOptimizer();
                }
                listener.onMessage(which + " became NaN/Inf in epoch " + (epoch + 1) + ": rolled back to epoch "
                        + epoch + " and halved the learning rate to " + lr / 2);
                epoch--;
                continue;
            }
            rollbacks = 0;
            double trainEps = recorder.examples() / Math.max(1e-9, (trained - start) / 1e9);
            EpochStats stats = new EpochStats(epoch, recorder.meanLoss(), recorder.meanTerms(),
                    v == null ? Double.NaN : v.loss(), v == null ? Map.of() : v.terms(), trainEps,
                    (System.nanoTime() - start) / 1e9);
            history = history.plus(stats);
            good = Snapshot.of(sd);
            listener.onEpoch(stats);
            if (checkpointer != null) {
                try {
                    checkpointer.save(history);
                } catch (IOException e) {
                    throw new InputException("could not write the checkpoint: " + e.getMessage(), e);
                }
            }
            if (v != null && plateau.observe(v.loss())) {
                listener.onMessage("No validation improvement in " + cfg.lrSchedule().plateau() + " epochs: learning rate "
                        + (float) (lr * cfg.lrSchedule().factor()) + " from epoch " + (epoch + 2));
            }
            if (cfg.patience() > 0 && v != null) {
                if (v.loss() < bestValid) {
                    bestValid = v.loss();
                    best = good;
                    sinceBest = 0;
                } else if (++sinceBest >= cfg.patience()) {
                    best.restore(sd);
                    listener.onMessage("Early stop after epoch " + (epoch + 1) + ": no validation improvement in "
                            + cfg.patience() + " epochs; kept the best model (validation loss " + bestValid + ")");
                    return new Result(history, false, true);
                }
            }
        }
        return new Result(history, false, false);
    }

    /** Mean loss terms over a set of examples, with a fixed noise seed so epochs compare fairly. */
    public static LossTerms evaluate(SameDiffModel model, float[][] rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5EEDL);
        double loss = 0;
        Map<String, Double> sums = new LinkedHashMap<>();
        for (int s = 0; s < rows.length; s += EVAL_BATCH) {
            float[][] batch = java.util.Arrays.copyOfRange(rows, s, Math.min(rows.length, s + EVAL_BATCH));
            LossTerms t = model.loss(batch, rng);
            loss += t.loss() * batch.length;
            t.terms().forEach((k, x) -> sums.merge(k, x * batch.length, Double::sum));
        }
        Map<String, Double> mean = new LinkedHashMap<>();
        sums.forEach((k, x) -> mean.put(k, x / rows.length));
        return new LossTerms(loss / rows.length, mean);
    }

    static float[][] rows(Dataset d, boolean binarize, SplittableRandom rng) {
        float[][] r = d.rows();
        if (binarize) {
            for (float[] row : r) {
                Binarization.sample(row, rng);
            }
        }
        return r;
    }

    /**
     * The examples (indices into a data set of {@code n}) that a run with {@code --validation fraction} and
     * first seed {@code splitSeed} holds out for validation, in the order it holds them out: the images
     * that run never trained on, on which a trained model can be compared with another of the same split
     * without touching the test split. The same draw as {@link #train}'s split (the first stream split
     * from the seed's generator; {@code TrainerTest} holds the two together).
     */
    public static int[] heldOut(int n, double fraction, long splitSeed) {
        int nValid = (int) Math.round(n * fraction);
        int[] perm = permutation(n, new SplittableRandom(splitSeed).split());
        return java.util.Arrays.copyOfRange(perm, n - nValid, n);
    }

    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** A copy of the weights and of the optimiser state, to roll back to. */
    private record Snapshot(Map<String, INDArray> weights, Map<String, Map<String, INDArray>> updater) {
        static Snapshot of(SameDiff sd) {
            Map<String, INDArray> w = new HashMap<>();
            sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                    .forEach(v -> w.put(v.name(), v.getArr().dup()));
            Map<String, Map<String, INDArray>> u = new HashMap<>();
            Map<String, GradientUpdater> updaters = sd.getUpdaterMap();
            if (updaters != null) {
                updaters.forEach((name, g) -> {
                    Map<String, INDArray> state = new HashMap<>();
                    Map<String, INDArray> st = stateOf(g);
                    if (st != null) {
                        st.forEach((k, a) -> state.put(k, a.dup()));
                    }
                    u.put(name, state);
                });
            }
            return new Snapshot(w, u);
        }

        @SuppressWarnings("unchecked")
        private static Map<String, INDArray> stateOf(GradientUpdater<?> g) {
            return (Map<String, INDArray>) g.getState();
        }

        void restore(SameDiff sd) {
            weights.forEach((name, a) -> sd.getVariable(name).getArr().assign(a));
            Map<String, GradientUpdater> updaters = sd.getUpdaterMap();
            if (updaters != null) {
                updater.forEach((name, state) -> {
                    GradientUpdater g = updaters.get(name);
                    Map<String, INDArray> st = g == null ? null : stateOf(g);
                    if (st != null) {
                        state.forEach((k, a) -> st.get(k).assign(a));
                    }
                });
            }
        }
    }
}
