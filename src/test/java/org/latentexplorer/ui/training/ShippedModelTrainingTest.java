package org.latentexplorer.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentexplorer.ui.fakes.FakeFileDialogs;
import org.latentexplorer.ui.fakes.TestWindows;
import org.latentexplorer.ui.services.DefaultCoreServices;
import org.latentexplorer.ui.shell.MainWindow;
import org.latentexplorer.ui.shell.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window on the shipped mnist-d2 model: its Training tab shows the bundle's stored curves. */
@ExtendWith(ApplicationExtension.class)
class ShippedModelTrainingTest {
    private final FakeFileDialogs dialogs = new FakeFileDialogs();
    private MainWindow window;
    private Stage stage;
    private Path dir;

    @BeforeAll
    static void shippedModelExists() {
        assumeTrue(Files.isRegularFile(DefaultCoreServices.DEFAULT_MODEL), "no shipped model at " + DefaultCoreServices.DEFAULT_MODEL);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("training-tab");
        window = TestWindows.open(stage, new DefaultCoreServices(), dir.resolve("config"), dialogs);
    }

    @Test
    void theTrainingTabShowsTheShippedModelsStoredCurvesAndExportsThem(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.session().workspace() != null);
        robot.clickOn("Training");
        WaitForAsyncUtils.waitForFxEvents();
        String title = robot.lookup("#training-title").queryAs(Label.class).getText();
        assertThat(title).isEqualTo("Stored training history of mnist-d2.lexb: 30 epochs");
        assertThat(robot.lookup("#training-command").queryAs(Label.class).getText())
                .startsWith("Trained with: latent-explorer train --dataset mnist --latent 2");
        TrainingViewModel vm = window.trainingViewModel();
        assertThat(vm.lossSeries()).hasSize(2).allSatisfy(s -> assertThat(s.getData()).hasSize(30));
        assertThat(vm.termSeries()).hasSize(4).allSatisfy(s -> assertThat(s.getData()).hasSize(30));
        assertThat(robot.lookup("#training-log-scale").queryAs(CheckBox.class).isSelected())
                .as("kl is a few nats, recon ~150: the terms start on a log axis").isTrue();
        Screenshots.save(stage.getScene(), "shipped-training");

        dialogs.save = dir.resolve("curves.csv");
        robot.clickOn("#training-export-csv");
        TestWindows.waitFor(() -> Files.exists(dialogs.save));
        assertThat(Files.readAllLines(dialogs.save)).hasSize(61).first().isEqualTo("epoch,split,loss,recon,kl");

        dialogs.save = dir.resolve("curves.png");
        robot.clickOn("#training-export-png");
        TestWindows.waitFor(() -> Files.exists(dialogs.save));
        BufferedImage png = ImageIO.read(dialogs.save.toFile());
        assertThat(png.getWidth()).isGreaterThan(400);
        assertThat(png.getHeight()).isGreaterThan(200);
    }
}
