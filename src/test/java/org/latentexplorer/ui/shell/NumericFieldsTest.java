package org.latentexplorer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.fakes.TestWindows.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.ui.common.IntegerSpinner;
import org.latentexplorer.ui.fakes.FakeFileDialogs;
import org.latentexplorer.ui.fakes.FakeServices;
import org.latentexplorer.ui.fakes.TestWindows;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 21, item 9: letters, an empty field or a number out of range typed into a numeric field of the
 * window keep the field's last good value and show a message, and nothing is thrown on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class NumericFieldsTest {
    @TempDir
    static Path dir;

    private MainWindow window;
    /** Whatever reached the FX thread's handler: a listener's exception lands here, not in the test. */
    private final List<Throwable> thrown = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previous;

    @Start
    void start(Stage stage) throws Exception {
        previous = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> thrown.add(e));
        FakeServices services = new FakeServices();
        services.datasetSize = 500;
        services.defaultModel = FakeServices.writeBundle(dir.resolve("default-d2.lexb"), 2);
        window = TestWindows.open(stage, services, Files.createTempDirectory(dir, "config"), new FakeFileDialogs());
    }

    @AfterEach
    void restoreHandler(FxRobot robot) {
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(previous));
    }

    /** Replaces the field's text as a user would (select all, type) and ends with {@code end}. */
    private static void typeInto(FxRobot robot, IntegerSpinner field, String text, KeyCode end) {
        robot.clickOn(field.getEditor());
        robot.push(KeyCode.CONTROL, KeyCode.A);
        if (text.isEmpty()) {
            robot.type(KeyCode.BACK_SPACE);
        } else {
            robot.write(text);
        }
        robot.type(end);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static IntegerSpinner field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(IntegerSpinner.class);
    }

    @Test
    void lettersInTheManifoldGridSizeKeepTheLastGoodSizeAndSaySo(FxRobot robot) throws Exception {
        waitFor(() -> window.session().workspace() != null);
        robot.clickOn("Manifold");
        IntegerSpinner size = field(robot, "#grid-size");
        typeInto(robot, size, "12", KeyCode.ENTER);
        assertThat(window.manifoldViewModel().gridSizeProperty().get()).isEqualTo(12);

        typeInto(robot, size, "abc", KeyCode.ENTER);
        assertThat(thrown).isEmpty();
        assertThat(window.manifoldViewModel().gridSizeProperty().get()).isEqualTo(12);
        assertThat(size.getValue()).isEqualTo(12);
        assertThat(size.getEditor().getText()).isEqualTo("12");
        assertThat(size.problemProperty().get()).isEqualTo("Grid size takes a whole number from 5 to 40, not 'abc'");
        assertThat(size.getStyle()).contains("#b00020");
        Screenshots.save(window.manifoldView().getScene(), "manifold-grid-size-refused");

        // Moving focus away commits too: an emptied field and one out of range are refused the same way.
        typeInto(robot, size, "", KeyCode.TAB);
        assertThat(size.problemProperty().get()).endsWith("the field was empty");
        typeInto(robot, size, "400", KeyCode.TAB);
        assertThat(size.problemProperty().get()).endsWith("400 is out of range");
        assertThat(thrown).isEmpty();
        assertThat(window.manifoldViewModel().gridSizeProperty().get()).isEqualTo(12);

        typeInto(robot, size, "9", KeyCode.ENTER);
        assertThat(window.manifoldViewModel().gridSizeProperty().get()).isEqualTo(9);
        assertThat(size.problemProperty().get()).isNull();
        assertThat(size.getStyle()).doesNotContain("#b00020");
    }

    @Test
    void lettersInTheInpaintIterationsAndExampleKeepTheLastGoodValueAndSaySo(FxRobot robot) throws Exception {
        waitFor(() -> window.session().workspace() != null);
        robot.clickOn("Inpaint");
        waitFor(() -> window.inpaintViewModel().readyProperty().get());
        IntegerSpinner iterations = field(robot, "#inpaint-iterations");
        int before = window.inpaintViewModel().iterationsProperty().get();

        typeInto(robot, iterations, "many", KeyCode.ENTER);
        assertThat(thrown).isEmpty();
        assertThat(window.inpaintViewModel().iterationsProperty().get()).isEqualTo(before);
        assertThat(iterations.getEditor().getText()).isEqualTo(String.valueOf(before));
        assertThat(iterations.problemProperty().get())
                .isEqualTo("Iterations takes a whole number from 1 to 100000, not 'many'");
        Screenshots.save(window.tabs().getScene(), "inpaint-iterations-refused");

        // The example index is bounded by the data set (500 examples here), which the field learns late.
        IntegerSpinner example = field(robot, "#inpaint-index");
        typeInto(robot, example, "7", KeyCode.ENTER);
        assertThat(window.inpaintViewModel().indexProperty().get()).isEqualTo(7);
        typeInto(robot, example, "500", KeyCode.ENTER);
        typeInto(robot, example, "seven", KeyCode.TAB);
        assertThat(thrown).isEmpty();
        assertThat(window.inpaintViewModel().indexProperty().get()).isEqualTo(7);
        assertThat(example.problemProperty().get()).isEqualTo("Example takes a whole number from 0 to 499, not 'seven'");

        IntegerSpinner percent = field(robot, "#inpaint-percent");
        typeInto(robot, percent, "0", KeyCode.ENTER);
        assertThat(window.inpaintViewModel().randomPercentProperty().get()).isEqualTo(50);
        assertThat(percent.problemProperty().get()).endsWith("0 is out of range");
        assertThat(thrown).isEmpty();
    }
}
