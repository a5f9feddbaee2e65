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
final class SelectionPanel extends HBox {
    private final TileGallery gallery = new TileGallery();

    /**
     * @param setGroup makes the selection attribute group A ({@code true}) or B
     */
    SelectionPanel(SelectionViewModel vm, Consumer<Boolean> setGroup, ErrorReporter errors, FileDialogs dialogs) {
        super(10);
        setId("selection-panel");
        setPadding(new Insets(6));
        Label summary = new Label();
        summary.setId("selection-count");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.setStyle("-fx-font-weight: bold;");

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
        for (Button x : new Button[] {clear, invert, alone, csv, png, a, b}) {
            x.disableProperty().bind(vm.countProperty().isEqualTo(0));
        }
        invert.disableProperty().unbind();
        isolate.disableProperty().bind(vm.countProperty().isEqualTo(0).and(vm.map().isolatedProperty().not()));
        FlowPane actions = new FlowPane(4, 4, clear, invert, isolate, alone, csv, png, a, b);
        actions.setPrefWrapLength(300);

        HBox histograms = new HBox(12, new HistogramBars("selection-labels", "Labels", vm.labelBars()),
                new HistogramBars("selection-clusters", "Clusters", vm.clusterBars()));
        VBox left = new VBox(6, summary, actions, histograms);
        left.setPrefWidth(330);
        left.setMinWidth(330);
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        leftScroll.setMinWidth(345);
        leftScroll.setPrefWidth(345);

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
        VBox right = new VBox(2, gallery, hovered);
        VBox.setVgrow(gallery, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(leftScroll, right);

        vm.shownProperty().addListener((o, x, sel) -> gallery.show(sel, vm::image, vm.shape()));
        gallery.show(vm.shownProperty().get(), vm::image, vm.shape());
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
