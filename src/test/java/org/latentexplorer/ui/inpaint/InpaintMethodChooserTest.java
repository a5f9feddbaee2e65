package org.latentexplorer.ui.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.fakes.TestWindows.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentexplorer.ui.fakes.FakeFileDialogs;
import org.latentexplorer.ui.fakes.Harness;
import org.latentexplorer.ui.tasks.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The method chooser used with the mouse: names, the Iterations field, the uncertainty panel, the exports. */
@ExtendWith(ApplicationExtension.class)
class InpaintMethodChooserTest {
    private InpaintViewModel vm;
    private final FakeFileDialogs files = new FakeFileDialogs();
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("inpaint-chooser");
        Harness h = new Harness(dir).withModel(2);
        vm = new InpaintViewModel(h.services, new FxTaskExecutor(), h.session, h.errors);
        stage.setScene(new Scene(new InpaintView(vm, files), 1100, 700));
        stage.show();
    }

    @Test
    void eachMethodIsChosenByItsNameAndTheScreenFollows(FxRobot robot) throws Exception {
        // name in the chooser → does Iterations apply, does the uncertainty map show
        Map<String, boolean[]> expected = new LinkedHashMap<>();
        expected.put("Metropolis-within-Gibbs", new boolean[]{true, true});
        expected.put("Importance sampling (K = 1000)", new boolean[]{false, true});
        expected.put("Iterative replacement", new boolean[]{true, false});
        expected.put("Optimise the code", new boolean[]{true, false});
        expected.put("Nearest neighbours (k = 10)", new boolean[]{false, true});
        expected.put("Pseudo-Gibbs sampling", new boolean[]{true, true});
        waitFor(() -> vm.outcomeProperty().get() != null);
        @SuppressWarnings("unchecked")
        ComboBox<String> chooser = robot.lookup("#inpaint-method").queryAs(ComboBox.class);
        Node iterations = robot.lookup("#inpaint-iterations").query();
        for (var e : expected.entrySet()) {
            String name = e.getKey();
            robot.clickOn(chooser);
            robot.clickOn(robot.lookup(n -> n instanceof ListCell<?> c && name.equals(c.getText())).queryAs(Node.class));
            waitFor(() -> vm.outcomeProperty().get() != null
                    && vm.displayName(vm.outcomeProperty().get().completion().method().toString()).equals(name)
                    && !vm.statusProperty().get().startsWith("completing"));
            WaitForAsyncUtils.waitForFxEvents();
            ListCell<?> button = (ListCell<?>) chooser.getButtonCell();
            assertThat(button.getText()).isEqualTo(name);
            assertThat(chooser.getTooltip().getText()).isEqualTo(vm.explanation(chooser.getValue()));
            assertThat(iterations.isDisabled()).as(name + ": Iterations disabled").isEqualTo(!e.getValue()[0]);
            boolean map = e.getValue()[1];
            Label none = robot.lookup("#inpaint-no-uncertainty").queryAs(Label.class);
            Node bar = robot.lookup("#inpaint-colour-bar").query();
            ImageView heat = robot.lookup("#inpaint-uncertainty").queryAs(ImageView.class);
            assertThat(bar.isVisible()).as(name + ": colour bar").isEqualTo(map);
            assertThat(heat.getImage() != null).as(name + ": map").isEqualTo(map);
            if (map) {
                assertThat(none.getText()).isEmpty();
                assertThat(robot.lookup("#inpaint-scale-max").queryAs(Label.class).getText()).matches("\\d\\.\\d{3}");
                assertThat(robot.lookup("#inpaint-scale-min").queryAs(Label.class).getText())
                        .matches("hidden pixels: \\d\\.\\d{3} – \\d\\.\\d{3}");
            } else {
                assertThat(none.getText()).isEqualTo(name + " gives one completion: no uncertainty.");
            }
        }
    }

    @Test
    void theExportButtonsWriteThroughTheFileDialog(FxRobot robot) throws Exception {
        waitFor(() -> vm.outcomeProperty().get() != null && !vm.statusProperty().get().startsWith("completing"));
        files.save = dir.resolve("sheet.png");
        robot.clickOn("#inpaint-export-png");
        waitFor(() -> Files.isRegularFile(dir.resolve("sheet.png")));
        files.save = dir.resolve("figures.csv");
        robot.clickOn("#inpaint-export-csv");
        waitFor(() -> Files.isRegularFile(dir.resolve("figures.csv")));
        assertThat(Files.readString(dir.resolve("figures.csv"))).contains("Pseudo-Gibbs sampling,pseudo-gibbs,200,392,50.0,");
        waitFor(() -> vm.messageProperty().get().equals("Wrote " + dir.resolve("figures.csv")));
    }
}
