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
    void trainingFillsTheChartsAtMostOnePointPerFlushAndOpensTheResult() {
        Harness h = new Harness(dir).withModel(2);
        TrainingViewModel vm = new TrainingViewModel(h.services, h.executor, h.session, h.errors, h.library);
        TrainFormViewModel form = new TrainFormViewModel("synthetic", dir);
        form.integer(TrainField.EPOCHS).set(2);
        form.integer(TrainField.LATENT).set(3);
        form.text(TrainField.OUTPUT).set(dir.resolve("trained.lexb").toString());
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
}
