package org.latentexplorer.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.fakes.TestWindows.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.ui.fakes.FakeFileDialogs;
import org.latentexplorer.ui.fakes.FakeServices;
import org.latentexplorer.ui.fakes.TestWindows;
import org.latentexplorer.ui.services.Projection;
import org.latentexplorer.ui.services.ProjectionSpec;
import org.latentexplorer.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A t-SNE whose layout spreads while it converges stays in frame without Fit, until the user pans; its
 * parameters are set in a dialog that refuses bad values as they are typed.
 */
@ExtendWith(ApplicationExtension.class)
class MapProjectionTest {
    @TempDir
    static Path dir;

    private MainWindow window;
    private FakeServices services;
    private final FakeFileDialogs files = new FakeFileDialogs();

    @Start
    void start(Stage stage) throws Exception {
        services = new FakeServices();
        services.growingTsne = true;
        services.defaultModel = FakeServices.writeBundle(dir.resolve("default-d20.lexb"), 20);
        window = TestWindows.open(stage, services, Files.createTempDirectory(dir, "config"), files);
    }

    private void tsne() throws Exception {
        waitFor(() -> window.session().workspace() != null && window.mapViewModel().projectionProperty().get() != null);
        WaitForAsyncUtils.asyncFx(() -> {
            window.mapViewModel().methodProperty().set(ProjectionSpec.TSNE);
            window.mapViewModel().reproject();
        });
        waitFor(() -> !window.mapViewModel().projectingProperty().get()
                && ProjectionSpec.TSNE.equals(window.mapViewModel().projectionProperty().get().method()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The viewport shows the whole layout: every point lies inside the plot, none off its edges. */
    private void inFrame() {
        Projection p = window.mapViewModel().projectionProperty().get();
        Viewport v = window.mapView().viewport();
        for (int i = 0; i < p.size(); i++) {
            assertThat(v.toScreenX(p.x()[i])).as("point %d, x", i).isBetween(0.0, (double) v.width());
            assertThat(v.toScreenY(p.y()[i])).as("point %d, y", i).isBetween(0.0, (double) v.height());
        }
    }

    @Test
    void aSpreadingLayoutStaysInFrameWithoutFitUntilTheUserPans(FxRobot robot) throws Exception {
        tsne();
        // Three reports each ten times wider than the last, then the result: all drawn, none off the edges.
        inFrame();
        WaitForAsyncUtils.asyncFx(() -> window.mapView().panBy(40, 0)).get();
        Viewport panned = window.mapView().viewport();
        // A later layout of the same run no longer moves the view the user has moved.
        Projection p = window.mapViewModel().projectionProperty().get();
        WaitForAsyncUtils.asyncFx(() -> window.mapViewModel().projectionProperty().set(
                new Projection(p.method(), p.params(), p.y(), p.x(), null))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.mapView().viewport()).isEqualTo(panned);
    }

    @Test
    void theParametersDialogRefusesLettersAndProjectsWithWhatWasTyped(FxRobot robot) throws Exception {
        tsne();
        robot.clickOn("#map-parameters");
        robot.doubleClickOn("#projection-perplexity").eraseText(4).write("abc");
        assertThat(robot.lookup("#projection-parameter-problem").queryAs(Label.class).getText())
                .isEqualTo("Perplexity: 'abc' is not a number");
        Button project = robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Project"))
                .queryAs(Button.class);
        assertThat(project.isDisabled()).isTrue();
        robot.doubleClickOn("#projection-perplexity").eraseText(4).write("5000");
        assertThat(robot.lookup("#projection-parameter-problem").queryAs(Label.class).getText())
                .contains("Perplexity: between 1 and 1000");
        robot.doubleClickOn("#projection-perplexity").eraseText(5).write("15");
        assertThat(project.isDisabled()).isFalse();
        robot.clickOn(project);
        waitFor(() -> services.lastSpec != null && services.lastSpec.params().get("perplexity") != null
                && services.lastSpec.params().get("perplexity").doubleValue() == 15);
        assertThat(window.mapViewModel().parameters(ProjectionSpec.TSNE)).containsEntry("perplexity", 15.0);
    }

    @Test
    void theMapHasAxesOnScreenAndExportsAPictureOfTheChosenSize(FxRobot robot) throws Exception {
        tsne();
        // Round values along the bottom edge of what is shown.
        Viewport v = window.mapView().viewport();
        java.util.List<Double> xs = window.mapView().xAxisValues();
        assertThat(xs).isNotEmpty();
        assertThat(xs.get(0)).isBetween(v.toDataX(0), v.toDataX(v.width()));
        Path png = dir.resolve("map.png");
        files.save = png;
        robot.clickOn("#map-export-png");
        robot.doubleClickOn("#map-png-width").eraseText(4).write("900").type(javafx.scene.input.KeyCode.TAB);
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().startsWith("Choose file"))
                .queryAs(Button.class));
        waitFor(() -> Files.exists(png));
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(900);
        assertThat(img.getHeight()).isEqualTo(1200);
        Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(png, Path.of("target/screenshots/map-export.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
