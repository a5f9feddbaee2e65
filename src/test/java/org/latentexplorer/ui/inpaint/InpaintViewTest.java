package org.latentexplorer.ui.inpaint;

import static org.latentexplorer.ui.fakes.TestWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentexplorer.inpaint.Completion;
import org.latentexplorer.ui.fakes.Harness;
import org.latentexplorer.ui.tasks.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The editor driven with the mouse over fake services and the threaded executor. */
@ExtendWith(ApplicationExtension.class)
class InpaintViewTest {
    private InpaintViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Harness h = new Harness(Files.createTempDirectory("inpaint-view")).withModel(2);
        vm = new InpaintViewModel(h.services, new FxTaskExecutor(), h.session, h.errors);
        stage.setScene(new Scene(new InpaintView(vm, new org.latentexplorer.ui.fakes.FakeFileDialogs()), 1000, 680));
        stage.show();
    }

    @Test
    void paintingOnTheCanvasCompletesTheNewMask(FxRobot robot) throws Exception {
        waitFor(() -> vm.resultProperty().get() != null);
        Completion first = vm.resultProperty().get();
        ImageView mean = robot.lookup("#inpaint-mean").queryAs(ImageView.class);
        assertThat(mean.getImage()).isNotNull();
        robot.clickOn("Clear");
        waitFor(() -> vm.statusProperty().get().endsWith("nothing to complete"));

        Node canvas = robot.lookup("#inpaint-canvas").query();
        Point2D origin = canvas.localToScreen(0, 0);
        double cell = InpaintView.EDITOR / 28;
        robot.drag(origin.add(3 * cell, 20.5 * cell)).moveTo(origin.add(24 * cell, 20.5 * cell)).release(
                javafx.scene.input.MouseButton.PRIMARY);
        assertThat(vm.missing()[20 * 28 + 10]).isTrue();
        waitFor(() -> vm.resultProperty().get() != first && vm.statusProperty().get().contains(" ms")
                && !vm.statusProperty().get().endsWith("nothing to complete"));
        Completion c = vm.resultProperty().get();
        assertThat(c.stdDev()[20 * 28 + 10]).isGreaterThanOrEqualTo(0f);
        assertThat(robot.lookup("#inpaint-status").queryAs(Label.class).getText()).startsWith("Pseudo-Gibbs sampling");
        assertThat(robot.lookup("#inpaint-uncertainty").queryAs(ImageView.class).getImage()).isNotNull();
        assertThat(robot.lookup("#inpaint-samples").queryAs(javafx.scene.layout.FlowPane.class).getChildren()).isNotEmpty();
    }
}
