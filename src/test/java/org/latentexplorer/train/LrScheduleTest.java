package org.latentexplorer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.Models;
import org.latentexplorer.model.SameDiffModel;
import org.latentexplorer.model.TinyData;
import org.latentexplorer.model.VaeacFixtures;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

class LrScheduleTest {
    private static final TrainingListener QUIET = new TrainingListener() {
    };

    @Test
    void parsesTheThreeKindsAndWritesThemBack() {
        assertThat(LrSchedule.parse(" Constant ")).isEqualTo(LrSchedule.CONSTANT_RATE);
        assertThat(LrSchedule.parse("")).isEqualTo(LrSchedule.CONSTANT_RATE);
        assertThat(LrSchedule.parse("cosine").kind()).isEqualTo("cosine");
        LrSchedule p = LrSchedule.parse("plateau:3");
        assertThat(p.plateau()).isEqualTo(3);
        assertThat(p.factor()).isEqualTo(0.1);
        assertThat(LrSchedule.parse("plateau: 2 :0.5")).isEqualTo(new LrSchedule("plateau", 2, 0.5));
        assertThat(LrSchedule.parse(p.toString())).isEqualTo(p);
    }

    @Test
    void badSchedulesAreRefusedNamingTheOption() {
        for (String bad : List.of("linear", "plateau", "plateau:0", "plateau:x", "plateau:2:1", "plateau:2:0",
                "plateau:2:NaN", "plateau:2:0.5:1", "cosine:3", "plateau:99999999999")) {
            assertThatThrownBy(() -> LrSchedule.parse(bad)).as(bad).isInstanceOf(InputException.class)
                    .hasMessageContaining("--lr-schedule");
        }
        assertThatThrownBy(() -> new TrainConfig(5, 32, 1e-3, 0, 1, 0, 0, 0, Binarization.NONE, 1,
                LrSchedule.parse("plateau:2"))).hasMessageContaining("--validation");
    }

    @Test
    void cosineStartsAtTheRateAndFallsToNearZero() {
        LrSchedule c = LrSchedule.parse("cosine");
        assertThat(c.scale(0, 10)).isEqualTo(1.0);
        assertThat(c.scale(5, 10)).isCloseTo(0.5, within(1e-12));
        assertThat(c.scale(9, 10)).isCloseTo(0.0245, within(1e-4));
        for (int e = 1; e < 10; e++) {
            assertThat(c.scale(e, 10)).isLessThan(c.scale(e - 1, 10));
        }
        assertThat(c.scale(0, 1)).isEqualTo(1.0);
        assertThat(LrSchedule.CONSTANT_RATE.scale(9, 10)).isEqualTo(1.0);
    }

    @Test
    void plateauReducesAfterPEpochsWithoutImprovementThenCountsAgain() {
        LrSchedule.Plateau p = new LrSchedule("plateau", 2, 0.5).new Plateau();
        assertThat(p.observe(10)).isFalse();
        assertThat(p.observe(9)).isFalse();
        assertThat(p.observe(9.5)).isFalse();
        assertThat(p.observe(9.2)).isTrue();
        assertThat(p.scale()).isEqualTo(0.5);
        assertThat(p.observe(9.1)).isFalse();
        assertThat(p.observe(8)).isFalse();
        assertThat(p.scale()).isEqualTo(0.5);
        assertThat(LrSchedule.CONSTANT_RATE.new Plateau().observe(1)).isFalse();
    }

    /** The project's own kernel (a dense VAE) and SameDiff's Adam (a VAEAC) both take the epoch's rate. */
    @Test
    void cosineHalvesTheStepsOfTheMiddleEpochWhicheverOptimiserTrains() {
        SameDiffModel dense = Models.create(new ModelConfig("vae", "dense", ImageShape.grey(4, 4), 2, List.of(16),
                Likelihood.BERNOULLI, "unit", "tiny", List.of("left", "right"), Map.of()), 3);
        double denseRatio = secondEpochStep(() -> Models.create(dense.config(), 3), TinyData.twoPrototypes(256, 1));
        double vaeacRatio = secondEpochStep(() -> Models.create(VaeacFixtures.config(), 3), VaeacFixtures.halves(256, 1));
        // Epoch 2 of 4 runs at half the rate under cosine; Adam's steps scale with the rate.
        assertThat(denseRatio).isBetween(0.35, 0.65);
        assertThat(vaeacRatio).isBetween(0.35, 0.65);
    }

    /** How far epoch 3 of 4 moves the weights under cosine, over how far it moves them at a constant rate. */
    private static double secondEpochStep(java.util.function.Supplier<SameDiffModel> fresh, Dataset data) {
        double[] moved = new double[2];
        for (int k = 0; k < 2; k++) {
            LrSchedule s = k == 0 ? LrSchedule.CONSTANT_RATE : LrSchedule.parse("cosine");
            SameDiffModel m = fresh.get();
            List<Map<String, INDArray>> after = new ArrayList<>();
            Trainer.train(m, data, new TrainConfig(4, 32, 3e-3, 0, 1, 0, 0.25, 0, Binarization.NONE, 3, s), "t", null,
                    new TrainingListener() {
                        @Override
                        public void onEpoch(EpochStats e) {
                            Map<String, INDArray> w = new HashMap<>();
                            m.graph().variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                                    .forEach(v -> w.put(v.name(), v.getArr().dup()));
                            after.add(w);
                        }
                    }, CancelToken.NONE);
            double sq = 0;
            for (var e : after.get(2).entrySet()) {
                double step = e.getValue().sub(after.get(1).get(e.getKey())).norm2Number().doubleValue();
                sq += step * step;
            }
            moved[k] = Math.sqrt(sq);
        }
        return moved[1] / moved[0];
    }

    @Test
    void aPlateauRunSaysWhenItReducesTheRate() {
        List<String> messages = new ArrayList<>();
        // A rate too small to move float32 weights: the validation loss never improves after epoch 1.
        Trainer.train(Models.create(VaeacFixtures.config(), 3), VaeacFixtures.halves(128, 1),
                new TrainConfig(4, 32, 1e-12, 0, 1, 0, 0.25, 0, Binarization.NONE, 3, LrSchedule.parse("plateau:1:0.5")),
                "t", null, new TrainingListener() {
                    @Override
                    public void onMessage(String m) {
                        messages.add(m);
                    }
                }, CancelToken.NONE);
        assertThat(messages).anyMatch(m -> m.contains("No validation improvement in 1 epochs") && m.contains("5.0E-13"));
    }

    @Test
    void theCommandLineKeepsTheSchedule() {
        TrainOptions o = new TrainOptions(new TrainOptions.Data("mnist", "train", 0), TrainOptions.Network.defaults(),
                new TrainConfig(5, 32, 1e-3, 0, 1, 0, 0.1, 0, Binarization.NONE, 1, LrSchedule.parse("plateau:2:0.3")),
                null, null);
        assertThat(o.commandLine(java.nio.file.Path.of("m.lexb"))).contains("--lr-schedule plateau:2:0.3");
        TrainOptions constant = TrainOptions.defaults("mnist");
        assertThat(constant.commandLine(java.nio.file.Path.of("m.lexb"))).doesNotContain("--lr-schedule");
    }
}
