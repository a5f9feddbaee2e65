package org.latentexplorer.ui.shell;

import org.latentexplorer.ui.fakes.TestWindows;
import static org.latentexplorer.ui.fakes.TestWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.ui.fakes.FakeFileDialogs;
import org.latentexplorer.ui.fakes.FakeServices;
import org.latentexplorer.ui.manifold.GridImage;
import org.latentexplorer.ui.manifold.ManifoldViewModel;
import org.latentexplorer.ui.services.Projection;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window driven with the mouse, over fake services and the real (threaded) task executor. */
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {
    @TempDir
    static Path dir;

    private MainWindow window;
    private final FakeFileDialogs dialogs = new FakeFileDialogs();
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path config = Files.createTempDirectory(dir, "config");
        FakeServices services = new FakeServices();
        services.datasetSize = 2000;
        services.defaultModel = FakeServices.writeBundle(dir.resolve("default-d2.lexb"), 2);
        window = TestWindows.open(stage, services, config, dialogs);
    }

    private void mapDrawn() throws Exception {
        waitFor(() -> window.session().workspace() != null && window.mapView().frameTimes().count() > 0);
    }

    @Test
    void opensOnTheDefaultModelWithTheMapDrawn(FxRobot robot) throws Exception {
        mapDrawn();
        assertThat(window.session().workspace().model().name()).isEqualTo("default-d2.lexb");
        assertThat(robot.lookup("#projection-info").queryAs(Label.class).getText()).startsWith("identity");
        assertThat(stage.getTitle()).contains("default-d2.lexb");
        Screenshots.save(stage.getScene(), "map");
    }

    @Test
    void hoveringAPointOfTheMapShowsItsImageAndReconstruction(FxRobot robot) throws Exception {
        mapDrawn();
        Projection p = window.mapViewModel().projectionProperty().get();
        var v = window.mapView().viewport();
        Node plot = robot.lookup("#map-plot").query();
        Point2D screen = plot.localToScreen(v.toScreenX(p.x()[3]), v.toScreenY(p.y()[3]));
        robot.moveTo(screen.add(20, 20)).moveTo(screen);
        waitFor(() -> robot.lookup("#hover-reconstruction").queryAs(ImageView.class).getImage() != null);
        assertThat(robot.lookup("#hover-image").queryAs(ImageView.class).getImage()).isNotNull();
        assertThat(robot.lookup("#hover-text").queryAs(Label.class).getText()).contains("label");
        assertThat(robot.lookup("#probe-image").queryAs(ImageView.class).getImage()).isNotNull();
        robot.clickOn(screen);
        waitFor(() -> window.session().selection().length == 1);
        robot.press(javafx.scene.input.KeyCode.SHIFT);
        Point2D other = plot.localToScreen(v.toScreenX(p.x()[8]), v.toScreenY(p.y()[8]));
        robot.clickOn(other);
        robot.release(javafx.scene.input.KeyCode.SHIFT);
        Screenshots.save(stage.getScene(), "map-hover");
    }

    @Test
    void shiftDragDrawsABoxThatSelectsThePointsInside(FxRobot robot) throws Exception {
        mapDrawn();
        Node plot = robot.lookup("#map-plot").query();
        Node overlay = robot.lookup("#map-overlay").query();
        assertThat(overlay.isVisible()).isFalse();
        Projection p = window.mapViewModel().projectionProperty().get();
        var v = window.mapView().viewport();
        Point2D point = plot.localToScreen(v.toScreenX(p.x()[3]), v.toScreenY(p.y()[3]));
        robot.press(javafx.scene.input.KeyCode.SHIFT);
        robot.drag(point.add(-40, -40), javafx.scene.input.MouseButton.PRIMARY).moveTo(point).moveTo(point.add(40, 40));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(overlay.isVisible()).isTrue();
        Screenshots.save(stage.getScene(), "map-box");
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        robot.release(javafx.scene.input.KeyCode.SHIFT);
        waitFor(() -> window.session().selection().length > 0);
        assertThat(window.session().selection()).contains(3);
        assertThat(overlay.isVisible()).isFalse();
    }

    @Test
    void afterAClickOnTheManifoldTheArrowKeysStepTheGridNotTheTabs(FxRobot robot) throws Exception {
        mapDrawn();
        robot.clickOn("Manifold");
        ManifoldViewModel vm = window.manifoldViewModel();
        waitFor(vm::complete);
        double u = vm.centreU();
        robot.clickOn("#manifold-pane");
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        waitFor(() -> vm.centreU() > u);
        assertThat(AppMenus.screenOf(window.tabs().getSelectionModel().getSelectedItem()).getId()).isEqualTo("manifold-view");
    }

    @Test
    void draggingOnTheManifoldChangesTheRenderedGrid(FxRobot robot) throws Exception {
        mapDrawn();
        robot.clickOn("Manifold");
        ManifoldViewModel vm = window.manifoldViewModel();
        waitFor(vm::complete);
        GridImage before = vm.snapshot();
        // The axes under the grid start at the range's left end, −4.
        waitFor(() -> !window.manifoldView().columnValues().isEmpty());
        java.util.List<String> axis = window.manifoldView().columnValues();
        assertThat(axis.get(0)).isEqualTo("-4");
        Screenshots.save(stage.getScene(), "manifold");
        robot.drag("#manifold-pane").moveBy(60, 0).moveBy(60, 30).release(javafx.scene.input.MouseButton.PRIMARY);
        waitFor(() -> vm.complete() && window.manifoldView().missingCells() == 0
                && !java.util.Arrays.equals(vm.snapshot().argb(), before.argb()));
        assertThat(vm.centreU()).isLessThan(0);
        assertThat(vm.centreV()).isGreaterThan(0);
        // Released: the grid rests on whole cells.
        assertThat(vm.window().column()).isCloseTo(Math.rint(vm.window().column()), org.assertj.core.data.Offset.offset(1e-9));
        // The values follow the grid: after dragging right, the left end is further left.
        waitFor(() -> !window.manifoldView().columnValues().equals(axis));
        assertThat(Double.parseDouble(window.manifoldView().columnValues().get(0))).isLessThan(-4);
        Screenshots.save(stage.getScene(), "manifold-dragged");
    }

    @Test
    void aOneEpochTrainingFromTheDialogUpdatesTheChartAndOpensTheResult(FxRobot robot) throws Exception {
        mapDrawn();
        robot.clickOn("#train-model");
        waitFor(() -> robot.lookup("#train-dialog").tryQuery().isPresent());
        Path out = dir.resolve("one-epoch.lexb");
        org.latentexplorer.ui.common.IntegerSpinner epochs =
                robot.lookup("#train-epochs").queryAs(org.latentexplorer.ui.common.IntegerSpinner.class);
        robot.clickOn(epochs.getEditor()).push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                .write("x").type(javafx.scene.input.KeyCode.TAB);
        waitFor(() -> epochs.problemProperty().get() != null);
        assertThat(epochs.problemProperty().get()).isEqualTo("Epochs takes a whole number from 1 to 100000, not 'x'");
        assertThat(epochs.getValue()).isEqualTo(10);
        Screenshots.save(robot.lookup("#train-dialog").query().getScene(), "train-dialog-invalid");
        robot.clickOn(epochs.getEditor()).push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                .write("1").type(javafx.scene.input.KeyCode.TAB);
        robot.interact(() -> {
            robot.lookup("#train-output").queryAs(TextField.class).setText(out.toString());
            robot.lookup("#train-dataset").queryAs(javafx.scene.control.ComboBox.class).getEditor().setText("synthetic");
        });
        waitFor(() -> robot.lookup("#train-problem").queryAs(Label.class).getText().isEmpty());
        robot.clickOn("Train");
        waitFor(() -> window.session().workspace() != null
                && window.session().workspace().model().name().equals("one-epoch.lexb"));
        assertThat(window.trainingViewModel().lossSeries()).isNotEmpty();
        assertThat(window.trainingViewModel().lossSeries().getFirst().getData()).isNotEmpty();
        assertThat(Files.exists(out)).isTrue();
        Screenshots.save(stage.getScene(), "training");
    }

    @Test
    void aCorruptModelShowsAnErrorAndKeepsTheOpenOne(FxRobot robot) throws Exception {
        mapDrawn();
        var before = window.session().workspace();
        dialogs.model = Files.write(dir.resolve("corrupt.lexb"), new byte[] {0x50, 0x4b, 3, 4, 1, 2, 3});
        robot.clickOn("#open-model");
        waitFor(() -> robot.lookup("#error-message").tryQuery().isPresent());
        String message = robot.lookup("#error-message").queryAs(Label.class).getText();
        assertThat(message).contains("corrupt.lexb").contains("not a Latent Explorer model bundle");
        Screenshots.save(robot.lookup("#error-dialog").query().getScene(), "error-dialog");
        robot.clickOn("OK");
        assertThat(window.session().workspace()).isSameAs(before);
        assertThat(stage.getTitle()).contains("default-d2.lexb");
    }
}
