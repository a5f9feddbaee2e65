package org.latentexplorer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.Models;
import org.latentexplorer.model.SameDiffModel;
import org.latentexplorer.model.TinyData;

class TrainerTest {
    private static final Dataset DATA = TinyData.twoPrototypes(256, 1);

    private static SameDiffModel tinyModel(long seed) {
        return Models.create(new ModelConfig("vae", "dense", ImageShape.grey(4, 4), 2, List.of(16),
                Likelihood.BERNOULLI, "unit", "tiny", List.of("left", "right"), java.util.Map.of()), seed);
    }

    private static TrainConfig cfg(int epochs, long seed) {
        return new TrainConfig(epochs, 32, 1e-2, 0, 1, 0, 0.25, 0, Binarization.NONE, seed);
    }

    @Test
    void seededShortRunLowersTheLossAndRepeatsExactly() {
        List<Double> first = new ArrayList<>();
        Trainer.Result r = Trainer.train(tinyModel(3), DATA, cfg(8, 3), "test", null, new TrainingListener() {
            @Override
            public void onEpoch(EpochStats s) {
                first.add(s.trainLoss());
            }
        }, CancelToken.NONE);
        assertThat(r.history().epochs()).hasSize(8);
        assertThat(first.get(7)).isLessThan(first.get(0) * 0.8);
        assertThat(r.history().epochs().get(7).validLoss()).isFinite();
        assertThat(r.history().epochs().get(0).trainTerms().keySet()).containsExactly("recon", "kl");
        assertThat(r.history().epochs().get(0).validTerms().keySet()).containsExactly("recon", "kl");

        Trainer.Result again = Trainer.train(tinyModel(3), DATA, cfg(8, 3), "test", null, new TrainingListener() {
        }, CancelToken.NONE);
        assertThat(again.history().epochs()).extracting(EpochStats::trainLoss).containsExactlyElementsOf(first);
    }

    @Test
    void aContinuedRunValidatesOnTheImagesTheFirstRunHeldOutWhateverItsSeed() {
        // A learning rate too small to move float32 weights: the validation loss is the untrained model's
        // on whichever images the split held out, with that split's fixed validation noise.
        TrainConfig still = new TrainConfig(1, 32, 1e-12, 0, 1, 0, 0.25, 0, Binarization.NONE, 7);
        TrainConfig stillSeed1 = new TrainConfig(1, 32, 1e-12, 0, 1, 0, 0.25, 0, Binarization.NONE, 1);
        TrainingListener quiet = new TrainingListener() {
        };
        double firstRunsSplit = Trainer.train(tinyModel(3), DATA, stillSeed1, "t", null, quiet, CancelToken.NONE, true, 1)
                .history().epochs().get(0).validLoss();
        double continued = Trainer.train(tinyModel(3), DATA, still, "t", null, quiet, CancelToken.NONE, false, 1)
                .history().epochs().get(0).validLoss();
        double ownSplit = Trainer.train(tinyModel(3), DATA, still, "t", null, quiet, CancelToken.NONE, false, 7)
                .history().epochs().get(0).validLoss();
        assertThat(continued).isEqualTo(firstRunsSplit);
        assertThat(ownSplit).as("seed 7 holds out other images").isNotEqualTo(firstRunsSplit);
    }

    @Test
    void cancelKeepsTheLastFinishedEpochAndTheCheckpointOnDisk(@TempDir Path dir) throws Exception {
        SameDiffModel model = tinyModel(4);
        Path ckpt = dir.resolve("ckpt.lexb");
        CancelToken cancel = new CancelToken();
        int[] iterations = {0};
        Trainer.Result r = Trainer.train(model, DATA, cfg(50, 4), "test",
                h -> new ModelBundle(model, h, null, null).save(ckpt), new TrainingListener() {
                    @Override
                    public void onIteration(int epoch, int it, int steps, double loss, java.util.Map<String, Double> t, double eps) {
                        if (++iterations[0] == 15) {
                            cancel.cancel();
                        }
                    }
                }, cancel);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.history().epochs()).hasSize(2); // 6 steps per epoch: epochs 0 and 1 finished before step 15
        try (ModelBundle saved = ModelBundle.load(ckpt)) {
            assertThat(saved.history().epochs()).hasSize(2);
            float[][] z = {{0.5f, -0.5f}};
            assertThat(saved.model().decode(z)).isEqualTo(model.decode(z));
        }
    }

    @Test
    void aCancelBetweenEpochsOfAModelThatSameDiffTrainsEndsTheRunCleanly() {
        // A conv VAE trains through SameDiff's own fit, which failed on an epoch left without a batch.
        SameDiffModel model = Models.create(new ModelConfig("vae", "conv", ImageShape.grey(4, 4), 2, List.of(4, 4),
                Likelihood.BERNOULLI, "unit", "tiny", List.of("left", "right"), java.util.Map.of()), 6);
        CancelToken cancel = new CancelToken();
        Trainer.Result r = Trainer.train(model, DATA, cfg(5, 6), "test", null, new TrainingListener() {
            @Override
            public void onEpoch(EpochStats s) {
                cancel.cancel();
            }
        }, cancel);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.history().epochs()).hasSize(1);
    }

    @Test
    void heldOutNamesTheImagesARunValidatesOn() {
        // An untrained model (a rate too small to move float32 weights): the run's validation loss is the
        // loss over exactly the examples heldOut names, with the validation noise of the split's seed.
        SameDiffModel model = tinyModel(3);
        TrainConfig still = new TrainConfig(1, 32, 1e-12, 0, 1, 0, 0.25, 0, Binarization.NONE, 11);
        double validated = Trainer.train(model, DATA, still, "t", null, new TrainingListener() {
        }, CancelToken.NONE).history().epochs().get(0).validLoss();
        int[] held = Trainer.heldOut(DATA.size(), 0.25, 11);
        assertThat(held).hasSize(64).doesNotHaveDuplicates();
        assertThat(Trainer.evaluate(model, DATA.subset(held).rows(), 11).loss()).isEqualTo(validated);
        assertThat(Trainer.evaluate(model, DATA.subset(Trainer.heldOut(DATA.size(), 0.25, 12)).rows(), 11).loss())
                .as("another seed holds out other images").isNotEqualTo(validated);
    }

    @Test
    void nonFiniteLossRollsBackAndHalvesTheLearningRate() {
        SameDiffModel model = tinyModel(5);
        List<String> messages = new ArrayList<>();
        // Poison a weight after the first epoch: the next epoch's loss is NaN and must be rolled back.
        Trainer.Result r = Trainer.train(model, DATA, cfg(3, 5), "test", null, new TrainingListener() {
            @Override
            public void onEpoch(EpochStats s) {
                if (s.epoch() == 0) {
                    model.graph().getVariable("enc0_W").getArr().putScalar(0, Float.NaN);
                }
            }

            @Override
            public void onMessage(String m) {
                messages.add(m);
            }
        }, CancelToken.NONE);
        assertThat(messages).anyMatch(m -> m.contains("rolled back") && m.contains("0.005"));
        assertThat(r.history().epochs()).hasSize(3);
        assertThat(r.history().epochs()).allMatch(e -> Double.isFinite(e.trainLoss()));
    }

    @Test
    void aNonFiniteValidationLossIsDivergenceAndNeverCheckpointed() {
        SameDiffModel model = tinyModel(5);
        List<String> messages = new ArrayList<>();
        List<Double> checkpointed = new ArrayList<>();
        // Poison a weight at the last training step of epoch 2: the training loss seen so far is finite,
        // the validation loss computed after it is not.
        int[] step = {0};
        Trainer.Result r = Trainer.train(model, DATA, cfg(3, 5), "test",
                h -> checkpointed.add(h.epochs().getLast().validLoss()), new TrainingListener() {
                    @Override
                    public void onIteration(int epoch, int it, int steps, double loss, java.util.Map<String, Double> t,
                                            double eps) {
                        if (++step[0] == 12) {
                            model.graph().getVariable("enc0_W").getArr().putScalar(0, Float.NaN);
                        }
                    }

                    @Override
                    public void onMessage(String m) {
                        messages.add(m);
                    }
                }, CancelToken.NONE);
        assertThat(messages).anyMatch(m -> m.startsWith("Validation loss became NaN/Inf in epoch 2: rolled back"));
        assertThat(checkpointed).hasSize(3).allMatch(Double::isFinite);
        assertThat(r.history().epochs()).allMatch(e -> Double.isFinite(e.validLoss()));
    }

    @Test
    void dataOfAnotherShapeIsRefusedWithBothShapes() {
        Dataset wide = new Dataset("wide.csv", ImageShape.vector(5), 1, new float[5], null, null);
        assertThatThrownBy(() -> Trainer.train(tinyModel(1), wide, cfg(1, 1), "t", null, new TrainingListener() {
        }, CancelToken.NONE)).isInstanceOf(InputException.class).hasMessageContaining("wide.csv")
                .hasMessageContaining("expects 16");
    }

    @Test
    void absurdHyperParametersAreRejectedNamingTheArgument() {
        assertThatThrownBy(() -> new TrainConfig(1, -1, 1e-3, 0, 1, 0, 0, 0, Binarization.NONE, 1))
                .hasMessageContaining("--batch");
        assertThatThrownBy(() -> new TrainConfig(0, 1, 1e-3, 0, 1, 0, 0, 0, Binarization.NONE, 1))
                .hasMessageContaining("--epochs");
        assertThatThrownBy(() -> new TrainConfig(1, 1, Double.NaN, 0, 1, 0, 0, 0, Binarization.NONE, 1))
                .hasMessageContaining("--lr");
    }
}
