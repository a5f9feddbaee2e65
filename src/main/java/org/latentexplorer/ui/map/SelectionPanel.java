package org.latentexplorer.ui.map;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.latentexplorer.ui.shell.ErrorReporter;
import org.latentexplorer.ui.shell.FileDialogs;

/**
 * The selection's tab under the map: how many, their labels and clusters, what to do with them, and a
 * gallery of their images (hover a tile to see it beside the map).
 */
final class SelectionPanel extends VBox {
    private final TileGallery gallery = new TileGallery();

    /**
     * @param setGroup makes the selection attribute group A ({@code true}) or B
     */
    SelectionPanel(SelectionViewModel vm, Consumer<Boolean> setGroup, ErrorReporter errors, FileDialogs dialogs) {
        super(4);
        setId("selection-panel");
        setPadding(new Insets(6));
        Label summary = new Label();
        summary.setId("selection-count");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setStyle("-fx-font-weight: bold;");
        summary.setPrefWidth(150);

        Button clear = button("selection-clear", "Clear", "Select nothing (Esc, or a click on empty space)",
                vm::clear, errors);
        Button invert = button("selection-invert", "Invert", "Select every shown point that is not selected",
                vm::invert, errors);
        Button isolate = button("selection-isolate", "", "Show only the selected points on the map, or all again",
                () -> {
                    if (vm.map().isolatedProperty().get()) {
                        vm.showAll();
                    } else {
                        vm.isolate();
                    }
                }, errors);
        isolate.textProperty().bind(vm.map().isolatedProperty().map(i -> i ? "Show all" : "Isolate"));
        Button alone = button("selection-reproject", "Lay out alone",
                "Run the map's projection on the selected codes only, and show only them", vm::reprojectAlone, errors);
        Button csv = button("selection-export-csv", "CSV…", "The selected points: index, label, cluster, x, y, z1…zd",
                () -> dialogs.save("Export the selection", "selection.csv", "csv").ifPresent(vm::exportCsv), errors);
        Button png = button("selection-export-png", "Gallery PNG…", "The selected images as one picture of tiles",
                () -> dialogs.save("Export the selected images", "selection.png", "png").ifPresent(vm::exportGallery),
                errors);
        Button a = button("selection-group-a", "Set as A", "Group A of an attribute direction: the selection",
                () -> setGroup.accept(true), errors);
        Button b = button("selection-group-b", "Set as B", "Group B of an attribute direction: the selection",
                () -> setGroup.accept(false), errors);
        // Invert with nothing selected selects every shown point.
        for (Button x : new Button[] {clear, alone, csv, png, a, b}) {
            x.disableProperty().bind(vm.countProperty().isEqualTo(0));
        }
        isolate.disableProperty().bind(vm.countProperty().isEqualTo(0).and(vm.map().isolatedProperty().not()));
        // One row across the tab while the window is wide enough, wrapping when not: the gallery keeps the width.
        FlowPane actions = new FlowPane(4, 4, summary, clear, invert, isolate, alone, csv, png, a, b);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        for (javafx.scene.Node n : actions.getChildren()) {
            ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }

        // Labels and clusters one above the other, so each bar has the column's width.
        HistogramBars labels = new HistogramBars("selection-labels", "By label", vm.labelBars());
        HistogramBars clusters = new HistogramBars("selection-clusters", "By cluster", vm.clusterBars());
        VBox histograms = new VBox(8, labels, clusters);
        // What the map is coloured by comes first.
        vm.map().colouringProperty().addListener((o, x, c) -> histograms.getChildren().setAll(
                c == MapViewModel.Colouring.CLUSTER ? java.util.List.of(clusters, labels) : java.util.List.of(labels, clusters)));
        histograms.setPadding(new Insets(0, 4, 0, 0));
        ScrollPane histogramScroll = scroll(histograms, 200);

        gallery.setId("selection-gallery");
        gallery.setPrefSize(400, 150);
        Label hovered = new Label(" ");
        hovered.setId("selection-gallery-hovered");
        hovered.setStyle("-fx-font-size: 11px; -fx-text-fill: #555;");
        gallery.setOnHover(i -> {
            hovered.setText(i < 0 ? " " : vm.describe(i));
            // The side panel beside the map shows the tile's image and reconstruction, as a hover on the map does.
            vm.map().hover(i);
        });
        Label hint = new Label("Click a point, shift-drag a box, alt-drag a lasso, or search (label or #index):"
                + " the selected images appear here");
        hint.setId("selection-hint");
        hint.setWrapText(true);
        hint.setStyle("-fx-text-fill: #777;");
        hint.setMouseTransparent(true);
        hint.visibleProperty().bind(vm.countProperty().isEqualTo(0));
        javafx.scene.layout.StackPane galleryBox = new javafx.scene.layout.StackPane(gallery, hint);
        javafx.scene.layout.StackPane.setAlignment(hint, javafx.geometry.Pos.CENTER);
        VBox right = new VBox(2, galleryBox, hovered);
        VBox.setVgrow(galleryBox, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox below = new HBox(8, histogramScroll, right);
        VBox.setVgrow(below, Priority.ALWAYS);
        getChildren().addAll(actions, below);

        vm.shownProperty().addListener((o, x, sel) -> gallery.show(sel, vm::image, vm.shape()));
        gallery.show(vm.shownProperty().get(), vm::image, vm.shape());
    }

    private static ScrollPane scroll(javafx.scene.Node content, double width) {
        ScrollPane sp = new ScrollPane(content);
        sp.setFitToWidth(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sp.setMinWidth(width);
        sp.setPrefWidth(width);
        sp.setStyle("-fx-background-color: transparent;");
        return sp;
    }

    TileGallery gallery() {
        return gallery;
    }

    /** A button whose action's refusal ("nothing is selected") is shown to the user, not thrown away. */
    static Button button(String id, String text, String tip, Runnable action, ErrorReporter errors) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> {
            try {
                action.run();
            } catch (RuntimeException ex) {
                errors.error(tip, ErrorReporter.describe(ex));
            }
        });
        return b;
    }
}
