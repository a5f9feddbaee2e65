package org.latentexplorer.ui.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.fakes.TestWindows.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.model.OnnxFixtures;
import org.latentexplorer.ui.fakes.FakeFileDialogs;
import org.latentexplorer.ui.fakes.TestWindows;
import org.latentexplorer.ui.services.DefaultCoreServices;
import org.latentexplorer.ui.shell.MainWindow;
import org.latentexplorer.ui.shell.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Library → Import model… driven with the mouse and keyboard over the real services: the PyTorch
 * fixtures are chosen, previewed on MNIST test digits, saved and opened, and the map and the manifold
 * draw the imported model.
 */
@ExtendWith(ApplicationExtension.class)
class ImportDialogTest {
    @TempDir
    static Path dir;

    private final FakeFileDialogs dialogs = new FakeFileDialogs();
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // No shipped model to open first: the imported one is the first model of this window.
        window = TestWindows.open(stage, new DefaultCoreServices(dir.resolve("no-default.lexb")),
                Files.createTempDirectory(dir, "config"), dialogs);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Whether a message label shows text (each field keeps its line, empty while the field is right). */
    private static boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> n.isVisible() && n instanceof Label l && l.getText() != null
                && !l.getText().isEmpty())
                .orElse(false);
    }

    /** Distinct colours of an image: a blank one has one or two. */
    private static int colours(Image image) {
        Set<Integer> seen = new HashSet<>();
        var reader = image.getPixelReader();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(reader.getArgb(x, y));
            }
        }
        return seen.size();
    }

    private void openDialog(FxRobot robot) throws Exception {
        robot.clickOn("#import-model");
        waitFor(() -> robot.lookup("#import-model-dialog").tryQuery().isPresent());
    }

    @Test
    void theDensePairIsPreviewedSavedAndOpenedWithItsMapAndManifoldDrawn(FxRobot robot) throws Exception {
        openDialog(robot);
        assertThat(text(robot, "#import-encoder-error")).isEqualTo("choose the encoder's ONNX file");
        assertThat(robot.lookup("#import-run-preview").queryAs(Button.class).isDisabled()).isTrue();

        dialogs.files.add(OnnxFixtures.file("dense-encoder.onnx").toAbsolutePath());
        dialogs.files.add(OnnxFixtures.file("dense-decoder.onnx").toAbsolutePath());
        robot.clickOn("#import-encoder-choose");
        robot.clickOn("#import-decoder-choose");
        assertThat(dialogs.fileTitles).containsExactly("Choose the encoder (ONNX)", "Choose the decoder (ONNX)");
        assertThat(shown(robot, "#import-encoder-error")).isFalse();

        TextField shape = robot.lookup("#import-input-shape").queryAs(TextField.class);
        robot.clickOn(shape).press(KeyCode.END).release(KeyCode.END).eraseText(1);
        waitFor(() -> shown(robot, "#import-input-shape-error"));
        assertThat(text(robot, "#import-input-shape-error")).contains("HxWxC").contains("'28x28x'");
        robot.write("1");
        waitFor(() -> !shown(robot, "#import-input-shape-error"));

        robot.clickOn("#import-labels").write("mnist");
        robot.clickOn("#import-name").write("Dense from PyTorch");
        Path out = dir.resolve("imported/dense.lexb");
        robot.interact(() -> robot.lookup("#import-out").queryAs(TextField.class).setText(out.toString()));
        assertThat(robot.lookup("#import-save").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("#import-run-preview");
        waitFor(() -> robot.lookup("#import-reconstruction-15").queryAs(ImageView.class).getImage() != null);
        for (int i = 0; i < 16; i++) {
            assertThat(robot.lookup("#import-input-" + i).queryAs(ImageView.class).getImage()).isNotNull();
            assertThat(robot.lookup("#import-sample-" + i).queryAs(ImageView.class).getImage()).isNotNull();
        }
        assertThat(colours(robot.lookup("#import-reconstruction-0").queryAs(ImageView.class).getImage())).isGreaterThan(2);
        assertThat(text(robot, "#import-summary")).contains("8 dimensions").contains("mnist");
        assertThat(robot.lookup("#import-save").queryAs(Button.class).isDisabled()).isFalse();
        Screenshots.save(robot.lookup("#import-model-dialog").query().getScene(), "import-dialog");

        robot.clickOn("#import-save");
        waitFor(() -> window.session().workspace() != null && out.equals(window.session().workspace().model().source())
                && window.mapView().frameTimes().count() > 0);
        assertThat(robot.lookup("#import-model-dialog").tryQuery()).isEmpty();
        assertThat(Files.isRegularFile(out)).isTrue();
        assertThat(window.session().workspace().model().latentDim()).isEqualTo(8);
        assertThat(stage.getTitle()).contains("dense.lexb");
        assertThat(text(robot, "#current-model")).contains("dense.lexb").contains("d = 8");
        Node plot = robot.lookup("#map-plot").query();
        Image map = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> plot.snapshot(null, null)));
        assertThat(colours(map)).as("colours of the latent map").isGreaterThan(5);
        Screenshots.save(stage.getScene(), "imported-map");

        robot.clickOn("Manifold");
        waitFor(() -> window.manifoldViewModel().complete());
        Set<Integer> grid = new HashSet<>();
        for (int argb : window.manifoldViewModel().snapshot().argb()) {
            grid.add(argb);
        }
        assertThat(grid.size()).as("grey levels of the manifold grid").isGreaterThan(10);
        Screenshots.save(stage.getScene(), "imported-manifold");
    }

    @Test
    void aPairThatDoesNotFitShowsTheCoresMessageInTheDialogAndKeepsTheForm(FxRobot robot) throws Exception {
        openDialog(robot);
        Path encoder = OnnxFixtures.file("pair4-encoder.onnx").toAbsolutePath();
        Path decoder = OnnxFixtures.file("nan-decoder.onnx").toAbsolutePath();
        robot.interact(() -> {
            robot.lookup("#import-encoder").queryAs(TextField.class).setText(encoder.toString());
            robot.lookup("#import-decoder").queryAs(TextField.class).setText(decoder.toString());
            robot.lookup("#import-labels").queryAs(TextField.class).setText("mnist");
        });
        robot.clickOn("#import-run-preview");
        waitFor(() -> shown(robot, "#import-problem"));
        assertThat(text(robot, "#import-problem")).contains("nan-decoder.onnx").contains("NaN");
        assertThat(robot.lookup("#import-decoder").queryAs(TextField.class).getText()).isEqualTo(decoder.toString());
        assertThat(robot.lookup("#import-save").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#import-reconstruction-0").queryAs(ImageView.class).getImage()).isNull();
        assertThat(robot.lookup("#error-dialog").tryQuery()).isEmpty();
        Screenshots.save(robot.lookup("#import-model-dialog").query().getScene(), "import-dialog-problem");
        robot.clickOn("Close");
        assertThat(robot.lookup("#import-model-dialog").tryQuery()).isEmpty();
        assertThat(window.session().workspace()).isNull();
    }
}
