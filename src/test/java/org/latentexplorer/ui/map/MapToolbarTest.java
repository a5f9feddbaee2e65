package org.latentexplorer.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.fakes.TestWindows.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.ui.fakes.FakeFileDialogs;
import org.latentexplorer.ui.fakes.FakeServices;
import org.latentexplorer.ui.fakes.TestWindows;
import org.latentexplorer.ui.services.ProjectionSpec;
import org.latentexplorer.ui.shell.MainWindow;
import org.latentexplorer.ui.shell.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The map's toolbar at 1280×800 with t-SNE's long caption: every control keeps its label. */
@ExtendWith(ApplicationExtension.class)
class MapToolbarTest {
    /** As long as the real t-SNE caption (DefaultCoreServices lists every option). */
    private static final String TSNE_CAPTION = "perplexity 30.0, iterations 1000, learningRate auto, "
            + "earlyExaggeration 12.0, theta 0.5, exactMaxPoints 400, seed 42, threads 15";

    @TempDir
    static Path dir;

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        FakeServices services = new FakeServices();
        services.tsneCaption = TSNE_CAPTION;
        services.defaultModel = FakeServices.writeBundle(dir.resolve("default-d20.lexb"), 20);
        window = TestWindows.open(stage, services, Files.createTempDirectory(dir, "config"), new FakeFileDialogs());
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @Test
    void withTheTsneCaptionEveryToolbarButtonShowsItsWholeLabel(FxRobot robot) throws Exception {
        waitFor(() -> window.session().workspace() != null && window.mapViewModel().projectionProperty().get() != null);
        WaitForAsyncUtils.asyncFx(() -> {
            window.mapViewModel().methodProperty().set(ProjectionSpec.TSNE);
            window.mapViewModel().reproject();
        });
        waitFor(() -> window.mapViewModel().projectionInfoProperty().get().contains("threads 15"));
        assertThat(stage.getWidth()).isEqualTo(1280);

        for (String id : List.of("#map-project", "#map-fit", "#map-export")) {
            Button b = robot.lookup(id).queryAs(Button.class);
            // Equal to the label, so not shortened with an ellipsis ("Export CSV…" has one of its own).
            assertThat(shown(b)).as(id).isEqualTo(b.getText());
            assertThat(b.getWidth()).as(id).isGreaterThanOrEqualTo(b.prefWidth(-1) - 0.5);
        }
        ComboBox<?> method = robot.lookup("#map-method").queryAs(ComboBox.class);
        // The cell that shows the value is the combo's own child (the popup's list holds others).
        Labeled cell = (Labeled) method.getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("list-cell")).findFirst().orElseThrow();
        assertThat(shown(cell)).isEqualTo(ProjectionSpec.TSNE);
        assertThat(method.getWidth()).isGreaterThanOrEqualTo(method.prefWidth(-1) - 0.5);
        Label info = robot.lookup("#projection-info").queryAs(Label.class);
        assertThat(info.getTooltip().getText()).contains(TSNE_CAPTION);
        Screenshots.save(stage.getScene(), "map-toolbar-tsne-1280");
    }

    /** The text a Labeled draws (JavaFX puts the shortened "…" form in its Text node, not in getText()). */
    private static String shown(Labeled l) {
        Text t = (Text) l.lookup(".text");
        return t == null ? l.getText() : t.getText();
    }
}
