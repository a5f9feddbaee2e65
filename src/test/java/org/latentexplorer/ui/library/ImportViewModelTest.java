package org.latentexplorer.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.model.OnnxFixtures;
import org.latentexplorer.ui.fakes.FakeServices;
import org.latentexplorer.ui.fakes.HeldExecutor;
import org.latentexplorer.ui.fakes.RecordingErrors;
import org.latentexplorer.ui.library.ImportForm.Field;
import org.latentexplorer.ui.services.CoreServices;
import org.latentexplorer.ui.services.DefaultCoreServices;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.shell.SettingsStore;
import org.latentexplorer.ui.tasks.DirectTaskExecutor;
import org.latentexplorer.ui.tasks.TaskExecutor;

/** The import form without a screen: its messages as one types, and previews through the real core. */
class ImportViewModelTest {
    @TempDir
    Path dir;

    private final List<Path> opened = new ArrayList<>();

    private ImportViewModel form(CoreServices services, TaskExecutor executor) {
        return new ImportViewModel(services, executor, dir.resolve("models"), opened::add);
    }

    private ImportViewModel fakeForm() {
        return form(new FakeServices(), new DirectTaskExecutor());
    }

    private static String onnx(String name) {
        return OnnxFixtures.file(name).toString();
    }

    /** The dense pair of the fixtures, as its README says to import it. */
    private static void dense(ImportViewModel vm) {
        vm.form().value(Field.ENCODER).set(onnx("dense-encoder.onnx"));
        vm.form().value(Field.DECODER).set(onnx("dense-decoder.onnx"));
        vm.form().value(Field.LIKELIHOOD).set("bernoulli");
        vm.form().value(Field.DECODER_OUTPUT).set("logits");
    }

    @Test
    void anEmptyFormAsksForBothFilesAndOffersNeitherPreviewNorSave() {
        ImportViewModel vm = fakeForm();
        assertThat(vm.form().error(Field.ENCODER).get()).isEqualTo("choose the encoder's ONNX file");
        assertThat(vm.form().error(Field.DECODER).get()).isEqualTo("choose the decoder's ONNX file");
        assertThat(vm.form().error(Field.INPUT_SHAPE).get()).isNull();
        assertThat(vm.form().error(Field.LIKELIHOOD).get()).isNull();
        assertThat(vm.form().validProperty().get()).isFalse();
        assertThat(vm.canPreviewProperty().get()).isFalse();
        assertThat(vm.canSaveProperty().get()).isFalse();
    }

    @Test
    void eachFieldSaysWhatIsWrongWithItAsItIsTyped() throws Exception {
        ImportViewModel vm = fakeForm();
        dense(vm);
        assertThat(vm.form().validProperty().get()).isTrue();

        vm.form().value(Field.ENCODER).set(dir.resolve("missing.onnx").toString());
        assertThat(vm.form().error(Field.ENCODER).get()).isEqualTo("no such file: " + dir.resolve("missing.onnx"));
        vm.form().value(Field.ENCODER).set(dir.toString());
        assertThat(vm.form().error(Field.ENCODER).get()).contains("is a folder");
        vm.form().value(Field.ENCODER).set(onnx("dense-encoder.onnx"));
        assertThat(vm.form().error(Field.ENCODER).get()).isNull();

        vm.form().value(Field.INPUT_SHAPE).set("28x28x");
        assertThat(vm.form().error(Field.INPUT_SHAPE).get()).contains("HxWxC").contains("'28x28x'");
        vm.form().value(Field.INPUT_SHAPE).set("28x28");
        assertThat(vm.form().error(Field.INPUT_SHAPE).get()).isNull();

        vm.form().value(Field.LIKELIHOOD).set("gaussian:abc");
        assertThat(vm.form().error(Field.LIKELIHOOD).get()).contains("gaussian:S2").contains("'gaussian:abc'");
        vm.form().value(Field.LIKELIHOOD).set("gaussian:-1");
        assertThat(vm.form().error(Field.LIKELIHOOD).get()).contains("variance must be in (0, 100]");
        vm.form().value(Field.LIKELIHOOD).set("gaussian:0.01");
        assertThat(vm.form().error(Field.LIKELIHOOD).get()).isNull();
        vm.form().value(Field.DECODER_OUTPUT).set("probabilities");
        assertThat(vm.form().error(Field.DECODER_OUTPUT).get()).contains("probabilities is a Bernoulli decoder");
        vm.form().value(Field.DECODER_OUTPUT).set("mean");
        assertThat(vm.form().error(Field.DECODER_OUTPUT).get()).isNull();

        vm.form().value(Field.MEAN_OUTPUT).set("z_mean");
        assertThat(vm.form().error(Field.LOG_VAR_OUTPUT).get()).contains("name both the mean and the log-variance output");
        assertThat(vm.form().error(Field.MEAN_OUTPUT).get()).isNull();
        vm.form().value(Field.LOG_VAR_OUTPUT).set("z_log_var");
        assertThat(vm.form().error(Field.LOG_VAR_OUTPUT).get()).isNull();

        vm.form().value(Field.LABELS).set("no-such-set");
        assertThat(vm.form().error(Field.LABELS).get()).isEqualTo("'no-such-set' is neither a known data set nor a file of "
                + "class names");
        Path names = Files.writeString(dir.resolve("names.txt"), "a\nb\n");
        vm.form().value(Field.LABELS).set(names.toString());
        assertThat(vm.form().error(Field.LABELS).get()).isNull();
        vm.form().value(Field.LABELS).set("fashion-mnist");
        assertThat(vm.form().defaultDatasetProperty().get()).isEqualTo("fashion-mnist");
        vm.form().value(Field.LABELS).set("");
        assertThat(vm.form().defaultDatasetProperty().get()).isEqualTo("mnist");

        vm.form().value(Field.INPUT_SHAPE).set("7x7x2");
        assertThat(vm.form().error(Field.DATASET).get()).contains("no data set of").contains("images is known");
        vm.form().value(Field.DATASET).set("my-images");
        assertThat(vm.form().error(Field.DATASET).get()).isEqualTo("'my-images' is neither a data set name nor an existing "
                + "file or folder");
        vm.form().value(Field.DATASET).set(Files.createDirectories(dir.resolve("my-images")).toString());
        assertThat(vm.form().error(Field.DATASET).get()).isNull();
        vm.form().value(Field.DATASET).set("kmnist");
        assertThat(vm.form().error(Field.DATASET).get()).isNull();
        vm.form().value(Field.INPUT_SHAPE).set("28x28x1");
        vm.form().value(Field.DATASET).set("");

        vm.form().value(Field.OUT).set(dir.resolve("model.zip").toString());
        assertThat(vm.form().error(Field.OUT).get()).contains("must end in .lexb");
        vm.form().value(Field.OUT).set("");
        assertThat(vm.form().error(Field.OUT).get()).contains("say where to save the model");
        Files.writeString(dir.resolve("old.lexb"), "FAKE d=2");
        vm.form().value(Field.OUT).set(dir.resolve("old.lexb").toString());
        assertThat(vm.form().error(Field.OUT).get()).isNull();
        assertThat(vm.form().outNoteProperty().get()).contains("old.lexb exists").contains("old.previous.lexb");
        assertThat(vm.form().validProperty().get()).isTrue();
    }

    @Test
    void theOutputFollowsTheNameOrEncoderUntilTheUserChoosesOne() {
        ImportViewModel vm = fakeForm();
        assertThat(vm.form().value(Field.OUT).get()).isEqualTo(dir.resolve("models/imported-model.lexb").toString());
        dense(vm);
        assertThat(vm.form().value(Field.OUT).get()).isEqualTo(dir.resolve("models/dense.lexb").toString());
        vm.form().value(Field.NAME).set("My VAE (Keras)");
        assertThat(vm.form().value(Field.OUT).get()).isEqualTo(dir.resolve("models/My-VAE-Keras.lexb").toString());
        vm.form().value(Field.OUT).set(dir.resolve("chosen.lexb").toString());
        vm.form().value(Field.NAME).set("other");
        assertThat(vm.form().value(Field.OUT).get()).isEqualTo(dir.resolve("chosen.lexb").toString());
    }

    @Test
    void aPairThatDoesNotFitShowsTheCoresMessageNamingTheFileAndKeepsTheForm() {
        ImportViewModel vm = form(new DefaultCoreServices(dir.resolve("none.lexb")), new DirectTaskExecutor());
        vm.form().value(Field.ENCODER).set(onnx("pair4-encoder.onnx"));
        vm.form().value(Field.DECODER).set(onnx("unbounded-decoder.onnx"));
        vm.form().value(Field.DECODER_OUTPUT).set("probabilities");
        vm.form().value(Field.LABELS).set("mnist");
        vm.preview();
        assertThat(vm.problemProperty().get()).contains("unbounded-decoder.onnx")
                .contains("declared to return probabilities in [0, 1]").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(vm.previewProperty().get()).isNull();
        assertThat(vm.canSaveProperty().get()).isFalse();
        assertThat(vm.form().value(Field.DECODER).get()).isEqualTo(onnx("unbounded-decoder.onnx"));
        assertThat(vm.form().value(Field.DECODER_OUTPUT).get()).isEqualTo("probabilities");

        vm.form().value(Field.ENCODER).set(onnx("one-output-encoder.onnx"));
        vm.form().value(Field.DECODER).set(onnx("dense-decoder.onnx"));
        vm.form().value(Field.DECODER_OUTPUT).set("logits");
        vm.preview();
        assertThat(vm.problemProperty().get()).contains("one-output-encoder.onnx").contains("1 output");

        vm.form().value(Field.ENCODER).set(onnx("not-a-model.onnx"));
        vm.preview();
        assertThat(vm.problemProperty().get()).contains("not-a-model.onnx");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(opened).isEmpty();
    }

    @Test
    void aGoodPairPreviewsSixteenReconstructionsThenSavesAndOpensTheBundle() throws Exception {
        DefaultCoreServices services = new DefaultCoreServices(dir.resolve("none.lexb"));
        DirectTaskExecutor executor = new DirectTaskExecutor();
        Session session = new Session();
        RecordingErrors errors = new RecordingErrors();
        LibraryViewModel library = new LibraryViewModel(services, executor, session, errors,
                new SettingsStore(dir.resolve("config")));
        ImportViewModel vm = new ImportViewModel(services, executor, dir.resolve("models"), library::openModel);
        dense(vm);
        vm.form().value(Field.LABELS).set("mnist");
        vm.form().value(Field.NAME).set("dense pair");
        vm.preview();
        assertThat(vm.problemProperty().get()).isEmpty();
        var preview = vm.previewProperty().get();
        assertThat(preview).isNotNull();
        assertThat(preview.inputs()).hasNumberOfRows(16);
        assertThat(preview.reconstructions()).hasNumberOfRows(16);
        assertThat(preview.samples()).hasNumberOfRows(16);
        assertThat(preview.reconstructions()[0]).hasSize(784);
        assertThat(preview.datasetId()).isEqualTo("mnist");
        assertThat(preview.summary()).contains("8 dimensions").contains("16 mnist test images");
        assertThat(vm.canSaveProperty().get()).isTrue();

        // Save is for the fields that were previewed; where to save may change.
        vm.form().value(Field.NAME).set("renamed");
        assertThat(vm.previewCurrentProperty().get()).isFalse();
        assertThat(vm.canSaveProperty().get()).isFalse();
        vm.form().value(Field.NAME).set("dense pair");
        assertThat(vm.canSaveProperty().get()).isTrue();
        Path out = dir.resolve("saved/dense-import.lexb");
        vm.form().value(Field.OUT).set(out.toString());
        assertThat(vm.canSaveProperty().get()).isTrue();

        vm.save();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.savedProperty().get()).isEqualTo(out);
        assertThat(vm.previewProperty().get()).isNull();
        assertThat(errors.messages).isEmpty();
        assertThat(session.workspace()).isNotNull();
        assertThat(session.workspace().model().source()).isEqualTo(out);
        assertThat(session.workspace().model().latentDim()).isEqualTo(8);
        assertThat(session.workspace().dataset().id()).isEqualTo("mnist");
        assertThat(session.workspace().codes()[0]).hasSize(8);
        try (ModelBundle saved = ModelBundle.load(out)) {
            assertThat(saved.config().extra()).containsEntry("name", "dense pair");
            assertThat(String.valueOf(saved.annotations().get("importedWith")))
                    .startsWith("latent-explorer import-model --encoder ").contains("--labels mnist")
                    .contains("--name 'dense pair'");
        }
        session.workspace().model().close();
    }

    @Test
    void aFieldEditedWhileThePreviewRunsLeavesSaveOffUntilPreviewedAgain() {
        HeldExecutor executor = new HeldExecutor();
        ImportViewModel vm = form(new FakeServices(), executor);
        dense(vm);
        vm.preview();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.canPreviewProperty().get()).isFalse();
        vm.form().value(Field.NAME).set("typed meanwhile");
        executor.queued.poll().run();
        assertThat(vm.previewProperty().get()).isNotNull();
        assertThat(vm.previewCurrentProperty().get()).isFalse();
        assertThat(vm.canSaveProperty().get()).isFalse();
        vm.preview();
        executor.queued.poll().run();
        assertThat(vm.canSaveProperty().get()).isTrue();
    }

    @Test
    void cancellingAPreviewSaysSoAndClosingTheDialogClosesAnUnsavedModel() {
        HeldExecutor executor = new HeldExecutor();
        ImportViewModel vm = form(new FakeServices(), executor);
        dense(vm);
        vm.preview();
        vm.cancel();
        executor.queued.poll().run();
        assertThat(vm.messageProperty().get()).isEqualTo("Cancelled.");
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.previewProperty().get()).isNull();

        vm.preview();
        executor.queued.poll().run();
        var handle = vm.previewProperty().get().model();
        vm.dispose();
        assertThat(vm.previewProperty().get()).isNull();
        // A closed handle's model is closed: ONNX Runtime refuses to run it.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> handle.encodeMeans(new float[1][784]))
                .isInstanceOf(RuntimeException.class);
    }
}
