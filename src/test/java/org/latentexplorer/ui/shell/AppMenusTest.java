package org.latentexplorer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.fakes.TestWindows.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.AppVersion;
import org.latentexplorer.ui.fakes.FakeFileDialogs;
import org.latentexplorer.ui.fakes.FakeServices;
import org.latentexplorer.ui.fakes.TestWindows;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The menu bar at 1280×800: its menus, its keys, the shortcuts list and About, over fake services. */
@ExtendWith(ApplicationExtension.class)
class AppMenusTest {
    @TempDir
    static Path dir;

    private MainWindow window;
    private Stage stage;
    private final FakeFileDialogs dialogs = new FakeFileDialogs();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        FakeServices services = new FakeServices();
        services.defaultModel = FakeServices.writeBundle(dir.resolve("default-d2.lexb"), 2);
        window = TestWindows.open(stage, services, Files.createTempDirectory(dir, "config"), dialogs);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    private void opened() throws Exception {
        waitFor(() -> window.session().workspace() != null && window.mapViewModel().projectionProperty().get() != null);
    }

    private String screen() {
        return AppMenus.screenOf(window.tabs().getSelectionModel().getSelectedItem()).getId();
    }

    @Test
    void shortcutKeysSwitchScreensAndTheMenuBarLeavesEveryToolbarInTheWindow(FxRobot robot) throws Exception {
        opened();
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        assertThat(bar.getMenus()).extracting(Menu::getText).containsExactly("_File", "_Edit", "_View", "_Help");
        // The last control of each screen's toolbar (or, on Inpaint, of the screen), by its Shortcut+digit.
        Map<KeyCode, List<String>> screens = Map.of(
                KeyCode.DIGIT2, List.of("manifold-view", "#manifold-export-strip"),
                KeyCode.DIGIT3, List.of("inpaint-view", "#inpaint-export-csv"),
                KeyCode.DIGIT5, List.of("training-view", "#training-export-png"),
                KeyCode.DIGIT1, List.of("map-view", "#map-export"));
        double barBottom = bar.localToScene(bar.getLayoutBounds()).getMaxY();
        for (KeyCode digit : List.of(KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT5, KeyCode.DIGIT1)) {
            robot.push(KeyCode.SHORTCUT, digit);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(screen()).as(digit.getName()).isEqualTo(screens.get(digit).get(0));
            Node last = robot.lookup(screens.get(digit).get(1)).query();
            Bounds b = last.localToScene(last.getLayoutBounds());
            assertThat(b.getMinY()).as(screens.get(digit).get(1)).isGreaterThanOrEqualTo(barBottom);
            assertThat(b.getMaxX()).as(screens.get(digit).get(1)).isLessThanOrEqualTo(stage.getScene().getWidth());
            assertThat(b.getMaxY()).as(screens.get(digit).get(1)).isLessThanOrEqualTo(stage.getScene().getHeight());
        }
        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screen()).isEqualTo("clusters-view");
        Screenshots.save(stage.getScene(), "menus-clusters-1280");
    }

    @Test
    void helpListsExactlyTheKeysTheMenusAnswer(FxRobot robot) throws Exception {
        opened();
        Set<KeyCombination> installed = new HashSet<>();
        for (Menu m : window.menus().bar().getMenus()) {
            collectKeys(m, installed);
        }
        List<Shortcut> listed = window.menus().shortcuts();
        assertThat(listed).extracting(Shortcut::keys).containsExactlyInAnyOrderElementsOf(installed);
        assertThat(installed).contains(KeyCombination.valueOf("Shortcut+O"), KeyCombination.valueOf("Shortcut+Q"),
                KeyCombination.valueOf("F1"), KeyCombination.valueOf("Shortcut+1"));

        robot.type(KeyCode.F1);
        waitFor(() -> robot.lookup("#shortcuts-dialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#shortcuts-dialog").queryAs(DialogPane.class);
        Set<String> texts = robot.from(pane).lookup((Node n) -> n instanceof Label).queryAllAs(Label.class).stream()
                .map(Label::getText).collect(Collectors.toSet());
        for (Shortcut s : listed) {
            assertThat(texts).as(s.action()).contains(s.keysText(), s.action());
        }
        Screenshots.save(pane.getScene(), "menus-shortcuts");
        robot.clickOn(robot.from(pane).lookup(".button").queryAs(Button.class));
    }

    private static void collectKeys(Menu menu, Set<KeyCombination> keys) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collectKeys(sub, keys);
            } else if (item.getAccelerator() != null) {
                keys.add(item.getAccelerator());
            }
        }
    }

    @Test
    void aboutOpenedWithTheMouseShowsTheVersionAndWhatItRunsOn(FxRobot robot) throws Exception {
        opened();
        robot.clickOn(menuButton(robot, "_Help"));
        robot.clickOn("#menu-about");
        waitFor(() -> robot.lookup("#about-dialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#about-dialog").queryAs(DialogPane.class);
        assertThat(AppVersion.version()).matches("\\d+\\.\\d+.*");
        assertThat(pane.getHeaderText()).isEqualTo("Latent Explorer " + AppVersion.version());
        String details = robot.from(pane).lookup("#about-details").queryAs(TextArea.class).getText();
        assertThat(details).contains("Java " + System.getProperty("java.runtime.version"))
                .contains("JavaFX " + System.getProperty("javafx.runtime.version"))
                .contains("Natives: ");
        assertThat(robot.from(pane).lookup("#about-credits").queryAs(Label.class).getText()).contains("OpenJFX");
        Screenshots.save(pane.getScene(), "menus-about");
        robot.clickOn(robot.from(pane).lookup(".button").queryAs(Button.class));
    }

    @Test
    void theExportKeyFiresTheScreensButtonAndIsOffWhereTheScreenHasNothingToExport(FxRobot robot) throws Exception {
        opened();
        Path csv = dir.resolve("codes-from-the-menu.csv");
        dialogs.save = csv;
        robot.push(KeyCode.SHORTCUT, KeyCode.E);
        waitFor(() -> Files.exists(csv) && Files.size(csv) > 0);
        // Clusters of a plain VAE not fitted yet: its export buttons are hidden, so the menu's are off.
        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT4);
        WaitForAsyncUtils.waitForFxEvents();
        MenuItem export = findItem(window.menus().bar(), "menu-export-1");
        assertThat(export.getText()).isEqualTo("Export samples as PNG…");
        assertThat(export.isDisable()).isTrue();
        // Undo of the inpaint mask is off away from Inpaint.
        assertThat(findItem(window.menus().bar(), "menu-inpaint-undo").isDisable()).isTrue();
    }

    @Test
    void altDragOnTheMapLeavesTheMenuBarAloneWhileALoneAltStillOpensIt(FxRobot robot) throws Exception {
        opened();
        waitFor(() -> window.mapView().frameTimes().count() > 0);
        Node plot = robot.lookup("#map-plot").query();
        Point2D centre = plot.localToScreen(plot.getLayoutBounds().getWidth() / 2, plot.getLayoutBounds().getHeight() / 2);
        Menu file = window.menus().bar().getMenus().get(0);
        robot.press(KeyCode.ALT);
        robot.drag(centre, MouseButton.PRIMARY).moveBy(60, 0).moveBy(0, 60).moveBy(-60, 0).release(MouseButton.PRIMARY);
        robot.release(KeyCode.ALT);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(file.isShowing()).as("File opened by the arrow after a lasso").isFalse();
        // The check can fail: a lone Alt takes the keys to the menu bar, and Down opens File.
        robot.type(KeyCode.ALT);
        robot.type(KeyCode.DOWN);
        waitFor(file::isShowing);
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.ESCAPE);
    }

    private static MenuButton menuButton(FxRobot robot, String text) {
        return robot.lookup(".menu-bar .menu").match((MenuButton b) -> text.equals(b.getText())).queryAs(MenuButton.class);
    }

    private static MenuItem findItem(MenuBar bar, String id) {
        List<MenuItem> all = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            all.addAll(m.getItems());
        }
        return all.stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}
