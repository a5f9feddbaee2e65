package org.latentexplorer.ui.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.fakes.TestWindows.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentexplorer.ui.fakes.FakeFileDialogs;
import org.latentexplorer.ui.fakes.FakeServices;
import org.latentexplorer.ui.fakes.Harness;
import org.latentexplorer.ui.tasks.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The completion model picked with the mouse, from the list and through "Choose file…". */
@ExtendWith(ApplicationExtension.class)
class InpaintCompanionViewTest {
    private InpaintViewModel vm;
    private Harness harness;
    private final FakeFileDialogs files = new FakeFileDialogs();
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("inpaint-companion");
        Path models = Files.createDirectories(dir.resolve("models"));
        FakeServices.writeVaeacBundle(models.resolve("my-vaeac.lexb"), 2);
        harness = new Harness(dir);
        harness.services.modelsFolder = models;
        harness.withModel(2);
        vm = new InpaintViewModel(harness.services, new FxTaskExecutor(), harness.session, harness.errors);
        stage.setScene(new Scene(new InpaintView(vm, files), 1100, 760));
        stage.show();
    }

    /** Opens the list (which looks for candidates) and clicks the entry once it is there. */
    private void choose(FxRobot robot, String text) throws Exception {
        robot.clickOn("#inpaint-companion");
        waitFor(() -> robot.lookup(n -> n instanceof ListCell<?> c && text.equals(c.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(n -> n instanceof ListCell<?> c && text.equals(c.getText())).queryAs(Node.class));
    }

    private boolean completedBy(String file) {
        Outcome o = vm.outcomeProperty().get();
        return o != null && o.completion().method().toString().equals("vaeac:32")
                && vm.statusProperty().get().endsWith("completed by " + file);
    }

    @Test
    void aVaeacPickedFromTheListCompletesAndTheScreenSaysSo(FxRobot robot) throws Exception {
        choose(robot, "my-vaeac.lexb · synthetic");
        waitFor(() -> completedBy("my-vaeac.lexb"));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> method = robot.lookup("#inpaint-method").queryAs(ComboBox.class);
        assertThat(((ListCell<?>) method.getButtonCell()).getText()).isEqualTo("VAEAC (S = 32)");
        assertThat(robot.lookup("#inpaint-companion-note").queryAs(Label.class).getText())
                .startsWith("VAEAC completes with my-vaeac.lexb");
        assertThat(robot.lookup("#inpaint-status").queryAs(Label.class).getText()).endsWith("completed by my-vaeac.lexb");

        choose(robot, "none");
        waitFor(() -> !vm.methods().contains("vaeac:32") && vm.outcomeProperty().get() != null
                && vm.outcomeProperty().get().completion().method().toString().equals("pseudo-gibbs")
                && !vm.statusProperty().get().startsWith("completing"));
        assertThat(vm.statusProperty().get()).doesNotContain("completed by");
        assertThat(harness.errors.messages).isEmpty();
    }

    @Test
    void aFileChosenThroughTheDialogCompletesAndAVaeacHidesTheChooser(FxRobot robot) throws Exception {
        files.files.add(FakeServices.writeVaeacBundle(dir.resolve("elsewhere.lexb"), 3));
        choose(robot, "Choose file…");
        waitFor(() -> completedBy("elsewhere.lexb"));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<Companion.Choice> chooser = robot.lookup("#inpaint-companion").queryAs(ComboBox.class);
        assertThat(chooser.getValue().text()).isEqualTo("elsewhere.lexb · synthetic");
        assertThat(files.fileTitles).containsExactly("Choose a VAEAC to complete with");

        robot.interact(() -> harness.withVaeac(2));
        waitFor(() -> !robot.lookup("#inpaint-companion-bar").query().isVisible());
        assertThat(vm.companion().handle()).isNull();
    }
}
