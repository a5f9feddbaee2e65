package org.latentexplorer.ui.inpaint;

import org.latentexplorer.ui.fakes.TestWindows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentexplorer.inpaint.Completion;
import org.latentexplorer.ui.services.DefaultCoreServices;
import org.latentexplorer.ui.shell.MainWindow;
import org.latentexplorer.ui.shell.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Inpaint tab over the shipped MNIST model: a top-half mask completed, and a screenshot of it. */
@ExtendWith(ApplicationExtension.class)
class ShippedModelInpaintTest {
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
    void theTopHalfOfADigitIsCompletedByTheShippedModel(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.session().workspace() != null);
        robot.clickOn("Inpaint");
        InpaintViewModel vm = window.inpaintViewModel();
        robot.clickOn("#inpaint-top");
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS); // past the debounce: the click's completion has started
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.resultProperty().get() != null
                && vm.statusProperty().get().startsWith("Pseudo-Gibbs sampling"));
        WaitForAsyncUtils.waitForFxEvents();
        Completion c = vm.resultProperty().get();
        float[] image = vm.image();
        for (int i = 14 * 28; i < 784; i++) {
            assertThat(c.mean()[i]).isEqualTo(image[i]);
        }
        assertThat(vm.statusProperty().get()).startsWith("Pseudo-Gibbs sampling · 200 iterations");
        Screenshots.save(stage.getScene(), "shipped-inpaint");
    }
}
