package org.latentexplorer.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.fakes.TestWindows.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.ui.fakes.FakeFileDialogs;
import org.latentexplorer.ui.fakes.FakeServices;
import org.latentexplorer.ui.fakes.TestWindows;
import org.latentexplorer.ui.services.Projection;
import org.latentexplorer.ui.shell.MainWindow;
import org.latentexplorer.ui.shell.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The selection driven with the mouse and keyboard at 1280×800: a box selection shows its count and
 * gallery, Esc clears it, a click shows the point's neighbours, two groups give an attribute strip.
 */
@ExtendWith(ApplicationExtension.class)
class MapSelectionScreenTest {
    @TempDir
    static Path dir;

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        FakeServices services = new FakeServices();
        services.defaultModel = FakeServices.writeBundle(dir.resolve("d2.lexb"), 2);
        window = TestWindows.open(stage, services, Files.createTempDirectory(dir, "config"), new FakeFileDialogs());
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    private void ready() throws Exception {
        waitFor(() -> window.session().workspace() != null && window.mapView().frameTimes().count() > 0
                && window.mapView().viewport() != null);
    }

    /** Where layout point (x, y) is on the screen. */
    private Point2D onScreen(double x, double y) {
        var v = window.mapView().viewport();
        Node plot = window.mapView().lookup("#map-plot");
        return plot.localToScreen(v.toScreenX(x), v.toScreenY(y));
    }

    private Point2D pointOnScreen(int i) {
        Projection p = window.mapViewModel().projectionProperty().get();
        return onScreen(p.x()[i], p.y()[i]);
    }

    private int label(int i) {
        return window.session().workspace().dataset().labels()[i];
    }

    @Test
    void aBoxSelectionShowsItsCountHistogramAndGalleryAndEscClearsIt(FxRobot robot) throws Exception {
        ready();
        // A box around the "one" class (it sits on its own part of the circle).
        Projection p = window.mapViewModel().projectionProperty().get();
        int[] ones = IntStream.range(0, p.size()).filter(i -> label(i) == 1).toArray();
        double minX = IntStream.of(ones).mapToDouble(i -> p.x()[i]).min().orElseThrow() - 0.05;
        double maxX = IntStream.of(ones).mapToDouble(i -> p.x()[i]).max().orElseThrow() + 0.05;
        double minY = IntStream.of(ones).mapToDouble(i -> p.y()[i]).min().orElseThrow() - 0.05;
        double maxY = IntStream.of(ones).mapToDouble(i -> p.y()[i]).max().orElseThrow() + 0.05;
        robot.moveTo(onScreen(minX, maxY)).press(KeyCode.SHIFT).press(MouseButton.PRIMARY)
                .moveTo(onScreen((minX + maxX) / 2, (minY + maxY) / 2)).moveTo(onScreen(maxX, minY))
                .release(MouseButton.PRIMARY).release(KeyCode.SHIFT);
        waitFor(() -> window.session().selection().length >= ones.length);
        int n = window.session().selection().length;
        assertThat(window.session().selection()).contains(ones);
        assertThat(robot.lookup("#selection-count").queryAs(Label.class).getText()).isEqualTo(n + " selected");
        TabPane drawer = robot.lookup("#map-drawer").queryAs(TabPane.class);
        assertThat(drawer.getSelectionModel().getSelectedItem().getText()).isEqualTo("Selection (" + n + ")");
        assertThat(window.mapSelection().labelBars().stream().max(java.util.Comparator.comparingInt(
                SelectionViewModel.Bar::count)).orElseThrow().name()).isEqualTo("one");
        assertThat(robot.lookup("#selection-labels").queryAs(javafx.scene.layout.VBox.class).getChildren())
                .hasSizeGreaterThan(1);
        // The gallery draws the tiles in view into one image: two nodes, however many are selected.
        TileGallery gallery = window.mapView().drawer().gallery();
        waitFor(() -> gallery.tilesDrawn() > 0);
        assertThat(gallery.getChildrenUnmodifiable()).hasSize(2);
        assertThat(gallery.tilesDrawn()).isLessThanOrEqualTo(n);
        Screenshots.save(stage.getScene(), "map-selection-box");

        robot.type(KeyCode.ESCAPE);
        waitFor(() -> window.session().selection().length == 0);
        assertThat(robot.lookup("#selection-count").queryAs(Label.class).getText()).isEqualTo("Nothing selected");
        waitFor(() -> gallery.tilesDrawn() == 0);
    }

    @Test
    void aLassoThatEndsWhereItBeganSelectsWhatItEnclosesRatherThanClicking(FxRobot robot) throws Exception {
        ready();
        Projection p = window.mapViewModel().projectionProperty().get();
        int[] fives = IntStream.range(0, p.size()).filter(i -> label(i) == 5).toArray();
        double cx = IntStream.of(fives).mapToDouble(i -> p.x()[i]).average().orElseThrow();
        double cy = IntStream.of(fives).mapToDouble(i -> p.y()[i]).average().orElseThrow();
        // A loop of radius 0.7 around the class's centre (the classes are 2 apart), closed at its start.
        robot.moveTo(onScreen(cx + 0.7, cy)).press(KeyCode.CONTROL).press(MouseButton.PRIMARY);
        for (int a = 20; a <= 360; a += 20) {
            robot.moveTo(onScreen(cx + 0.7 * Math.cos(Math.toRadians(a)), cy + 0.7 * Math.sin(Math.toRadians(a))));
        }
        robot.release(MouseButton.PRIMARY).release(KeyCode.CONTROL);
        waitFor(() -> window.session().selection().length > 1);
        long inside = IntStream.of(window.session().selection()).filter(i -> label(i) == 5).count();
        assertThat(inside).isGreaterThan(fives.length / 2);
    }

    @Test
    void aClickOnEmptySpaceClearsTheSelection(FxRobot robot) throws Exception {
        ready();
        WaitForAsyncUtils.asyncFx(() -> window.mapViewModel().find("three"));
        waitFor(() -> window.session().selection().length == 50);
        // The middle of the circle of classes is empty.
        robot.clickOn(onScreen(0, 0));
        waitFor(() -> window.session().selection().length == 0);
    }

    @Test
    void clickingAPointShowsItsNeighboursAsAStripAndRingsThemOnTheMap(FxRobot robot) throws Exception {
        ready();
        int target = IntStream.range(0, 500).filter(i -> label(i) == 7).findFirst().orElseThrow();
        robot.clickOn(pointOnScreen(target));
        waitFor(() -> window.session().selection().length == 1 && window.mapNeighbours().neighbours().size() == 10);
        int clicked = window.session().selection()[0];
        TabPane drawer = robot.lookup("#map-drawer").queryAs(TabPane.class);
        assertThat(drawer.getSelectionModel().getSelectedItem().getText()).isEqualTo("Neighbours");
        HBox strip = robot.lookup("#neighbours-strip").queryAs(HBox.class);
        waitFor(() -> strip.getChildren().size() == 11);
        assertThat(robot.lookup("#neighbours-faithfulness").queryAs(Label.class).getText())
                .startsWith("10 of its 10 nearest");
        assertThat(window.mapViewModel().marked()).hasSize(10).doesNotContain(clicked);
        // The map draws the neighbours' rings.
        waitFor(() -> pixelsOf(robot, MapRenderer.MARK) > 0);
        Screenshots.save(stage.getScene(), "map-selection-neighbours");

        // A neighbour's tile shows that neighbour's own neighbours.
        int first = window.mapNeighbours().neighbours().getFirst().index();
        robot.clickOn("#neighbour-" + first);
        waitFor(() -> window.mapNeighbours().pointProperty().get() == first);
    }

    @Test
    void twoGroupsGiveAnAttributeStripAndAMapAxis(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#drawer-attribute");
        robot.clickOn("#attribute-a-label");
        // The entry of the open list (the legend has a "zero" too).
        robot.clickOn(robot.lookup(".list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText("zero"))
                .queryAs(Node.class));
        waitFor(() -> window.mapAttributes().groupAProperty().get() != null);
        // Group B from a selection: the class "five", found by the search field.
        robot.clickOn("#map-find").write("five").type(KeyCode.ENTER);
        waitFor(() -> window.session().selection().length == 50);
        robot.clickOn("#attribute-b-selection");
        waitFor(() -> window.mapAttributes().groupBProperty().get() != null);
        TabPane drawer = robot.lookup("#map-drawer").queryAs(TabPane.class);
        assertThat(drawer.getSelectionModel().getSelectedItem().getText()).isEqualTo("Attribute direction");
        assertThat(robot.lookup("#attribute-b-name").queryAs(Label.class).getText()).isEqualTo("mostly five (50 points)");
        // The first selected point is walked from −2 to +2 times the vector.
        HBox strip = robot.lookup("#attribute-strip").queryAs(HBox.class);
        waitFor(() -> strip.getChildren().size() == AttributeViewModel.STEPS);
        assertThat(robot.lookup("#attribute-caption").queryAs(Label.class).getText()).contains("zero → mostly five");
        Screenshots.save(stage.getScene(), "map-selection-attribute");

        robot.clickOn("#attribute-axis");
        waitFor(() -> AttributeViewModel.METHOD.equals(window.mapViewModel().projectionProperty().get().method()));
        assertThat(window.mapViewModel().projectionInfoProperty().get()).contains("x along zero → mostly five");
        robot.clickOn("#attribute-restore");
        waitFor(() -> "identity".equals(window.mapViewModel().projectionProperty().get().method()));
    }

    private int pixelsOf(FxRobot robot, int argb) {
        javafx.scene.layout.Pane plot = robot.lookup("#map-plot").queryAs(javafx.scene.layout.Pane.class);
        javafx.scene.image.Image img = ((javafx.scene.image.ImageView) plot.getChildren().get(0)).getImage();
        int n = 0;
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                n += img.getPixelReader().getArgb(x, y) == argb ? 1 : 0;
            }
        }
        return n;
    }
}
