package org.latentexplorer.ui.shell;

import org.latentexplorer.ui.fakes.TestWindows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentexplorer.ui.services.DefaultCoreServices;
import org.latentexplorer.ui.services.Projection;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window as the README starts it: real services, the shipped MNIST model and its embedded data. */
@ExtendWith(ApplicationExtension.class)
class ShippedModelWindowTest {
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void shippedModelExists() {
        assumeTrue(Files.isRegularFile(DefaultCoreServices.DEFAULT_MODEL), "no shipped model at " + DefaultCoreServices.DEFAULT_MODEL);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestWindows.open(stage, new DefaultCoreServices(), Files.createTempDirectory("explorer-config"), null);
    }

    @Test
    void opensOnTheShippedModelWithTheMapDrawnAndHoverShowsAPreview(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> window.session().workspace() != null && window.mapView().frameTimes().count() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.session().workspace().model().source()).isEqualTo(DefaultCoreServices.DEFAULT_MODEL);
        assertThat(window.session().workspace().dataset().size()).isGreaterThan(1000);
        Projection p = window.mapViewModel().projectionProperty().get();
        var v = window.mapView().viewport();
        Node plot = robot.lookup("#map-plot").query();
        Point2D at = plot.localToScreen(v.toScreenX(p.x()[0]), v.toScreenY(p.y()[0]));
        robot.moveTo(at.add(15, 15)).moveTo(at);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#hover-reconstruction").queryAs(ImageView.class).getImage() != null);
        assertThat(robot.lookup("#hover-text").queryAs(Label.class).getText()).contains("label");
        Screenshots.save(stage.getScene(), "shipped-map");
        robot.clickOn("Manifold");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.manifoldViewModel().complete());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "shipped-manifold");
    }
}
