package org.latentexplorer.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.model.DecoderOutput;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.model.ModelImporter;
import org.latentexplorer.model.OnnxFixtures;
import org.latentexplorer.ui.fakes.TestWindows;
import org.latentexplorer.ui.services.DefaultCoreServices;
import org.latentexplorer.ui.shell.MainWindow;
import org.latentexplorer.ui.shell.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Model tab on a model imported from ONNX (real services): its traversal and reconstructions are
 * drawn, an evaluation runs in the background, is saved into the bundle and is shown again when the
 * model is reopened.
 */
@ExtendWith(ApplicationExtension.class)
class ModelScreenTest {
    private MainWindow window;
    private Stage stage;
    private Path model;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory("model-screen");
        model = dir.resolve("mine").resolve("dense.lexb");
        Files.createDirectories(model.getParent());
        var request = new ModelImporter.Request(OnnxFixtures.file("dense-encoder.onnx"),
                OnnxFixtures.file("dense-decoder.onnx"), ImageShape.grey(28, 28), Likelihood.BERNOULLI,
                DecoderOutput.LOGITS, null, null, "mnist", List.of(), "tiny dense");
        float[][] probe = OnnxFixtures.mnistTest().rows(0, 16);
        try (ModelBundle b = new ModelBundle(ModelImporter.importPair(request, probe).model(), null, null, null)) {
            b.save(model);
        }
        window = TestWindows.open(stage, new DefaultCoreServices(dir.resolve("shipped").resolve("none.lexb")),
                Files.createTempDirectory("explorer-config"), null);
    }

    @Test
    void evaluatesAnImportedModelStoresTheFiguresAndDrawsTraversalsAndReconstructions(FxRobot robot) throws Exception {
        robot.interact(() -> window.library().openModel(model));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.session().workspace() != null
                && model.equals(window.session().workspace().model().source()));
        // The tab's header (the library's heading says "Model" too).
        robot.clickOn(robot.lookup(".tab-label").match((Label l) -> l.getText().equals("Model")).queryAs(Label.class));
        ModelViewModel vm = window.modelViewModel();
        assertThat(vm.summaryProperty().get()).contains("dense.lexb (tiny dense)").contains("imported from ONNX");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.traversalProperty().get() != null
                && vm.reconstructionsProperty().get() != null);
        assertThat(vm.usageTextProperty().get()).containsPattern("Active units: \\d of 8");
        // One row per latent dimension (8 here, fewer than the 10 rows asked for): 28-pixel tiles doubled under
        // the column values, one pixel between them.
        int rowHeight = 2 * (28 + 1);
        assertThat(vm.traversalProperty().get().getHeight()).isBetween(8 * rowHeight, 8 * rowHeight + 40);
        assertThat(vm.evaluationNoteProperty().get()).contains("holds no evaluation yet");

        robot.interact(() -> {
            vm.iwSamplesProperty().set(20);
            vm.examplesProperty().set(50);
        });
        robot.clickOn("#evaluate");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.evaluationNoteProperty().get().startsWith("Evaluated"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.evaluationNoteProperty().get()).contains("Evaluated on 50").contains("saved with the model");
        assertThat(((Label) robot.lookup("#evaluation-figures").query()).getText())
                .contains("negative ELBO").contains("log-likelihood").contains("K = 20").contains("active units");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "model-screen");

        // Reopened, the bundle brings its evaluation back.
        robot.interact(() -> window.library().openModel(model));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.evaluationNoteProperty().get().startsWith("Stored"));
        assertThat(String.join("\n", vm.evaluation())).contains("K = 20");
        // The library names the model with its headline figures.
        assertThat(org.latentexplorer.ui.library.LibraryView.describe(window.session().workspace()))
                .contains("(K = 20)").containsPattern("active units \\d of 8");
    }
}
