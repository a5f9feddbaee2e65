package org.latentexplorer.ui.map;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * A horizontal bar per group (label or cluster) in its colour, longest = {@link #WIDTH} pixels, with its
 * name and count: a row per group that has selected points, so at most one per class or cluster.
 */
final class HistogramBars extends VBox {
    private static final double WIDTH = 64;

    HistogramBars(String id, String title, ObservableList<SelectionViewModel.Bar> bars) {
        super(0);
        setId(id);
        Label heading = new Label(title);
        heading.setStyle("-fx-font-weight: bold;");
        bars.addListener((ListChangeListener<SelectionViewModel.Bar>) c -> fill(heading, bars));
        fill(heading, bars);
    }

    private void fill(Label heading, ObservableList<SelectionViewModel.Bar> bars) {
        getChildren().setAll(heading);
        int max = bars.stream().mapToInt(SelectionViewModel.Bar::count).max().orElse(1);
        int total = bars.stream().mapToInt(SelectionViewModel.Bar::count).sum();
        for (SelectionViewModel.Bar b : bars) {
            Label name = new Label(b.name());
            name.setMinWidth(48);
            name.setPrefWidth(48);
            name.setStyle("-fx-font-size: 10px;");
            name.setTooltip(new javafx.scene.control.Tooltip(b.name() + ": " + b.count()));
            int c = b.argb();
            Rectangle bar = new Rectangle(Math.max(1, WIDTH * b.count() / max), 9,
                    Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF));
            Label n = new Label(b.count() + (total > 0 ? String.format(java.util.Locale.ROOT, "  %.0f%%",
                    100.0 * b.count() / total) : ""));
            n.setStyle("-fx-font-size: 10px; -fx-text-fill: #555;");
            n.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox row = new HBox(4, name, bar, n);
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }
        setVisible(!bars.isEmpty());
        setManaged(!bars.isEmpty());
    }
}
