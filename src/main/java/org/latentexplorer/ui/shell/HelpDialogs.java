package org.latentexplorer.ui.shell;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.latentexplorer.common.AppVersion;
import org.latentexplorer.platform.Natives;
import org.latentexplorer.ui.manifold.ManifoldView;
import org.latentexplorer.ui.map.MapView;

/** Help → Keyboard shortcuts and Help → About, both owned by the main window. */
public final class HelpDialogs {
    static final String DESCRIPTION = "Train, load and explore variational autoencoders.";
    static final String CREDITS = "Built on OpenJFX (GPL 2 with the Classpath Exception), Eclipse Deeplearning4j "
            + "ND4J and SameDiff (Apache 2.0), Smile (GPL 3), ONNX Runtime (MIT), OpenBLAS and ARPACK-NG (BSD), "
            + "ControlsFX (BSD), picocli, Jackson and MFL (Apache 2.0). Embedded data: MNIST (Y. LeCun, C. Cortes, "
            + "C. J. C. Burges; CC BY-SA 3.0) and Fashion-MNIST (Zalando Research; MIT); see assets/README.md.";

    private final Stage owner;
    private final List<Shortcut> shortcuts;
    private Dialog<Void> shortcutsDialog;

    HelpDialogs(Stage owner, List<Shortcut> shortcuts) {
        this.owner = owner;
        this.shortcuts = shortcuts;
    }

    /**
     * The keys of the menus, from the list they were installed from, and what the mouse and keys do on
     * the map and the manifold. It does not block: it can stay open while the keys are tried.
     */
    public void showShortcuts() {
        if (shortcutsDialog != null && shortcutsDialog.isShowing()) {
            ((Stage) shortcutsDialog.getDialogPane().getScene().getWindow()).toFront();
            return;
        }
        GridPane grid = new GridPane(16, 3);
        grid.setId("shortcuts-table");
        int row = 0;
        String menu = null;
        for (Shortcut s : shortcuts) {
            if (!s.menu().equals(menu)) {
                menu = s.menu();
                Label title = heading(menu);
                GridPane.setMargin(title, new Insets(row == 0 ? 0 : 8, 0, 0, 0));
                grid.add(title, 0, row++, 2, 1);
            }
            Label keys = new Label(s.keysText());
            // Bold in the text font: a monospaced 0 and O look alike (Shortcut+0 fits the map, +O opens).
            keys.setStyle("-fx-font-weight: bold;");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(keys, 0, row);
            grid.add(new Label(s.action()), 1, row++);
        }
        Label screens = heading("On the screens");
        GridPane.setMargin(screens, new Insets(8, 0, 0, 0));
        grid.add(screens, 0, row++, 2, 1);
        grid.add(new Label("Latent map"), 0, row);
        grid.add(new Label(MapView.GESTURES), 1, row++);
        grid.add(new Label("Manifold"), 0, row);
        grid.add(new Label(ManifoldView.GESTURES), 1, row++);
        if (!System.getProperty("os.name", "").startsWith("Mac")) {
            // JavaFX's own keys for a menu bar in the window (macOS has the screen's menu bar instead).
            grid.add(new Label("Menus"), 0, row);
            grid.add(new Label("Alt or F10: to the menu bar, then the arrows and Enter\n"
                    + "Alt with an underlined letter: that menu"), 1, row++);
        }
        grid.setPadding(new Insets(4, 8, 4, 4));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background-color: transparent;");

        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.initModality(Modality.NONE);
        d.setTitle("Keyboard shortcuts");
        d.setHeaderText("Keyboard shortcuts of Latent Explorer");
        d.getDialogPane().setId("shortcuts-dialog");
        d.getDialogPane().setContent(scroll);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.setResizable(true);
        shortcutsDialog = d;
        d.show();
    }

    /** The program, its version, what it runs on, and the credits. */
    public void showAbout() {
        Label description = new Label(DESCRIPTION);
        TextArea details = new TextArea(details());
        details.setId("about-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(11);
        details.setPrefColumnCount(60);
        Label credits = new Label(CREDITS);
        credits.setId("about-credits");
        credits.setWrapText(true);
        // As wide as the details above, however long the line.
        credits.setPrefWidth(200);
        credits.setMaxWidth(Double.MAX_VALUE);
        credits.setStyle("-fx-text-fill: #555;");
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("About Latent Explorer");
        d.setHeaderText(title());
        d.getDialogPane().setId("about-dialog");
        d.getDialogPane().setContent(new VBox(8, description, details, credits));
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.show();
    }

    static String title() {
        return "Latent Explorer " + AppVersion.version();
    }

    /** Versions and native builds, one per line: selectable, to paste into a bug report. */
    static String details() {
        StringBuilder b = new StringBuilder();
        b.append(title()).append('\n');
        b.append("Java ").append(System.getProperty("java.runtime.version")).append(" (")
                .append(System.getProperty("java.vendor")).append(", ").append(System.getProperty("java.vm.name"))
                .append(")\n");
        b.append("JavaFX ").append(System.getProperty("javafx.runtime.version", "unknown")).append('\n');
        b.append(Natives.current().map(r -> "Natives: " + r.platform() + ", ND4J build "
                + r.nd4j().name().toLowerCase(Locale.ROOT) + " (" + r.platform() + r.nd4j().extension() + ")\n"
                + r.maths()).orElse("Natives: not loaded")).append('\n');
        b.append("System: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" processors, ")
                .append(Runtime.getRuntime().maxMemory() >> 20).append(" MiB heap at most");
        return b.toString();
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
        return l;
    }
}
