package org.latentexplorer.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.cli.LatentExplorerCommand;
import org.latentexplorer.cli.TrainCommand;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.model.SameDiffGmvae;
import org.latentexplorer.train.TrainOptions;
import org.latentexplorer.ui.fakes.Harness;
import org.latentexplorer.ui.services.TrainRequest;
import org.latentexplorer.ui.training.TrainInputs.Section;
import picocli.CommandLine;

/** The Train dialog's form without a screen: what it shows, what it refuses and why, and what it builds. */
class TrainFormViewModelTest {
    @TempDir
    Path dir;

    private TrainFormViewModel form() {
        return new TrainFormViewModel("mnist", dir.resolve("models"));
    }

    @Test
    void eachKindShowsItsOwnSectionOnly() {
        TrainFormViewModel form = form();
        assertThat(form.shown(Section.DATA).get()).isTrue();
        assertThat(form.shown(Section.MODEL).get()).isTrue();
        assertThat(form.shown(Section.OPTIMISER).get()).isTrue();
        assertThat(form.shown(Section.GMVAE).get()).as("a VAE has no GMVAE start").isFalse();
        assertThat(form.shown(Section.CVAE).get()).isFalse();
        assertThat(form.shown(TrainField.CLUSTERS).get()).isFalse();
        assertThat(form.shown(TrainField.VARIANCE).get()).as("Bernoulli has no variance").isFalse();

        form.text(TrainField.KIND).set("gmvae");
        assertThat(form.shown(Section.GMVAE).get()).isTrue();
        assertThat(form.shown(TrainField.CLUSTERS).get()).isTrue();
        assertThat(form.shown(Section.CVAE).get()).isFalse();

        form.text(TrainField.KIND).set("cvae");
        assertThat(form.shown(Section.GMVAE).get()).isFalse();
        assertThat(form.shown(Section.CVAE).get()).isTrue();
        assertThat(form.shown(TrainField.PRIOR).get()).isTrue();
        assertThat(form.shown(Section.VAEAC).get()).isFalse();

        form.text(TrainField.KIND).set("vaeac");
        assertThat(form.shown(Section.CVAE).get()).isFalse();
        assertThat(form.shown(TrainField.HALF_MASKS).get()).isTrue();
        assertThat(form.decimal(TrainField.HALF_MASKS).get()).isEqualTo(0.5);
        assertThat(form.integer(TrainField.PATH).get()).isEqualTo(512);
        assertThat(form.hiddenPrompt()).isEqualTo("default 16,32");
        form.text(TrainField.KIND).set("vae");
        form.text(TrainField.ARCH).set("conv");
        assertThat(form.hiddenPrompt()).as("what ConvNet builds").isEqualTo("default 32,64,128");
        form.text(TrainField.ARCH).set("dense");
        assertThat(form.hiddenPrompt()).isEqualTo("default 512,256");

        form.text(TrainField.LIKELIHOOD).set("gaussian");
        assertThat(form.shown(TrainField.VARIANCE).get()).isTrue();
    }

    @Test
    void aConvolutionalGmvaeHasNoPretrainingAsOnTheCommandLineAndDenseGetsItBack() {
        TrainFormViewModel form = form();
        form.text(TrainField.KIND).set("gmvae");
        assertThat(form.integer(TrainField.PRETRAIN).get()).isEqualTo(SameDiffGmvae.DEFAULT_PRETRAIN_EPOCHS);
        assertThat(form.editable(TrainField.INIT).get()).isTrue();

        form.text(TrainField.ARCH).set("conv");
        assertThat(form.integer(TrainField.PRETRAIN).get()).isZero();
        assertThat(form.editable(TrainField.PRETRAIN).get()).isFalse();
        assertThat(form.editable(TrainField.INIT).get()).isFalse();
        assertThat(form.editable(TrainField.JOINT_LR).get()).isFalse();
        assertThat(form.validProperty().get()).as(form.problemProperty().get()).isTrue();
        assertThat(form.options().gmvae().pretrainEpochs("conv")).isZero();
        assertThat(form.options().modelConfig(ImageShape.grey(28, 28), List.of()).extraInt(SameDiffGmvae.PRETRAIN_EPOCHS, -1))
                .isZero();

        form.text(TrainField.ARCH).set("dense");
        assertThat(form.integer(TrainField.PRETRAIN).get()).isEqualTo(SameDiffGmvae.DEFAULT_PRETRAIN_EPOCHS);
        assertThat(form.editable(TrainField.PRETRAIN).get()).isTrue();
    }

    @Test
    void withoutPretrainingTheStartsOptionsDoNotApplyAndAreLeftOut() {
        TrainFormViewModel form = form();
        form.text(TrainField.KIND).set("gmvae");
        form.text(TrainField.OBJECTIVE).set(TrainInputs.VAE_START);
        form.integer(TrainField.PRETRAIN_RUNS).set(3);
        form.decimal(TrainField.JOINT_LR).set(1e-4);
        TrainOptions.GmvaeStart with = form.options().gmvae();
        assertThat(with.pretrainVae()).isTrue();
        assertThat(with.pretrainRuns()).isEqualTo(3);
        assertThat(with.jointLr()).isEqualTo(1e-4);

        form.integer(TrainField.PRETRAIN).set(0);
        assertThat(form.editable(TrainField.OBJECTIVE).get()).isFalse();
        // The command line would refuse --pretrain-vae or --pretrain-runs 3 without pre-training; the form leaves them out.
        assertThat(form.validProperty().get()).as(form.problemProperty().get()).isTrue();
        TrainOptions.GmvaeStart without = form.options().gmvae();
        assertThat(without.pretrainVae()).isFalse();
        assertThat(without.pretrainRuns()).isEqualTo(1);
        assertThat(without.jointLr()).isNull();
        // What was typed stays in the fields for when pre-training comes back.
        assertThat(form.integer(TrainField.PRETRAIN_RUNS).get()).isEqualTo(3);
    }

    @Test
    void badValuesAreRefusedOnTheirFieldInTheDialogsWords() {
        TrainFormViewModel form = form();
        form.decimal(TrainField.LR).set(0.0);
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.error(TrainField.LR).get()).isEqualTo("“Learning rate (Adam)” must be in (0, 1], got 0.0");
        assertThat(form.problemProperty().get()).isEqualTo(form.error(TrainField.LR).get());
        assertThatThrownBy(form::toRequest).isInstanceOf(InputException.class).hasMessageContaining("Learning rate (Adam)");
        form.decimal(TrainField.LR).set(0.001);
        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.error(TrainField.LR).get()).isNull();
        assertThat(form.problemProperty().get()).isEmpty();

        form.decimal(TrainField.WEIGHT_DECAY).set(1.0);
        assertThat(form.error(TrainField.WEIGHT_DECAY).get()).startsWith("“Weight decay (L2, per step)” must be in [0, 1)");
        form.decimal(TrainField.WEIGHT_DECAY).set(0.0);

        form.text(TrainField.HIDDEN).set("512,abc");
        assertThat(form.error(TrainField.HIDDEN).get()).contains("“Hidden layers (units)” takes whole numbers separated by commas");
        form.text(TrainField.HIDDEN).set("0");
        assertThat(form.error(TrainField.HIDDEN).get()).contains("hidden layer size");
        form.text(TrainField.HIDDEN).set("64, 32");
        assertThat(form.options().network().hidden()).containsExactly(64, 32);

        form.text(TrainField.LIKELIHOOD).set("gaussian");
        form.decimal(TrainField.VARIANCE).set(0.0);
        assertThat(form.error(TrainField.VARIANCE).get()).contains("variance must be in (0, 100]");
        form.decimal(TrainField.VARIANCE).set(0.001);
        assertThat(form.options().network().likelihood().toString()).isEqualTo("gaussian:0.001");

        form.text(TrainField.LR_SCHEDULE).set(TrainInputs.PLATEAU);
        form.decimal(TrainField.VALIDATION).set(0.0);
        assertThat(form.error(TrainField.LR_SCHEDULE).get())
                .isEqualTo("“Learning-rate schedule” plateau:3:0.1 watches the validation loss: give “Validation split "
                        + "(fraction)” above 0");
        form.decimal(TrainField.VALIDATION).set(0.1);
        assertThat(form.error(TrainField.LR_SCHEDULE).get()).isNull();

        form.text(TrainField.DATASET).set("  ");
        assertThat(form.error(TrainField.DATASET).get()).startsWith("“Data set”: name a data set");
        form.text(TrainField.DATASET).set("mnist");

        form.text(TrainField.OUTPUT).set(dir.resolve("model.bin").toString());
        assertThat(form.error(TrainField.OUTPUT).get()).startsWith("“Save as” must be a model bundle file ending in .lexb");
        form.text(TrainField.OUTPUT).set(dir.resolve("x.lexb").toString());
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void aVaeIgnoresTheGmvaeFieldsAndAGmvaeChecksThem() {
        TrainFormViewModel form = form();
        form.integer(TrainField.CLUSTERS).set(1);
        assertThat(form.validProperty().get()).as("a VAE has no clusters").isTrue();
        form.text(TrainField.KIND).set("gmvae");
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.error(TrainField.CLUSTERS).get()).isEqualTo("“Clusters K” must be between 2 and 100, got 1");
        form.integer(TrainField.CLUSTERS).set(10);
        form.integer(TrainField.LAYOUTS).set(0);
        assertThat(form.error(TrainField.LAYOUTS).get()).isEqualTo("“UMAP layouts” must be between 1 and 50, got 0");
        form.integer(TrainField.LAYOUTS).set(5);
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void aCvaeIsDenseAsOnTheCommandLineAndTheArchitectureComesBackAfterwards() {
        TrainFormViewModel form = form();
        form.text(TrainField.ARCH).set("conv");
        form.text(TrainField.KIND).set("cvae");
        assertThat(form.text(TrainField.ARCH).get()).isEqualTo("dense");
        assertThat(form.editable(TrainField.ARCH).get()).isFalse();
        assertThat(form.validProperty().get()).isTrue();
        form.text(TrainField.KIND).set("vae");
        assertThat(form.text(TrainField.ARCH).get()).isEqualTo("conv");
        assertThat(form.editable(TrainField.ARCH).get()).isTrue();
        // Set from outside all the same, the command line's refusal is told in the dialog's words.
        form.text(TrainField.KIND).set("cvae");
        form.text(TrainField.ARCH).set("conv");
        assertThat(form.error(TrainField.ARCH).get()).contains("“Architecture” conv is available for “Model” vae, gmvae and vaeac only");
    }

    @Test
    void aVaeacIsConvAsOnTheCommandLineAndItsRequestIsTheCommandLines() {
        TrainFormViewModel form = form();
        form.text(TrainField.KIND).set("vaeac");
        assertThat(form.text(TrainField.ARCH).get()).isEqualTo("conv");
        assertThat(form.editable(TrainField.ARCH).get()).isFalse();
        assertThat(form.validProperty().get()).as(form.problemProperty().get()).isTrue();
        form.text(TrainField.KIND).set("vae");
        assertThat(form.text(TrainField.ARCH).get()).isEqualTo("dense");
        sameAsTheCommandLine(f -> f.text(TrainField.KIND).set("vaeac"));
    }

    /** The dialog's request for {@code set} against what {@code latent-explorer train} builds from its arguments. */
    private void sameAsTheCommandLine(Consumer<TrainFormViewModel> set) {
        TrainFormViewModel form = form();
        set.accept(form);
        assertThat(form.validProperty().get()).as(form.problemProperty().get()).isTrue();
        TrainRequest request = form.toRequest();
        List<String> args = request.options().arguments(request.output());
        CommandLine.ParseResult parsed = LatentExplorerCommand.commandLine()
                .parseArgs(java.util.stream.Stream.concat(java.util.stream.Stream.of("train"), args.stream())
                        .toArray(String[]::new));
        TrainCommand train = (TrainCommand) parsed.subcommand().commandSpec().userObject();
        TrainOptions cli = train.options();
        assertThat(cli).as(String.join(" ", args)).isEqualTo(request.options());
        List<String> labels = List.of("zero", "one", "two");
        assertThat(cli.modelConfig(ImageShape.grey(28, 28), labels))
                .isEqualTo(request.options().modelConfig(ImageShape.grey(28, 28), labels));
        assertThat(request.train()).isEqualTo(cli.train());
        assertThat(request.command()).isEqualTo(request.options().commandLine(request.output()))
                .startsWith("latent-explorer train --dataset ");
        assertThat(parsed.subcommand().matchedOptionValue("--out", (Path) null)).isEqualTo(request.output());
    }

    @Test
    void theRequestIsWhatTheCommandLineBuildsFromTheSameOptions() {
        sameAsTheCommandLine(f -> { });
        sameAsTheCommandLine(f -> {
            f.integer(TrainField.LIMIT).set(300);
            f.integer(TrainField.EPOCHS).set(1);
            f.text(TrainField.SPLIT).set("all");
            f.text(TrainField.BINARIZE).set("dynamic");
            f.decimal(TrainField.LR).set(2e-4);
            f.text(TrainField.LR_SCHEDULE).set(TrainInputs.PLATEAU);
            f.decimal(TrainField.BETA).set(4.0);
            f.integer(TrainField.WARMUP).set(3);
            f.decimal(TrainField.WEIGHT_DECAY).set(1e-5);
            f.decimal(TrainField.VALIDATION).set(0.2);
            f.integer(TrainField.PATIENCE).set(4);
            f.integer(TrainField.SEED).set(7);
            f.integer(TrainField.LATENT).set(8);
            f.text(TrainField.HIDDEN).set("256,128");
            f.text(TrainField.LIKELIHOOD).set("gaussian");
            f.decimal(TrainField.VARIANCE).set(0.01);
        });
        sameAsTheCommandLine(f -> {
            f.text(TrainField.KIND).set("gmvae");
            f.integer(TrainField.CLUSTERS).set(12);
            f.integer(TrainField.W_DIM).set(3);
            f.integer(TrainField.PRETRAIN).set(20);
            f.text(TrainField.OBJECTIVE).set(TrainInputs.NOISY);
            f.text(TrainField.INIT).set(SameDiffGmvae.INIT_KMEANS);
            f.integer(TrainField.LAYOUTS).set(2);
            f.text(TrainField.LAYOUT_METRIC).set(SameDiffGmvae.METRIC_COSINE);
            f.text(TrainField.LAYOUT_CHOICE).set(SameDiffGmvae.CHOICE_AGREEMENT);
            f.integer(TrainField.PRETRAIN_RUNS).set(2);
            f.decimal(TrainField.JOINT_LR).set(5e-5);
        });
        sameAsTheCommandLine(f -> {
            f.text(TrainField.KIND).set("gmvae");
            f.text(TrainField.ARCH).set("conv");
            f.text(TrainField.HIDDEN).set("4,8");
        });
        sameAsTheCommandLine(f -> f.text(TrainField.LR_SCHEDULE).set("cosine"));
        sameAsTheCommandLine(f -> {
            f.text(TrainField.KIND).set("vaeac");
            f.integer(TrainField.PATH).set(0);
            f.decimal(TrainField.PRIOR_RECON).set(0.5);
            f.decimal(TrainField.HALF_MASKS).set(0.75);
        });
        sameAsTheCommandLine(f -> {
            f.text(TrainField.KIND).set("cvae");
            f.text(TrainField.PRIOR).set("fixed");
        });
        sameAsTheCommandLine(f -> f.text(TrainField.OUTPUT).set(dir.resolve("a folder with spaces").resolve("m.lexb").toString()));
    }

    @Test
    void aFailedRunKeepsEverythingTypedAndSaysWhyOnItsField() {
        Harness h = new Harness(dir);
        TrainingViewModel training = new TrainingViewModel(h.services, h.executor, h.session, h.errors, h.library);
        TrainFormViewModel form = form();
        form.text(TrainField.DATASET).set("no-such-set");
        form.integer(TrainField.EPOCHS).set(3);
        form.decimal(TrainField.LR).set(0.01);
        form.text(TrainField.KIND).set("gmvae");
        form.integer(TrainField.CLUSTERS).set(7);
        form.text(TrainField.OUTPUT).set(dir.resolve("mine.lexb").toString());
        TrainRequest request = form.toRequest();
        boolean[] succeeded = {false};
        String[] failure = {null};
        form.submitted();
        training.start(request, () -> succeeded[0] = true, m -> {
            failure[0] = m;
            form.failed(m);
        });

        assertThat(succeeded[0]).isFalse();
        assertThat(failure[0]).isEqualTo("no-such-set: no such data set or file");
        assertThat(h.errors.titles).as("the dialog comes back instead of an error box").isEmpty();
        assertThat(form.failureProperty().get()).isEqualTo("no-such-set: no such data set or file");
        assertThat(form.error(TrainField.DATASET).get()).isEqualTo("no-such-set: no such data set or file");
        assertThat(form.text(TrainField.DATASET).get()).isEqualTo("no-such-set");
        assertThat(form.integer(TrainField.EPOCHS).get()).isEqualTo(3);
        assertThat(form.decimal(TrainField.LR).get()).isEqualTo(0.01);
        assertThat(form.text(TrainField.KIND).get()).isEqualTo("gmvae");
        assertThat(form.integer(TrainField.CLUSTERS).get()).isEqualTo(7);
        assertThat(form.text(TrainField.OUTPUT).get()).isEqualTo(dir.resolve("mine.lexb").toString());
        assertThat(form.toRequest()).isEqualTo(request);

        // An output that cannot be written is told on the output's field.
        form.failed("--out /root/m.lexb: cannot write in /root (permission denied)");
        assertThat(form.error(TrainField.OUTPUT).get()).isEqualTo("“Save as” /root/m.lexb: cannot write in /root (permission denied)");

        form.text(TrainField.DATASET).set("synthetic");
        form.submitted();
        assertThat(form.failureProperty().get()).isEmpty();
        training.start(form.toRequest(), () -> succeeded[0] = true, form::failed);
        assertThat(succeeded[0]).isTrue();
    }

    @Test
    void theOutputIsSuggestedInTheUsersModelsFolderAndFollowsTheModelUntilTheUserNamesOne() throws Exception {
        Path models = dir.resolve("models");
        TrainFormViewModel form = new TrainFormViewModel("fashion-mnist", models);
        assertThat(form.text(TrainField.OUTPUT).get()).isEqualTo(models.resolve("fashion-mnist-vae-d2.lexb").toString());
        form.text(TrainField.KIND).set("gmvae");
        form.integer(TrainField.LATENT).set(10);
        assertThat(form.text(TrainField.OUTPUT).get()).isEqualTo(models.resolve("fashion-mnist-gmvae-d10.lexb").toString());
        form.text(TrainField.DATASET).set("/data/faces/");
        assertThat(form.text(TrainField.OUTPUT).get()).isEqualTo(models.resolve("faces-gmvae-d10.lexb").toString());

        // A name that is taken gets a number; a finished run moves the suggestion on.
        Files.createDirectories(models);
        Files.writeString(models.resolve("mnist-vae-d2.lexb"), "taken");
        TrainFormViewModel next = new TrainFormViewModel("mnist", models);
        assertThat(next.text(TrainField.OUTPUT).get()).isEqualTo(models.resolve("mnist-vae-d2-2.lexb").toString());
        next.succeeded();
        assertThat(next.text(TrainField.OUTPUT).get()).isEqualTo(models.resolve("mnist-vae-d2-3.lexb").toString());

        form.text(TrainField.OUTPUT).set(dir.resolve("mine.lexb").toString());
        form.text(TrainField.KIND).set("vae");
        assertThat(form.text(TrainField.OUTPUT).get()).as("the user's own name stays").isEqualTo(dir.resolve("mine.lexb").toString());
        form.succeeded();
        assertThat(form.text(TrainField.OUTPUT).get()).as("never the model just trained")
                .isEqualTo(dir.resolve("mine-2.lexb").toString());
        form.chooseOutput(dir.resolve("chosen"));
        assertThat(form.text(TrainField.OUTPUT).get()).isEqualTo(dir.resolve("chosen.lexb").toString());
        assertThat(form.outputFolder()).isEqualTo(dir.toAbsolutePath());
        assertThat(form.outputName()).isEqualTo("chosen.lexb");
    }

    @Test
    void theLimitShowsTheSizeOfTheChosenPartOfAKnownDataSet() {
        TrainFormViewModel form = new TrainFormViewModel("mnist-full", dir);
        assertThat(form.sizeHint()).isEqualTo("of 60,000");
        form.text(TrainField.SPLIT).set("test");
        assertThat(form.sizeHint()).isEqualTo("of 10,000");
        form.text(TrainField.DATASET).set("/some/file.csv");
        assertThat(form.sizeHint()).isEmpty();
    }

    @Test
    void messagesNamingOptionsAreToldInTheFieldsWords() {
        assertThat(TrainField.of("--pretrain-runs must be between 1 and 10, got 0")).isEqualTo(TrainField.PRETRAIN_RUNS);
        assertThat(TrainField.of("--pretrain must be between 0 and 10000 epochs, got -3")).isEqualTo(TrainField.PRETRAIN);
        assertThat(TrainField.of("--pretrain-vae changes the pre-trained start")).isEqualTo(TrainField.OBJECTIVE);
        assertThat(TrainField.of("latent dimension must be between 1 and 1024, got 0")).isEqualTo(TrainField.LATENT);
        assertThat(TrainField.of("something else")).isNull();
        assertThat(TrainField.inWords("--clusters 50 is more than the 40 training examples of x (after the --validation split)"))
                .isEqualTo("“Clusters K” 50 is more than the 40 training examples of x (after the “Validation split (fraction)” split)");
        for (TrainField f : TrainField.values()) {
            assertThat(f.label()).as(f.name()).doesNotStartWith("--");
            assertThat(f.help()).as(f.name()).isNotBlank();
            assertThat(f.id()).startsWith("train-");
        }
    }
}
