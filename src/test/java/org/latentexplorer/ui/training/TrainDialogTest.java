package org.latentexplorer.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.ui.common.DecimalField;
import org.latentexplorer.ui.common.IntegerSpinner;
import org.latentexplorer.ui.fakes.FakeFileDialogs;
import org.latentexplorer.ui.shell.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Train dialog on screen: readable labels, the sections that apply, and fields that refuse letters. */
@ExtendWith(ApplicationExtension.class)
class TrainDialogTest {
    @TempDir
    static Path dir;

    private TrainFormViewModel form;
    private TrainDialog dialog;
    private final FakeFileDialogs files = new FakeFileDialogs();
    private final List<Throwable> thrown = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previous;

    @Start
    void start(Stage stage) {
        previous = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> thrown.add(e));
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
        form = new TrainFormViewModel("mnist", dir.resolve("models"));
        dialog = new TrainDialog(stage, form, files);
        dialog.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            dialog.close();
            Thread.currentThread().setUncaughtExceptionHandler(previous);
        });
    }

    /** Whether {@code n} and every parent are visible: what a person sees. */
    private static boolean onScreen(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private static void typeInto(FxRobot robot, TextField editor, String text, KeyCode end) {
        robot.clickOn(editor).push(KeyCode.CONTROL, KeyCode.A).write(text).type(end);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void choose(FxRobot robot, String field, String words) {
        robot.clickOn(field);
        robot.clickOn(words);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every label and choice on screen shows its whole text (no "…"), and none is a command-line flag. */
    private void labelsReadable(FxRobot robot) {
        List<Node> labels = new java.util.ArrayList<>(robot.lookup(".label").queryAll());
        labels.addAll(robot.lookup(".combo-box .list-cell").queryAll());
        int checked = 0;
        for (Node n : labels) {
            if (!(n instanceof Labeled l) || !onScreen(n) || l.getText() == null || l.getText().isEmpty()
                    || l.isWrapText()) {
                continue;
            }
            Text shown = (Text) l.lookup(".text");
            assertThat(shown.getText()).as("label '" + l.getText() + "' is drawn whole").isEqualTo(l.getText());
            assertThat(l.getText()).doesNotStartWith("--");
            checked++;
        }
        assertThat(checked).isGreaterThan(15);
    }

    @Test
    void labelsAreReadableAndTheGmvaeSectionOnlyShowsForAGmvae(FxRobot robot) throws Exception {
        Label lr = robot.lookup("#train-lr-label").queryAs(Label.class);
        assertThat(lr.getText()).isEqualTo("Learning rate (Adam)");
        assertThat(lr.getTooltip().getText()).contains("Adam's step size").endsWith("Command line: --lr");
        assertThat(robot.lookup("#train-weight-decay-label").queryAs(Label.class).getText())
                .isEqualTo("Weight decay (L2, per step)");
        assertThat(onScreen(robot.lookup("#train-section-gmvae").query())).as("a VAE has no GMVAE start").isFalse();
        assertThat(onScreen(robot.lookup("#train-clusters").query())).isFalse();
        assertThat(onScreen(robot.lookup("#train-prior").query())).isFalse();
        assertThat(onScreen(robot.lookup("#train-limit").query())).as("the example limit").isTrue();
        labelsReadable(robot);
        Screenshots.save(dialog.getDialogPane().getScene(), "train-dialog-vae");
        assertThat(robot.lookup("#train-lr-schedule-label").queryAs(Label.class).getTooltip().getText())
                .endsWith("Command line: --lr-schedule");
        choose(robot, "#train-lr-schedule", "cosine (to 0)");
        assertThat(form.options().train().lrSchedule().kind()).isEqualTo("cosine");
        choose(robot, "#train-lr-schedule", "constant");

        choose(robot, "#train-kind", "GMVAE (mixture prior)");
        assertThat(form.text(TrainField.KIND).get()).isEqualTo("gmvae");
        assertThat(onScreen(robot.lookup("#train-section-gmvae").query())).isTrue();
        assertThat(onScreen(robot.lookup("#train-clusters").query())).isTrue();
        assertThat(onScreen(robot.lookup("#train-joint-lr").query())).isTrue();
        labelsReadable(robot);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.getHeight()).as("fits a laptop's screen").isLessThanOrEqualTo(800);
        assertThat(dialog.getWidth()).isLessThanOrEqualTo(1400);
        Screenshots.save(dialog.getDialogPane().getScene(), "train-dialog-gmvae");

        choose(robot, "#train-arch", "convolutional");
        assertThat(robot.lookup("#train-pretrain").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#train-pretrain").queryAs(IntegerSpinner.class).getValue()).isZero();
        assertThat(robot.lookup("#train-start-note").queryAs(Label.class).getText()).contains("random weights");
        assertThat(robot.lookup("#train-hidden-label").queryAs(Label.class).getText()).isEqualTo("Channels per stage");

        choose(robot, "#train-kind", "CVAE (class-conditional)");
        assertThat(onScreen(robot.lookup("#train-section-gmvae").query())).isFalse();
        assertThat(onScreen(robot.lookup("#train-prior").query())).isTrue();
        assertThat(robot.lookup("#train-arch").query().isDisabled()).as("a CVAE is dense only").isTrue();
        assertThat(form.text(TrainField.ARCH).get()).isEqualTo("dense");
        assertThat(robot.lookup("#train-start").queryAs(Button.class).isDisabled()).isFalse();
        labelsReadable(robot);
        // The dialog refits on a later pulse (Platform.runLater): on a loaded machine that takes a few.
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> dialog.getWidth() < 1000);
        assertThat(dialog.getWidth()).as("narrower again without the GMVAE column").isLessThan(1000);
        Screenshots.save(dialog.getDialogPane().getScene(), "train-dialog-cvae");

        choose(robot, "#train-kind", "VAEAC (completes any hidden pixels)");
        assertThat(onScreen(robot.lookup("#train-prior").query())).isFalse();
        assertThat(onScreen(robot.lookup("#train-half-masks").query())).isTrue();
        assertThat(robot.lookup("#train-half-masks-label").queryAs(Label.class).getTooltip().getText())
                .endsWith("Command line: --half-masks");
        labelsReadable(robot);
        Screenshots.save(dialog.getDialogPane().getScene(), "train-dialog-vaeac");
        assertThat(thrown).isEmpty();
    }

    @Test
    void lettersInANumberFieldAreRefusedAndTheLastGoodValueKept(FxRobot robot) {
        IntegerSpinner epochs = robot.lookup("#train-epochs").queryAs(IntegerSpinner.class);
        typeInto(robot, epochs.getEditor(), "abc", KeyCode.TAB);
        assertThat(epochs.getValue()).isEqualTo(10);
        assertThat(epochs.getEditor().getText()).isEqualTo("10");
        assertThat(epochs.problemProperty().get()).isEqualTo("Epochs takes a whole number from 1 to 100000, not 'abc'");
        assertThat(form.integer(TrainField.EPOCHS).get()).isEqualTo(10);

        DecimalField lr = robot.lookup("#train-lr").queryAs(DecimalField.class);
        typeInto(robot, lr, "fast", KeyCode.ENTER);
        assertThat(dialog.isShowing()).as("Enter in a field does not start training").isTrue();
        assertThat(lr.getText()).isEqualTo("0.001");
        assertThat(lr.problemProperty().get()).isEqualTo("Learning rate (Adam) takes a number from 0 to 1, not 'fast'");
        assertThat(form.decimal(TrainField.LR).get()).isEqualTo(0.001);
        assertThat(lr.getStyle()).contains("#b00020");
        Screenshots.save(dialog.getDialogPane().getScene(), "train-dialog-letters");

        typeInto(robot, epochs.getEditor(), "3", KeyCode.ENTER);
        assertThat(dialog.isShowing()).as("Enter takes the number without starting a run").isTrue();
        assertThat(epochs.getValue()).isEqualTo(3);
        typeInto(robot, lr, "2e-4", KeyCode.TAB);
        assertThat(form.integer(TrainField.EPOCHS).get()).isEqualTo(3);
        assertThat(form.decimal(TrainField.LR).get()).isEqualTo(2e-4);
        assertThat(lr.problemProperty().get()).isNull();
        assertThat(robot.lookup("#train-start").queryAs(Button.class).isDisabled()).isFalse();

        // A number the core refuses: Train waits, the field is marked and the reason is below.
        typeInto(robot, lr, "0", KeyCode.TAB);
        assertThat(robot.lookup("#train-start").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(lr.getStyleClass()).contains("train-invalid");
        assertThat(robot.lookup("#train-problem").queryAs(Label.class).getText())
                .isEqualTo("“Learning rate (Adam)” must be in (0, 1], got 0.0");
        assertThat(thrown).isEmpty();
    }

    @Test
    void theOutputIsChosenWithBrowseAndAFailureIsShownOnTop(FxRobot robot) {
        TextField output = robot.lookup("#train-output").queryAs(TextField.class);
        assertThat(output.getText()).isEqualTo(dir.resolve("models").resolve("mnist-vae-d2.lexb").toString());
        files.save = dir.resolve("elsewhere").resolve("digits");
        robot.clickOn("#train-output-browse");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(output.getText()).isEqualTo(dir.resolve("elsewhere").resolve("digits.lexb").toString());

        Label failure = robot.lookup("#train-failure").queryAs(Label.class);
        assertThat(onScreen(failure)).isFalse();
        robot.interact(() -> form.failed("--out /root/m.lexb: cannot write in /root (permission denied)"));
        assertThat(onScreen(failure)).isTrue();
        assertThat(failure.getText()).isEqualTo("The last run failed: “Save as” /root/m.lexb: cannot write in /root "
                + "(permission denied)");
        assertThat(output.getStyleClass()).contains("train-invalid");
        Screenshots.save(dialog.getDialogPane().getScene(), "train-dialog-failed");
    }
}
