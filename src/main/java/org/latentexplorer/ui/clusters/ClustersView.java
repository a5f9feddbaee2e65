package org.latentexplorer.ui.clusters;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.latentexplorer.sample.FittedMixture;
import org.latentexplorer.ui.common.IntegerSpinner;
import org.latentexplorer.ui.common.Images;
import org.latentexplorer.ui.common.Palette;
import org.latentexplorer.ui.common.Raster;
import org.latentexplorer.ui.shell.FileDialogs;

/**
 * The Clusters screen: a gallery of clusters on the left (centre, samples, size, purity, majority
 * label), a grid of samples from the selected clusters on the right, and for a plain VAE an offer to
 * fit k-means to its codes. Click a cluster to select it, ctrl- or shift-click to add it.
 */
public final class ClustersView extends BorderPane {
    private static final String CARD = "-fx-padding: 4; -fx-background-radius: 4; -fx-border-radius: 4; -fx-border-width: 2;";
    private static final String SELECTED = CARD + "-fx-background-color: #e8f0fb; -fx-border-color: #4e79a7;";
    private static final String PLAIN = CARD + "-fx-background-color: transparent; -fx-border-color: transparent;";
    private final ClustersViewModel vm;
    private final FileDialogs files;
    private final VBox gallery = new VBox(2);
    private final ImageView gridView = Images.pixelView(560);
    private final Label caption = new Label();
    private final GridPane headerRow = new GridPane();
    private final TextField nameField = new TextField();
    private Runnable onGridDrawn = () -> { };
    private PixelBuffer<IntBuffer> gridBuffer;
    private WritableImage gridImage;
    private int[] gridPixels;

    public ClustersView(ClustersViewModel vm, FileDialogs files) {
        this.vm = vm;
        this.files = files;
        setId("clusters-view");
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        summary.setId("clusters-summary");
        // The "no clusters" pane says the same thing in the middle of the screen.
        summary.visibleProperty().bind(vm.stateProperty().isNotEqualTo(ClustersViewModel.State.NO_CLUSTERS));
        summary.managedProperty().bind(summary.visibleProperty());
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setId("clusters-message");
        message.setStyle("-fx-text-fill: #8a4b00;");
        VBox top = new VBox(2, summary, message);
        top.setPadding(new Insets(6, 8, 4, 8));
        setTop(top);

        Node ready = readyPane();
        Node fit = fitPane();
        StackPane centre = new StackPane(ready, fit);
        ready.visibleProperty().bind(vm.stateProperty().isEqualTo(ClustersViewModel.State.READY));
        fit.visibleProperty().bind(vm.stateProperty().isEqualTo(ClustersViewModel.State.NO_CLUSTERS));
        setCenter(centre);

        vm.rows().addListener((javafx.collections.ListChangeListener<ClusterRow>) c -> rebuildCards());
        vm.selection().addListener((javafx.collections.ListChangeListener<Integer>) c -> restyleCards());
        vm.gridProperty().addListener((o, a, g) -> showGrid(g));
    }

    /** Called after a new sample grid has been put on screen (benchmarks). */
    public void setOnGridDrawn(Runnable action) {
        onGridDrawn = action;
    }

    private Node readyPane() {
        ScrollPane scroll = new ScrollPane(gallery);
        scroll.setFitToWidth(true);
        scroll.setId("cluster-gallery");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        nameField.setPromptText("name for the selected cluster");
        nameField.setId("cluster-name");
        nameField.disableProperty().bind(javafx.beans.binding.Bindings.size(vm.selection()).isNotEqualTo(1));
        Button rename = new Button("Rename");
        rename.setId("cluster-rename");
        rename.disableProperty().bind(nameField.disableProperty());
        Runnable doRename = () -> {
            if (vm.selection().size() == 1 && vm.rename(vm.selection().get(0), nameField.getText())) {
                nameField.clear();
            }
        };
        rename.setOnAction(e -> doRename.run());
        nameField.setOnAction(e -> doRename.run());
        HBox.setHgrow(nameField, Priority.ALWAYS);
        Button csv = new Button("Export table (CSV)…");
        csv.setId("cluster-export-csv");
        csv.setOnAction(e -> files.save("Export the cluster table", "clusters.csv", "csv").ifPresent(vm::exportCsv));
        VBox left = new VBox(6, scroll, new HBox(4, nameField, rename), csv);
        left.setPadding(new Insets(0, 4, 6, 8));
        left.setMinWidth(300);

        ChoiceBox<ClustersViewModel.Mode> mode = new ChoiceBox<>();
        mode.getItems().setAll(ClustersViewModel.Mode.values());
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        vm.hasWProperty().addListener((o, a, w) -> {
            // Replacing the items clears the choice (and through the binding the ViewModel's mode): put it back.
            ClustersViewModel.Mode keep = vm.modeProperty().get();
            mode.getItems().setAll(w ? List.of(ClustersViewModel.Mode.values())
                    : List.of(ClustersViewModel.Mode.SAMPLES, ClustersViewModel.Mode.FIX_W_VARY_Y));
            mode.setValue(mode.getItems().contains(keep) ? keep : ClustersViewModel.Mode.SAMPLES);
        });
        mode.setId("cluster-mode");
        Slider t = new Slider(0, 2, 1);
        t.setId("cluster-temperature");
        t.setPrefWidth(140);
        // Sample on release and on keyboard steps, not on every pixel of a drag (LatestWins coalesces anyway).
        t.valueProperty().addListener((o, a, b) -> {
            if (!t.isValueChanging()) {
                vm.temperatureProperty().set(b.doubleValue());
            }
        });
        t.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.temperatureProperty().set(t.getValue());
            }
        });
        // The ViewModel resets the temperature for another model: the slider shows it.
        vm.temperatureProperty().addListener((o, a, b) -> {
            if (t.getValue() != b.doubleValue()) {
                t.setValue(b.doubleValue());
            }
        });
        Label tValue = new Label();
        tValue.textProperty().bind(t.valueProperty().map(v -> String.format(Locale.ROOT, "T = %.2f", v.doubleValue())));
        tValue.setMinWidth(56);
        Button reseed = new Button("Reseed");
        reseed.setId("cluster-reseed");
        reseed.setOnAction(e -> vm.reseed());
        Button png = new Button("Export PNG…");
        png.setId("cluster-export-png");
        png.setOnAction(e -> files.save("Export the sample grid", "cluster-samples.png", "png").ifPresent(vm::exportPng));
        png.disableProperty().bind(vm.gridProperty().isNull());
        HBox sliders = new HBox(6, new Label("Temperature"), t, tValue, reseed, png);
        sliders.setAlignment(Pos.CENTER_LEFT);
        for (Node n : sliders.getChildren()) {
            if (n instanceof Region r && !(n instanceof Slider)) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        mode.setMaxWidth(Double.MAX_VALUE);
        VBox controls = new VBox(4, mode, sliders);

        Label hint = new Label("Click a cluster to sample from it; ctrl-click to add more clusters.");
        hint.visibleProperty().bind(vm.gridProperty().isNull());
        gridView.setId("cluster-grid");
        headerRow.setId("cluster-grid-headers");
        headerRow.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.columnHeaders()));
        headerRow.managedProperty().bind(headerRow.visibleProperty());
        vm.columnHeaders().addListener((javafx.collections.ListChangeListener<String>) c -> rebuildHeaders());
        gridView.layoutBoundsProperty().addListener((o, a, b) -> sizeHeaders());
        VBox headedGrid = new VBox(2, headerRow, gridView);
        headedGrid.setAlignment(Pos.CENTER);
        headedGrid.setFillWidth(false); // the headers as wide as the image, not the pane
        StackPane gridBox = new StackPane(headedGrid, hint);
        gridBox.setMinSize(100, 100);
        VBox.setVgrow(gridBox, Priority.ALWAYS);
        // The grid fills the space it has (less the headers' row), keeping whole screen pixels per image pixel where it can.
        gridView.fitWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(gridBox.getWidth(), gridBox.getHeight()
                        - (headerRow.isVisible() ? headerRow.getHeight() + headedGrid.getSpacing() : 0)) - 8,
                gridBox.widthProperty(), gridBox.heightProperty(), headerRow.heightProperty(), headerRow.visibleProperty()));
        gridView.fitHeightProperty().bind(gridView.fitWidthProperty());
        caption.setStyle("-fx-text-fill: #555;");
        VBox right = new VBox(6, controls, caption, gridBox);
        right.setPadding(new Insets(0, 8, 6, 4));

        SplitPane split = new SplitPane(left, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.34);
        return split;
    }

    private Node fitPane() {
        Label text = new Label();
        text.textProperty().bind(vm.summaryProperty());
        text.setWrapText(true);
        text.setMaxWidth(520);
        // Letters or an empty field keep the last good K with a message, instead of an exception.
        IntegerSpinner k = new IntegerSpinner("K", 2, 100, vm.fitKProperty().get());
        k.setPrefWidth(80);
        k.valueProperty().addListener((o, a, b) -> vm.fitKProperty().set(b));
        k.setId("cluster-k");
        Button fit = new Button("Fit clusters to codes");
        fit.setId("cluster-fit");
        fit.setDefaultButton(true);
        fit.setOnAction(e -> vm.fitClusters());
        ComboBox<FittedMixture.Method> method = new ComboBox<>();
        method.setId("cluster-method");
        method.getItems().setAll(FittedMixture.Method.values());
        method.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(FittedMixture.Method m) {
                return m == null ? "" : switch (m) {
                    case KMEANS -> "k-means";
                    case GMM -> "Gaussian mixture (diagonal)";
                    case GMM_FULL -> "Gaussian mixture (full)";
                };
            }

            @Override
            public FittedMixture.Method fromString(String s) {
                return s.startsWith("k") ? FittedMixture.Method.KMEANS
                        : s.contains("full") ? FittedMixture.Method.GMM_FULL : FittedMixture.Method.GMM;
            }
        });
        method.valueProperty().bindBidirectional(vm.fitMethodProperty());
        method.setTooltip(new javafx.scene.control.Tooltip("k-means (Lloyd, k-means++ start), or a Gaussian mixture "
                + "with diagonal or full covariances fitted by EM from the k-means start (Bishop 2006, §9.2)"));
        HBox row = new HBox(8, method, new Label("K"), k, fit);
        row.setAlignment(Pos.CENTER);
        VBox box = new VBox(14, new Label("No clusters"), text, row);
        box.getChildren().get(0).setStyle("-fx-font-size: 16; -fx-font-weight: bold;");
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(560);
        return box;
    }

    private void rebuildCards() {
        gallery.getChildren().clear();
        for (ClusterRow r : vm.rows()) {
            gallery.getChildren().add(card(r));
        }
        restyleCards();
    }

    private Node card(ClusterRow r) {
        var shape = vm.shape();
        Rectangle chip = new Rectangle(6, 56, Palette.clusterColor(r.index()));
        ImageView centre = Images.pixelView(56);
        centre.setImage(Raster.image(r.centre(), shape));
        HBox samples = new HBox(1);
        for (float[] s : r.samples()) {
            ImageView v = Images.pixelView(28);
            v.setImage(Raster.image(s, shape));
            samples.getChildren().add(v);
        }
        Label name = new Label(r.index() + " · " + r.name());
        name.setStyle("-fx-font-weight: bold;");
        StringBuilder stats = new StringBuilder();
        if (r.size() >= 0) {
            stats.append(r.size()).append(" examples");
        }
        if (!Double.isNaN(r.purity())) {
            stats.append(String.format(Locale.ROOT, " · %.0f%% pure", 100 * r.purity()));
        }
        Label figures = new Label(stats.toString());
        figures.setStyle("-fx-text-fill: #555;");
        VBox text = new VBox(2, name, samples, figures);
        if (r.majority() != null) {
            Label majority = new Label("mostly " + r.majority());
            majority.setStyle("-fx-text-fill: #555;");
            text.getChildren().add(majority);
        }
        HBox card = new HBox(6, chip, centre, text);
        card.setAlignment(Pos.CENTER_LEFT);
        card.setId("cluster-card-" + r.index());
        card.setUserData(r.index());
        card.setOnMouseClicked(e -> {
            if (e.isShortcutDown() || e.isShiftDown()) {
                vm.toggle(r.index());
            } else {
                vm.select(List.of(r.index()));
            }
            if (vm.selection().size() == 1) {
                nameField.setText(r.name());
            }
        });
        return card;
    }

    /**
     * One label per column of the grid, naming its cluster (the full name in a tooltip when it is cut
     * short). Columns by percentage: labels of a fractional width each would be rounded up one by one
     * and the row would outgrow the image.
     */
    private void rebuildHeaders() {
        headerRow.getChildren().clear();
        headerRow.getColumnConstraints().clear();
        List<String> headers = vm.columnHeaders();
        for (int c = 0; c < headers.size(); c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / headers.size());
            headerRow.getColumnConstraints().add(column);
            Label l = new Label(headers.get(c));
            l.setAlignment(Pos.CENTER);
            l.setMinWidth(0);
            l.setMaxWidth(Double.MAX_VALUE);
            l.setStyle("-fx-text-fill: #333;");
            l.setTooltip(new javafx.scene.control.Tooltip(headers.get(c)));
            headerRow.add(l, c, 0);
        }
        sizeHeaders();
    }

    /** The headers' row as wide as the image as shown (its columns are equal but for a one-pixel gap). */
    private void sizeHeaders() {
        double w = gridView.getLayoutBounds().getWidth();
        headerRow.setMinWidth(w);
        headerRow.setPrefWidth(w);
        headerRow.setMaxWidth(w);
    }

    private void restyleCards() {
        for (Node n : gallery.getChildren()) {
            ((Region) n).setStyle(vm.selection().contains((Integer) n.getUserData()) ? SELECTED : PLAIN);
        }
    }

    private void showGrid(SampleGrid g) {
        if (g == null) {
            gridView.setImage(null);
            caption.setText("");
            return;
        }
        if (gridImage == null || gridImage.getWidth() != g.width() || gridImage.getHeight() != g.height()) {
            // A new image only when the grid's size changes; a click draws into the same pixels.
            gridPixels = new int[g.width() * g.height()];
            IntBuffer pixels = ByteBuffer.allocateDirect(4 * gridPixels.length).order(ByteOrder.nativeOrder()).asIntBuffer();
            gridBuffer = new PixelBuffer<>(g.width(), g.height(), pixels, PixelFormat.getIntArgbPreInstance());
            gridImage = new WritableImage(gridBuffer);
        }
        g.drawInto(gridPixels);
        gridBuffer.updateBuffer(b -> {
            b.getBuffer().put(0, gridPixels);
            return null; // all of it changed
        });
        gridView.setImage(gridImage);
        caption.setText(g.caption());
        onGridDrawn.run();
    }

    GridPane headerRow() {
        return headerRow;
    }

    ImageView gridView() {
        return gridView;
    }

    Pane gallery() {
        return gallery;
    }
}
