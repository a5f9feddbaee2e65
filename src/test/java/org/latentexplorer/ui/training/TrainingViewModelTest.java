package org.latentexplorer.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.ui.fakes.Harness;

class TrainingViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aGmvaeFromTheFormGetsThePreTrainedStartOfTheCommandLine() {
        TrainFormViewModel form = new TrainFormViewModel("mnist", dir);
        form.value("kind").set("gmvae");
        assertThat(form.toRequest().model().extraInt(org.latentexplorer.model.SameDiffGmvae.PRETRAIN_EPOCHS, -1))
                .isEqualTo(org.latentexplorer.model.SameDiffGmvae.DEFAULT_PRETRAIN_EPOCHS);
        assertThat(form.commandLine()).contains("--clusters 10").contains("--pretrain 100");
        form.value("pretrain").set("-3");
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.error("pretrain").get()).isEqualTo("--pretrain must be between 0 and 10000 epochs, got -3");
        form.value("kind").set("vae");
        assertThat(form.validProperty().get()).as("a VAE ignores the GMVAE-only field").isTrue();
        assertThat(form.commandLine()).doesNotContain("--pretrain");
    }

    @Test
    void theStartsObjectiveReachesTheModelAndTheCommandLineAndNeedsAPretrainedStart() {
        TrainFormViewModel form = new TrainFormViewModel("mnist", dir);
        form.value("kind").set("gmvae");
        assertThat(form.commandLine()).doesNotContain("--pretrain-noise").doesNotContain("--pretrain-vae");
        form.value("start").set("vae");
        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.toRequest().model().extra()).containsEntry(org.latentexplorer.model.SameDiffGmvae.PRETRAIN_VAE, true)
                .containsEntry(org.latentexplorer.model.SameDiffGmvae.PRETRAIN_NOISE, false);
        assertThat(form.commandLine()).contains("--pretrain 100 --pretrain-vae --epochs");
        form.value("start").set("noisy autoencoder");
        assertThat(form.commandLine()).contains("--pretrain-noise").doesNotContain("--pretrain-vae");
        form.value("pretrain").set("0");
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.error("start").get()).contains("--pretrain-noise").contains("--pretrain E");
        form.value("start").set("pca");
        assertThat(form.error("start").get()).isEqualTo("--start must be autoencoder, noisy autoencoder or vae, got 'pca'");
        form.value("kind").set("vae");
        assertThat(form.validProperty().get()).as("a VAE ignores the GMVAE-only fields").isTrue();
        assertThat(form.commandLine()).doesNotContain("--start").doesNotContain("--pretrain");
    }

    @Test
    void aConvGmvaeFromTheFormAsksForTheRandomStart() {
        TrainFormViewModel form = new TrainFormViewModel("mnist", dir);
        form.value("kind").set("gmvae");
        form.value("arch").set("conv");
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.error("pretrain").get())
                .isEqualTo("--pretrain needs --arch dense for now; use --pretrain 0 with --arch conv");
        form.value("pretrain").set("0");
        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.toRequest().model().arch()).isEqualTo("conv");
    }

    @Test
    void defaultsAreValidAndBuildTheCommandLine() {
        TrainFormViewModel form = new TrainFormViewModel("mnist", dir);
        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.commandLine()).startsWith("latent-explorer train --dataset mnist --model vae")
                .contains("--latent 2").contains("--batch 128").doesNotContain("--clusters");
        assertThat(form.toRequest().train().epochs()).isEqualTo(10);
    }

    @Test
    void theFormsCommandLineIsOneTheCommandLineAccepts() {
        TrainFormViewModel form = new TrainFormViewModel("mnist", dir);
        form.value("kind").set("gmvae");
        form.value("start").set("vae");
        String[] words = form.commandLine().split(" ");
        assertThat(words[0]).isEqualTo("latent-explorer");
        picocli.CommandLine.ParseResult parsed = new picocli.CommandLine(new org.latentexplorer.cli.LatentExplorerCommand())
                .parseArgs(java.util.Arrays.copyOfRange(words, 1, words.length));
        picocli.CommandLine.ParseResult train = parsed.subcommand();
        assertThat(train.commandSpec().name()).isEqualTo("train");
        assertThat(train.matchedOptionValue("--dataset", "")).isEqualTo("mnist");
        assertThat(train.matchedOptionValue("--model", "")).isEqualTo("gmvae");
        assertThat(train.hasMatchedOption("--pretrain-vae")).isTrue();
        assertThat(train.matchedOptionValue("--clusters", 0)).isEqualTo(10);
    }

    @Test
    void eachBadFieldGetsItsOwnMessage() {
        TrainFormViewModel form = new TrainFormViewModel("mnist", dir);
        form.value("lr").set("2");
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.error("lr").get()).isEqualTo("--lr must be in (0, 1], got 2.0");
        form.value("lr").set("0.001");
        form.value("batch").set("12x");
        assertThat(form.error("batch").get()).contains("whole number");
        assertThat(form.error("lr").get()).isNull();
        form.value("batch").set("64");
        form.value("latent").set("0");
        assertThat(form.error("latent").get()).contains("latent dimension");
        form.value("latent").set("2");
        form.value("likelihood").set("poisson");
        assertThat(form.error("likelihood").get()).contains("bernoulli");
        form.value("likelihood").set("gaussian:0.01");
        form.value("validation").set("0.9");
        assertThat(form.error("validation").get()).contains("--validation");
        form.value("validation").set("0.1");
        form.value("out").set("model.bin");
        assertThat(form.error("out").get()).contains(".lexb");
        form.value("out").set(dir.resolve("x.lexb").toString());
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void trainingFillsTheChartsAtMostOnePointPerFlushAndOpensTheResult() {
        Harness h = new Harness(dir).withModel(2);
        TrainingViewModel vm = new TrainingViewModel(h.services, h.executor, h.session, h.errors, h.library);
        TrainFormViewModel form = new TrainFormViewModel("synthetic", dir);
        form.value("epochs").set("2");
        form.value("latent").set("3");
        form.value("out").set(dir.resolve("trained.lexb").toString());
        vm.start(form.toRequest());
        assertThat(vm.runningProperty().get()).isFalse();
        // The direct executor runs the whole run before the first flush: one point per epoch, plus validation.
        var train = vm.lossSeries().stream().filter(s -> s.getName().startsWith("train")).findFirst().orElseThrow();
        var valid = vm.lossSeries().stream().filter(s -> s.getName().startsWith("validation")).findFirst().orElseThrow();
        assertThat(train.getData()).hasSize(2);
        assertThat(valid.getData()).hasSize(2);
        assertThat(vm.termSeries()).extracting(s -> s.getName())
                .contains("train recon", "train kl", "validation recon", "validation kl");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.speedProperty().get()).contains("examples/s");
        assertThat(Files.exists(dir.resolve("trained.lexb"))).isTrue();
        assertThat(h.session.workspace().model().name()).isEqualTo("trained.lexb");
        assertThat(h.session.workspace().model().latentDim()).isEqualTo(3);
        assertThat(h.library.recentModels().getFirst()).endsWith("trained.lexb");
    }

    @Test
    void timeLeftIsFormattedAsMinutesAndSeconds() {
        assertThat(TrainingViewModel.formatSeconds(75)).isEqualTo("1:15");
        assertThat(TrainingViewModel.formatSeconds(3725)).isEqualTo("1:02:05");
    }

    @Test
    void everyNumericFieldRefusesLettersEmptyTextNanAndNumbersOutOfRangeWithItsOwnMessage() {
        TrainFormViewModel form = new TrainFormViewModel("mnist", dir);
        form.value("kind").set("gmvae");
        java.util.Map<String, String> outOfRange = java.util.Map.of("latent", "0", "clusters", "1", "pretrain", "-1",
                "epochs", "0", "batch", "0", "lr", "2", "weight-decay", "1", "validation", "0.9", "warmup", "-1",
                "patience", "-1");
        for (String f : java.util.List.of("latent", "clusters", "pretrain", "epochs", "batch", "lr", "weight-decay",
                "beta", "warmup", "validation", "patience", "seed")) {
            String good = form.value(f).get();
            java.util.List<String> bad = new java.util.ArrayList<>(java.util.List.of("abc", "", "NaN", "Infinity"));
            if (outOfRange.containsKey(f)) {
                bad.add(outOfRange.get(f));
            }
            for (String text : bad) {
                form.value(f).set(text);
                assertThat(form.validProperty().get()).as(f + " = '" + text + "'").isFalse();
                assertThat(form.error(f).get()).as(f + " = '" + text + "'").isNotBlank();
                org.assertj.core.api.Assertions.assertThatThrownBy(form::toRequest)
                        .isInstanceOf(org.latentexplorer.common.InputException.class);
            }
            form.value(f).set(good);
            assertThat(form.validProperty().get()).as(f + " back to " + good).isTrue();
        }
    }
}
