package org.latentexplorer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.fakes.TestWindows.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.ui.common.IntegerSpinner;
import org.latentexplorer.ui.fakes.FakeFileDialogs;
import org.latentexplorer.ui.fakes.FakeServices;
import org.latentexplorer.ui.fakes.TestWindows;
import org.latentexplorer.ui.training.TrainField;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File → Train new model… opens the dialog in the user's models folder; a failed run brings it back as it was. */
@ExtendWith(ApplicationExtension.class)
class TrainFromTheMenuTest {
    @TempDir
    static Path dir;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty(org.latentexplorer.ui.services.ModelsFolder.PROPERTY, dir.resolve("my-models").toString());
        FakeServices services = new FakeServices();
        services.datasetSize = 500;
        services.defaultModel = FakeServices.writeBundle(dir.resolve("default-d2.lexb"), 2);
        window = TestWindows.open(stage, services, Files.createTempDirectory(dir, "config"), new FakeFileDialogs());
    }

    @AfterAll
    static void forget() {
        System.clearProperty(org.latentexplorer.ui.services.ModelsFolder.PROPERTY);
    }

    @Test
    void aFailedRunBringsTheDialogBackWithWhatWasTypedAndTheReason(FxRobot robot) throws Exception {
        waitFor(() -> window.session().workspace() != null);
        robot.clickOn("File").clickOn("Train new model…");
        waitFor(() -> robot.lookup("#train-dialog").tryQuery().isPresent());
        TextField output = robot.lookup("#" + "train-output").queryAs(TextField.class);
        assertThat(Path.of(output.getText()).getParent()).isEqualTo(dir.resolve("my-models"));

        robot.interact(() -> {
            robot.lookup("#train-dataset").queryAs(ComboBox.class).getEditor().setText("no-such-set");
            robot.lookup("#train-epochs").queryAs(IntegerSpinner.class).getValueFactory().setValue(3);
            output.setText(dir.resolve("mine.lexb").toString());
        });
        robot.clickOn("#train-start");
        // The fake services cannot find the data set: the dialog comes back, the reason on top.
        waitFor(() -> robot.lookup("#train-failure").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        assertThat(robot.lookup("#train-failure").queryAs(Label.class).getText())
                .isEqualTo("The last run failed: no-such-set: no such data set or file");
        assertThat(robot.lookup("#train-dataset").queryAs(ComboBox.class).getEditor().getText()).isEqualTo("no-such-set");
        assertThat(robot.lookup("#train-epochs").queryAs(IntegerSpinner.class).getValue()).isEqualTo(3);
        assertThat(robot.lookup("#train-output").queryAs(TextField.class).getText())
                .isEqualTo(dir.resolve("mine.lexb").toString());
        assertThat(robot.lookup("#train-dataset").query().getStyleClass()).contains("train-invalid");
        assertThat(TrainField.DATASET.id()).isEqualTo("train-dataset");
        Screenshots.save(robot.lookup("#train-dialog").query().getScene(), "train-dialog-reopened");

        robot.interact(() -> robot.lookup("#train-dataset").queryAs(ComboBox.class).getEditor().setText("synthetic"));
        robot.clickOn("#train-start");
        waitFor(() -> window.session().workspace().model().name().equals("mine.lexb"));
        assertThat(robot.lookup("#train-dialog").tryQuery()).isEmpty();
    }
}
