package org.latentexplorer.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.latentexplorer.ui.library.LibraryViewModel;

/**
 * The window's menu bar: File, Edit, View, Help. A menu command of a screen fires that screen's own
 * button, so the menu runs the same code, and it is off whenever the button is disabled or hidden on
 * its screen: the menu never offers what the screen would refuse. Buttons are found by their ids once,
 * when the menus are built; a missing id fails there (every window test builds the menus).
 *
 * <p>Keys are the Shortcut modifier (Ctrl, Cmd on macOS) with a letter or digit, or F1. Plain keys,
 * arrows and Esc stay with the screens: the manifold steps with the arrows and zooms with + and −, text
 * fields and dialogs use Esc, and a focused text field handles its own Shortcut+Z before the menus do.
 */
public final class AppMenus {
    private record Export(String buttonId, String text) {
    }

    /** Each screen's exports, by the id of its View: the first has Shortcut+E, the second Shortcut+Shift+E. */
    private static final Map<String, List<Export>> EXPORTS = Map.of(
            "map-view", List.of(new Export("map-export", "Export codes as CSV…"),
                    new Export("map-export-png", "Export the map as PNG…")),
            "manifold-view", List.of(new Export("manifold-export-grid", "Export grid as PNG…"),
                    new Export("manifold-export-strip", "Export interpolation strip as PNG…")),
            "inpaint-view", List.of(new Export("inpaint-export-png", "Export completion as PNG…"),
                    new Export("inpaint-export-csv", "Export figures as CSV…")),
            "clusters-view", List.of(new Export("cluster-export-png", "Export samples as PNG…"),
                    new Export("cluster-export-csv", "Export cluster table as CSV…")),
            "training-view", List.of(new Export("training-export-csv", "Export curves as CSV…"),
                    new Export("training-export-png", "Export charts as PNG…")),
            "model-view", List.of(new Export("traversal-export", "Export traversal as PNG…"),
                    new Export("reconstruction-export", "Export reconstructions as PNG…")));

    /** Where a command of a screen runs. */
    private enum Where { IN_PLACE, GO_TO_SCREEN, ONLY_ON_SCREEN }

    private final Stage stage;
    private final TabPane tabs;
    private final MenuBar bar = new MenuBar();
    private final List<Shortcut> shortcuts = new ArrayList<>();
    /** File's two export places, and the current screen's buttons they fire. */
    private final MenuItem[] exportItems = new MenuItem[2];
    private final ButtonBase[] exportButtons = new ButtonBase[2];
    private final HelpDialogs help;

    /**
     * @param stage   the window (Quit closes it; the dialogs belong to it)
     * @param tabs    the screens, in the order of View's Shortcut+1, +2, …
     * @param library the library panel (its Open, Import data set and Train buttons)
     * @param models  the library's ViewModel (the recent models)
     */
    public AppMenus(Stage stage, TabPane tabs, Node library, LibraryViewModel models) {
        this.stage = stage;
        this.tabs = tabs;
        bar.setId("menu-bar");
        // On macOS the menus go to the top of the screen, where people look for them.
        bar.setUseSystemMenuBar(true);
        bar.getMenus().addAll(file(library, models), edit(), view(library), helpMenu());
        bar.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null && old == null) {
                keepAltWithTheMouse(scene);
            }
        });
        help = new HelpDialogs(stage, Collections.unmodifiableList(shortcuts));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> showExports(t));
        showExports(tabs.getSelectionModel().getSelectedItem());
    }

    public MenuBar bar() {
        return bar;
    }

    /** Every key the menus answer, in menu order: what Help → Keyboard shortcuts lists. */
    public List<Shortcut> shortcuts() {
        return Collections.unmodifiableList(shortcuts);
    }

    private Menu file(Node library, LibraryViewModel models) {
        Menu recent = new Menu("Open _recent");
        recent.setId("menu-recent");
        models.recentModels().addListener((ListChangeListener<String>) c -> fillRecent(recent, models));
        fillRecent(recent, models);
        Menu data = new Menu("Import _data set");
        for (MenuItem source : ((MenuButton) find(library, "import-data")).getItems()) {
            MenuItem copy = plain(source.getText());
            copy.setOnAction(e -> source.fire());
            data.getItems().add(copy);
        }
        Menu file = new Menu("_File");
        file.getItems().addAll(
                fires("File", "_Open model…", "Shortcut+O", library, "open-model", null, Where.IN_PLACE),
                recent,
                fires("File", "_Import model…", "Shortcut+I", library, "import-model", null, Where.IN_PLACE),
                data,
                fires("File", "_Train new model…", "Shortcut+N", library, "train-model", null, Where.IN_PLACE),
                new SeparatorMenuItem(),
                exportSlot(0, "Shortcut+E", "first"), exportSlot(1, "Shortcut+Shift+E", "second"),
                new SeparatorMenuItem(),
                run("File", "_Quit", "Shortcut+Q", stage::close));
        return file;
    }

    /** One of File's two export places: the current screen's first or second export ({@link #showExports}). */
    private MenuItem exportSlot(int slot, String keys, String which) {
        MenuItem item = plain("");
        item.setId("menu-export-" + (slot + 1));
        item.setOnAction(e -> {
            if (exportButtons[slot] != null && !item.isDisable()) {
                exportButtons[slot].fire();
            }
        });
        exportItems[slot] = item;
        return key(item, "File", "Export from the current screen (its " + which + " export)", KeyCombination.valueOf(keys));
    }

    private void fillRecent(Menu recent, LibraryViewModel models) {
        recent.getItems().clear();
        for (String p : models.recentModels()) {
            Path path = Path.of(p);
            MenuItem item = plain(path.getFileName() + (path.getParent() == null ? "" : "  —  " + path.getParent()));
            item.setOnAction(e -> models.openModel(path));
            recent.getItems().add(item);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = plain("No recent models");
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    private Menu edit() {
        Tab inpaint = screen("inpaint-view");
        Tab map = screen("map-view");
        TextField find = (TextField) find(screenOf(map), "map-find");
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(
                fires("Edit", "_Undo mask edit (Inpaint)", "Shortcut+Z", screenOf(inpaint), "inpaint-undo", inpaint,
                        Where.ONLY_ON_SCREEN),
                fires("Edit", "_Redo mask edit (Inpaint)", "Shortcut+Shift+Z", screenOf(inpaint), "inpaint-redo", inpaint,
                        Where.ONLY_ON_SCREEN),
                new SeparatorMenuItem(),
                run("Edit", "_Find on the map…", "Shortcut+F", () -> {
                    tabs.getSelectionModel().select(map);
                    // After the tab switch has shown the field.
                    Platform.runLater(() -> {
                        find.requestFocus();
                        find.selectAll();
                    });
                }));
        return edit;
    }

    private Menu view(Node library) {
        Menu view = new Menu("_View");
        ToggleGroup shown = new ToggleGroup();
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            Tab tab = tabs.getTabs().get(i);
            RadioMenuItem item = new RadioMenuItem(tab.getText());
            item.setMnemonicParsing(false);
            item.setToggleGroup(shown);
            item.setSelected(tab.isSelected());
            tab.selectedProperty().addListener((o, was, now) -> item.setSelected(now));
            item.setOnAction(e -> tabs.getSelectionModel().select(tab));
            // Digits 1–9 at most; a tenth screen would go without a key.
            if (i < 9) {
                key(item, "View", "Show " + tab.getText(), new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)),
                        KeyCombination.SHORTCUT_DOWN));
            }
            view.getItems().add(item);
        }
        CheckMenuItem panel = new CheckMenuItem("_Library panel");
        panel.setId("menu-library-panel");
        panel.setSelected(library.isVisible());
        library.visibleProperty().bind(panel.selectedProperty());
        library.managedProperty().bind(panel.selectedProperty());
        key(panel, "View", "Show or hide the library panel", KeyCombination.valueOf("Shortcut+L"));
        Tab map = screen("map-view");
        Tab manifold = screen("manifold-view");
        view.getItems().addAll(new SeparatorMenuItem(), panel, new SeparatorMenuItem(),
                fires("View", "Fit the map to the window", "Shortcut+0", screenOf(map), "map-fit", map, Where.GO_TO_SCREEN),
                fires("View", "Project the map again", "Shortcut+R", screenOf(map), "map-project", map, Where.GO_TO_SCREEN),
                fires("View", "Centre the manifold on the selection", null, screenOf(manifold), "manifold-centre", manifold,
                        Where.GO_TO_SCREEN),
                fires("View", "Reset the manifold to −4..4", null, screenOf(manifold), "manifold-reset", manifold,
                        Where.GO_TO_SCREEN));
        return view;
    }

    private Menu helpMenu() {
        Menu menu = new Menu("_Help");
        MenuItem about = new MenuItem("_About Latent Explorer");
        about.setId("menu-about");
        about.setOnAction(e -> help.showAbout());
        menu.getItems().addAll(run("Help", "_Keyboard shortcuts…", "F1", () -> help.showShortcuts()), about);
        return menu;
    }

    /**
     * Alt-drag draws the map's lasso. On Windows and Linux the menu bar takes a lone press and release
     * of Alt as "go to the menus", and it would after a lasso too, leaving the next keys to the menus: an
     * Alt released after a mouse press with Alt held is the mouse's, and the menu bar does not see it.
     */
    private static void keepAltWithTheMouse(Scene scene) {
        // Set by the press, cleared by the release only: a held Alt repeats its key press on some systems.
        boolean[] usedByMouse = {false};
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> usedByMouse[0] |= e.isAltDown());
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.ALT && usedByMouse[0]) {
                usedByMouse[0] = false;
                e.consume();
            }
        });
    }

    /** Shows the current screen's exports in File's two export places (hidden where it has fewer). */
    private void showExports(Tab tab) {
        Node screen = screenOf(tab);
        List<Export> exports = screen == null ? List.of() : EXPORTS.getOrDefault(screen.getId(), List.of());
        for (int i = 0; i < exportItems.length; i++) {
            MenuItem item = exportItems[i];
            item.disableProperty().unbind();
            if (i < exports.size()) {
                exportButtons[i] = button(screen, exports.get(i).buttonId());
                item.setText(exports.get(i).text());
                item.disableProperty().bind(unusable(exportButtons[i], screen));
                item.setVisible(true);
            } else {
                exportButtons[i] = null;
                item.setDisable(true);
                item.setVisible(false);
            }
        }
    }

    /**
     * A menu item that fires the button {@code id} under {@code root}: where it is ({@link Where#IN_PLACE}),
     * after showing {@code screen}, or only while {@code screen} is shown. Off whenever the button is.
     */
    private MenuItem fires(String menu, String text, String keys, Node root, String id, Tab screen, Where where) {
        ButtonBase button = button(root, id);
        BooleanBinding off = unusable(button, root);
        if (where == Where.ONLY_ON_SCREEN) {
            off = off.or(screen.selectedProperty().not());
        }
        BooleanBinding offNow = off;
        MenuItem item = run(menu, text, keys, () -> {
            if (offNow.get()) {
                return;
            }
            if (where == Where.GO_TO_SCREEN) {
                tabs.getSelectionModel().select(screen);
            }
            button.fire();
        });
        item.setId("menu-" + id);
        item.disableProperty().bind(off);
        return item;
    }

    /** A menu item that runs {@code action}, with its keys when {@code keys} is not null. */
    private MenuItem run(String menu, String text, String keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return keys == null ? item : key(item, menu, text.replace("_", ""), KeyCombination.valueOf(keys));
    }

    /** Installs {@code keys} on {@code item} and records it for the help: the one place keys are set. */
    private <T extends MenuItem> T key(T item, String menu, String action, KeyCombination keys) {
        item.setAccelerator(keys);
        shortcuts.add(new Shortcut(keys, action, menu));
        return item;
    }

    private static MenuItem plain(String text) {
        MenuItem item = new MenuItem(text);
        // File names have underscores: shown as they are, not read as mnemonics.
        item.setMnemonicParsing(false);
        return item;
    }

    /**
     * True while the button is disabled or hidden under {@code root} (its screen's own tab aside). The
     * chain of parents is followed again whenever one of them changes: a screen not shown yet gets its
     * controls' inner parents (a tool bar's, a scroll pane's) only when it is first styled.
     */
    private static BooleanBinding unusable(ButtonBase button, Node root) {
        return new BooleanBinding() {
            private final java.util.Set<Node> watched =
                    java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

            {
                bind(button.disabledProperty());
            }

            @Override
            protected boolean computeValue() {
                boolean off = button.isDisabled();
                for (Node n = button; n != null && n != root; n = n.getParent()) {
                    if (watched.add(n)) {
                        bind(n.visibleProperty(), n.parentProperty());
                    }
                    off |= !n.isVisible();
                }
                return off;
            }
        };
    }

    private Tab screen(String viewId) {
        return tabs.getTabs().stream().filter(t -> screenOf(t) != null && viewId.equals(screenOf(t).getId()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no screen with the id " + viewId));
    }

    /** The screen a tab shows, also before its first selection puts it in the tab (see MainWindow). */
    public static Node screenOf(Tab tab) {
        if (tab == null) {
            return null;
        }
        return tab.getContent() != null ? tab.getContent() : tab.getUserData() instanceof Node n ? n : null;
    }

    private static ButtonBase button(Node root, String id) {
        return (ButtonBase) find(root, id);
    }

    private static Node find(Node root, String id) {
        Node n = root.lookup("#" + id);
        if (n == null) {
            n = findBeforeStyling(root, id);
        }
        if (n == null) {
            throw new IllegalStateException("the menus need #" + id + " in " + root.getId());
        }
        return n;
    }

    /**
     * {@link Node#lookup} also inside controls whose children come with their skin, made when the screen is
     * first styled: a tool bar's items, a scroll or titled pane's content, a split pane's items.
     */
    private static Node findBeforeStyling(Node node, String id) {
        if (id.equals(node.getId())) {
            return node;
        }
        List<? extends Node> inside = switch (node) {
            case javafx.scene.control.ToolBar t -> t.getItems();
            case javafx.scene.control.ScrollPane p -> p.getContent() == null ? List.of() : List.of(p.getContent());
            case javafx.scene.control.TitledPane p -> p.getContent() == null ? List.of() : List.of(p.getContent());
            case javafx.scene.control.SplitPane p -> p.getItems();
            case javafx.scene.control.ButtonBar b -> b.getButtons();
            case javafx.scene.Parent p -> p.getChildrenUnmodifiable();
            default -> List.of();
        };
        for (Node child : inside) {
            Node found = findBeforeStyling(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
