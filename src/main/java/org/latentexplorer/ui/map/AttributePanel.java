package org.latentexplorer.ui.map;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.latentexplorer.sample.Plane;
import org.latentexplorer.ui.common.Images;
import org.latentexplorer.ui.common.Raster;
import org.latentexplorer.ui.shell.ErrorReporter;

/**
 * Attribute directions: group A and group B (the selection, or a label each), the clicked point walked
 * from −2 to +2 times the vector from A to B as decoded images, and the direction as the map's x axis.
 */
final class AttributePanel extends VBox {
    private final AttributeViewModel vm;
    private final HBox strip = new HBox(4);

    AttributePanel(AttributeViewModel vm, ErrorReporter errors) {
        super(6);
        this.vm = vm;
        setId("attribute-panel");
        setPadding(new Insets(6));
        HBox groups = new HBox(16, group(true, errors), group(false, errors));
        groups.setAlignment(Pos.CENTER_LEFT);
        Label caption = new Label();
        caption.setId("attribute-caption");
        caption.setWrapText(true);
        caption.textProperty().bind(vm.captionProperty());
        Button axis = SelectionPanel.button("attribute-axis", "Use as map axis",
                "Lay the map out with x along the direction (A at 0) and y the principal axis of the rest",
                vm::useAsAxis, errors);
        axis.disableProperty().bind(vm.groupAProperty().isNull().or(vm.groupBProperty().isNull()));
        Button back = SelectionPanel.button("attribute-restore", "Back to the projection",
                "The map's own layout again", vm::restoreLayout, errors);
        back.disableProperty().bind(vm.mapProjection().map(p -> !AttributeViewModel.METHOD.equals(p.method()))
                .orElse(true));
        axis.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        back.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox actions = new HBox(6, axis, back, caption);
        actions.setAlignment(Pos.CENTER_LEFT);
        strip.setId("attribute-strip");
        strip.setPadding(new Insets(2));
        ScrollPane scroll = new ScrollPane(strip);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFitToHeight(true);
        getChildren().addAll(groups, actions, scroll);
        vm.walkProperty().addListener((o, a, w) -> fill(w));
        fill(vm.walkProperty().get());
    }

    /** "A: [Set from selection] or [label ▾]  seven (50 points)". */
    private HBox group(boolean a, ErrorReporter errors) {
        String n = a ? "A" : "B";
        Label title = new Label(n + ":");
        title.setStyle("-fx-font-weight: bold;");
        Button fromSelection = SelectionPanel.button("attribute-" + n.toLowerCase(java.util.Locale.ROOT) + "-selection",
                "Selection", "Group " + n + " is the points selected now", () -> vm.setFromSelection(a), errors);
        ComboBox<String> label = new ComboBox<>();
        label.setId("attribute-" + n.toLowerCase(java.util.Locale.ROOT) + "-label");
        label.setPromptText("or a label");
        label.setOnShowing(e -> {
            if (!label.getItems().equals(vm.labelNames())) {
                label.getItems().setAll(vm.labelNames());
            }
        });
        label.getItems().setAll(vm.labelNames());
        label.valueProperty().addListener((o, x, v) -> {
            int k = v == null ? -1 : vm.labelNames().indexOf(v);
            if (k >= 0) {
                try {
                    vm.setFromLabel(a, k);
                } catch (RuntimeException ex) {
                    errors.error("Could not set group " + n, ErrorReporter.describe(ex));
                }
            }
        });
        Label what = new Label();
        what.setId("attribute-" + n.toLowerCase(java.util.Locale.ROOT) + "-name");
        var group = a ? vm.groupAProperty() : vm.groupBProperty();
        what.textProperty().bind(group.map(g -> g.name() + (g.indices().length == 1 ? "" : " (" + g.indices().length
                + " points)")).orElse("not set"));
        // A group set from the selection is no longer the label shown in the box.
        group.addListener((o, x, g) -> {
            if (g != null && label.getValue() != null && !label.getValue().equals(g.name())) {
                label.setValue(null);
            }
        });
        fromSelection.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox box = new HBox(6, title, fromSelection, label, what);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void fill(AttributeViewModel.Walk w) {
        strip.getChildren().clear();
        if (w == null || vm.workspace() == null) {
            return;
        }
        for (int s = 0; s < w.images().length; s++) {
            ImageView v = Images.pixelView(56);
            v.setImage(Raster.image(w.images()[s], vm.workspace().model().config().inputShape()));
            double t = w.multiples()[s];
            Label l = new Label((t > 0 ? "+" : "") + Plane.formatValue(t));
            l.setStyle("-fx-font-size: 10px;" + (t == 0 ? " -fx-font-weight: bold;" : ""));
            VBox b = new VBox(1, v, l);
            b.setAlignment(Pos.CENTER);
            strip.getChildren().add(b);
        }
    }

    /** The tiles of the walk drawn now (tests). */
    int tiles() {
        return strip.getChildren().size();
    }
}
