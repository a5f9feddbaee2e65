package org.latentexplorer.ui.map;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.latentexplorer.embed.Neighbours.Metric;
import org.latentexplorer.ui.common.Images;
import org.latentexplorer.ui.common.IntegerSpinner;
import org.latentexplorer.ui.common.Raster;
import org.latentexplorer.ui.shell.Workspace;

/**
 * The clicked point's nearest neighbours in latent space as a strip of images with their distances; those
 * that are also among its nearest on the map are outlined in green, the others are the map's distortions.
 * Their places are ringed on the map. At most {@value NeighboursViewModel#MAX_K} tiles.
 */
final class NeighboursPanel extends VBox {
    static final String ON_MAP_STYLE = "-fx-border-color: #59a14f; -fx-border-width: 2; -fx-padding: 1;";
    static final String OFF_MAP_STYLE = "-fx-border-color: transparent; -fx-border-width: 2; -fx-padding: 1;";

    private final NeighboursViewModel vm;
    private final HBox strip = new HBox(6);

    NeighboursPanel(NeighboursViewModel vm) {
        super(6);
        this.vm = vm;
        setId("neighbours-panel");
        setPadding(new Insets(6));
        IntegerSpinner k = new IntegerSpinner("k", 1, NeighboursViewModel.MAX_K, vm.kProperty().get());
        k.setId("neighbours-k");
        k.setPrefWidth(80);
        k.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.kProperty().set(b);
            }
        });
        ChoiceBox<Metric> metric = new ChoiceBox<>();
        metric.setId("neighbours-metric");
        metric.getItems().setAll(Metric.values());
        metric.valueProperty().bindBidirectional(vm.metricProperty());
        Label note = new Label();
        note.setId("neighbours-faithfulness");
        note.setWrapText(true);
        note.textProperty().bind(vm.faithfulnessProperty().map(s -> s.isEmpty()
                ? "Click a point: its nearest neighbours in latent space appear here and are ringed on the map" : s));
        note.setTooltip(new Tooltip("How many of the point's neighbours in latent space the map keeps as neighbours:"
                + " k of k means the map is faithful around it (Lee & Verleysen 2009)"));
        Label kLabel = new Label("k");
        Label mLabel = new Label("distance");
        for (javafx.scene.layout.Region r : java.util.List.of(k, metric, kLabel, mLabel)) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox.setHgrow(note, javafx.scene.layout.Priority.ALWAYS);
        HBox controls = new HBox(6, kLabel, k, mLabel, metric, note);
        controls.setAlignment(Pos.CENTER_LEFT);
        strip.setId("neighbours-strip");
        strip.setPadding(new Insets(2));
        ScrollPane scroll = new ScrollPane(strip);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFitToHeight(true);
        getChildren().addAll(controls, scroll);
        vm.neighbours().addListener((ListChangeListener<NeighboursViewModel.Neighbour>) c -> fill());
        fill();
    }

    private void fill() {
        strip.getChildren().clear();
        Workspace w = vm.workspace();
        int p = vm.pointProperty().get();
        if (w == null || p < 0 || vm.neighbours().isEmpty()) {
            return;
        }
        strip.getChildren().add(tile(w, p, "clicked", "#" + p, ""));
        for (NeighboursViewModel.Neighbour n : vm.neighbours()) {
            VBox t = tile(w, n.index(), String.format(Locale.ROOT, "%.3g", n.distance()), "#" + n.index(),
                    n.onMap() ? ON_MAP_STYLE : OFF_MAP_STYLE);
            t.setId("neighbour-" + n.index());
            t.setCursor(Cursor.HAND);
            Tooltip.install(t, new Tooltip("#" + n.index() + label(w, n.index()) + ": distance "
                    + String.format(Locale.ROOT, "%.4g", n.distance()) + (n.onMap() ? ", also a neighbour on the map"
                    : ", not among the nearest on the map") + " · click to see its neighbours"));
            t.setOnMouseClicked(e -> vm.select(n.index()));
            strip.getChildren().add(t);
        }
    }

    private static String label(Workspace w, int i) {
        return w.dataset().hasLabels() && w.dataset().labels()[i] >= 0
                ? " (" + w.dataset().labelNames().get(w.dataset().labels()[i]) + ")" : "";
    }

    private VBox tile(Workspace w, int i, String top, String bottom, String style) {
        ImageView v = Images.pixelView(56);
        v.setImage(Raster.image(vm.image(i), w.dataset().shape()));
        VBox b = new VBox(1, small(top), v, small(bottom));
        b.setAlignment(Pos.CENTER);
        b.setStyle(style);
        return b;
    }

    private static Label small(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-size: 10px;");
        return l;
    }
}
