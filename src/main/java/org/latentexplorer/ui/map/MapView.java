package org.latentexplorer.ui.map;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.latentexplorer.ui.common.FrameTimes;
import org.latentexplorer.ui.common.Images;
import org.latentexplorer.ui.common.Raster;
import org.latentexplorer.ui.services.Projection;
import org.latentexplorer.ui.shell.ErrorReporter;
import org.latentexplorer.ui.shell.FileDialogs;
import org.latentexplorer.ui.shell.Workspace;

/**
 * The latent map: points drawn into an ARGB buffer shown by an ImageView, a Canvas on top for the
 * selection box or lasso, and a side panel with the legend, the hovered example and the probe.
 * Redraws happen at most once per pulse, when something changed.
 */
public final class MapView extends BorderPane {
    private enum Drag { NONE, PAN, BOX, LASSO }

    /** What the mouse does on the map (installMouse), for the side panel and Help → Keyboard shortcuts. */
    public static final String GESTURES = "Drag: pan · Wheel: zoom · Click: select\n"
            + "Shift-drag: box · Alt-drag: lasso\nEsc or a click on empty space: clear";

    private final MapViewModel vm;
    private final MapDrawer drawer;
    private final Pane plot = new Pane();
    /** The layout's values under the plot and left of it, with the axes' names (redrawn with each frame). */
    private final javafx.scene.canvas.Canvas xAxis = new javafx.scene.canvas.Canvas(10, 18);
    private final javafx.scene.canvas.Canvas yAxis = new javafx.scene.canvas.Canvas(46, 10);
    private final ImageView imageView = new ImageView();
    private final Canvas overlay = new Canvas();
    private final FrameTimes frames = new FrameTimes();
    private WritableImage image;
    private int[] buffer = new int[0];
    /** The image's pixels are {@link #buffer} itself: no copy or format conversion per frame. */
    private PixelBuffer<IntBuffer> pixels;
    private Viewport viewport;
    private boolean dirty;
    private boolean needsFit = true;
    /** While true, every new layout of a running projection is fitted to the view: until the user pans or zooms. */
    private boolean followLayout = true;
    private Runnable onFirstDraw;
    private Drag drag = Drag.NONE;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    /** True once the mouse went 4 pixels from where it was pressed: a lasso that ends where it began is no click. */
    private boolean moved;
    private final List<double[]> lasso = new ArrayList<>();
    private List<MapViewModel.LegendEntry> legendShown = List.of();
    private boolean legendByCluster;

    public MapView(MapViewModel vm, ErrorReporter errors, FileDialogs dialogs) {
        this(vm, null, errors, dialogs);
    }

    /** The map with {@code drawer} (the selection's, neighbours' and attribute tabs) under it, or none. */
    public MapView(MapViewModel vm, MapDrawer drawer, ErrorReporter errors, FileDialogs dialogs) {
        this.vm = vm;
        this.drawer = drawer;
        setId("map-view");
        plot.setId("map-plot");
        plot.setMinSize(200, 200);
        plot.setPrefSize(800, 600);
        plot.setCursor(Cursor.CROSSHAIR);
        plot.getChildren().addAll(imageView, overlay);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(plot.widthProperty());
        clip.heightProperty().bind(plot.heightProperty());
        plot.setClip(clip);
        overlay.setId("map-overlay");
        overlay.setMouseTransparent(true);
        // Shown only while a box or lasso is drawn: a full-size transparent canvas would be blended
        // over the points in every frame of a pan.
        overlay.setVisible(false);
        plot.widthProperty().addListener((o, a, b) -> resize());
        plot.heightProperty().addListener((o, a, b) -> resize());

        Label info = new Label();
        info.setId("projection-info");
        info.textProperty().bind(vm.projectionInfoProperty());
        // t-SNE's caption lists every parameter: it takes what the controls leave, wraps, and the
        // tooltip holds it whole, so the controls keep their labels.
        info.setWrapText(true);
        info.setMinWidth(0);
        info.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(info, Priority.ALWAYS);
        Tooltip infoTip = new Tooltip();
        infoTip.textProperty().bind(vm.projectionInfoProperty());
        info.setTooltip(infoTip);
        ComboBox<String> method = new ComboBox<>(vm.methods());
        method.setId("map-method");
        method.valueProperty().bindBidirectional(vm.methodProperty());
        method.setTooltip(new Tooltip("Projection of codes with d > 2"));
        Button rerun = new Button("Project");
        rerun.setId("map-project");
        rerun.setOnAction(e -> vm.reproject());
        // With d ≤ 2 the codes are the layout: no method to pick, but Project goes back to it from another
        // layout (an attribute direction's).
        method.disableProperty().bind(vm.projectionInfoProperty().map(s -> s.startsWith("identity")
                || vm.workspace() != null && vm.workspace().model().latentDim() <= 2));
        rerun.disableProperty().bind(vm.projectionInfoProperty().map(s -> s.startsWith("identity")));
        TextField find = new TextField();
        find.setId("map-find");
        find.setPromptText("label or #index");
        find.setPrefColumnCount(9);
        find.textProperty().bindBidirectional(vm.searchTextProperty());
        find.setOnAction(e -> {
            try {
                vm.find(find.getText());
            } catch (RuntimeException ex) {
                errors.error("Nothing found", ErrorReporter.describe(ex));
            }
        });
        Button parameters = new Button("⚙");
        parameters.setId("map-parameters");
        parameters.setTooltip(new Tooltip("Parameters of t-SNE or UMAP…"));
        parameters.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.methodProperty().get() == null || ProjectionParameters.of(vm.methodProperty().get()).isEmpty()
                        || method.isDisable(), vm.methodProperty(), method.disableProperty()));
        parameters.setOnAction(e -> new ProjectionParametersDialog(getScene().getWindow(), vm.methodProperty().get(),
                vm.parameters(vm.methodProperty().get())).ask().ifPresent(values -> {
                    vm.parameters(vm.methodProperty().get()).putAll(values);
                    vm.reproject();
                }));
        Button pause = new Button();
        pause.setId("map-pause");
        pause.textProperty().bind(vm.pausedProperty().map(p -> p ? "Resume" : "Pause"));
        pause.visibleProperty().bind(vm.projectingProperty());
        pause.managedProperty().bind(pause.visibleProperty());
        pause.setOnAction(e -> vm.setPaused(!vm.pausedProperty().get()));
        Button fit = new Button("Fit");
        fit.setId("map-fit");
        fit.setOnAction(e -> {
            needsFit = true;
            requestRender();
        });
        Button png = new Button("PNG…");
        png.setId("map-export-png");
        png.setTooltip(new Tooltip("The map as a picture at a size you choose, with axes, legend and caption"));
        png.setOnAction(e -> new MapPictureSizeDialog(getScene().getWindow()).showAndWait().ifPresent(size ->
                dialogs.save("Export map", "map.png", "png").ifPresent(f -> vm.exportPng(f, viewport, size[0], size[1]))));
        Button export = new Button("Export CSV…");
        export.setId("map-export");
        export.setOnAction(e -> dialogs.save("Export codes", "codes.csv", "csv").ifPresent(vm::exportCsv));
        // A control narrower than its label would show "…" instead of what it does.
        for (Region r : List.of(method, parameters, rerun, pause, find, fit, export, png)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, info, method, parameters, rerun, pause, find, fit, export, png);
        bar.setId("map-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        setTop(bar);
        xAxis.setId("map-x-axis");
        yAxis.setId("map-y-axis");
        // The strips never ask for room of their own: the plot decides the size, they follow it.
        xAxis.setManaged(true);
        BorderPane framed = new BorderPane(plot);
        javafx.scene.layout.HBox bottom = new javafx.scene.layout.HBox(xAxis);
        bottom.setPadding(new Insets(0, 0, 0, yAxis.getWidth()));
        framed.setBottom(bottom);
        framed.setLeft(yAxis);
        if (drawer == null) {
            setCenter(framed);
        } else {
            javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(framed, drawer);
            split.setId("map-split");
            split.setOrientation(javafx.geometry.Orientation.VERTICAL);
            split.setDividerPositions(0.7);
            javafx.scene.control.SplitPane.setResizableWithParent(drawer, false);
            drawer.setMinHeight(120);
            setCenter(split);
        }
        // Esc lets go of the selection, as a click on empty space does (controls that use Esc keep it).
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                vm.click(-1, false);
                e.consume();
            }
        });
        setRight(sidePanel());

        vm.revisionProperty().addListener((o, a, b) -> requestRender());
        vm.layoutRunProperty().addListener((o, a, b) -> followLayout = true);
        // Isolating a selection (or showing all again) frames what is now shown.
        vm.isolatedProperty().addListener((o, a, b) -> {
            needsFit = true;
            requestRender();
        });
        vm.projectionProperty().addListener((o, a, p) -> {
            if (followLayout || a == null || p == null || a.size() != (p == null ? 0 : p.size())
                    || !a.method().equals(p.method())) {
                needsFit = true;
            }
            requestRender();
        });
        installMouse();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                // Behind another tab the map waits: it draws when it is shown again.
                if (dirty && shown()) {
                    dirty = false;
                    render();
                }
            }
        }.start();
    }

    /** True when the map is in a window and neither it nor a parent is hidden (another tab is selected). */
    private boolean shown() {
        for (javafx.scene.Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return getScene() != null;
    }

    private Region sidePanel() {
        VBox legendBox = new VBox(2);
        legendBox.setId("map-legend");
        vm.legend().addListener((javafx.collections.ListChangeListener<MapViewModel.LegendEntry>) c -> fillLegend(legendBox));
        fillLegend(legendBox);
        ChoiceBox<MapViewModel.Colouring> colouring = new ChoiceBox<>();
        colouring.getItems().setAll(MapViewModel.Colouring.values());
        colouring.valueProperty().bindBidirectional(vm.colouringProperty());
        colouring.setId("map-colouring");
        Label note = new Label();
        note.setId("map-cluster-note");
        note.setWrapText(true);
        note.setStyle("-fx-text-fill: #555; -fx-font-size: 11px;");
        note.textProperty().bind(vm.clusterNoteProperty());
        note.visibleProperty().bind(vm.clusterNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        Button fitClusters = new Button("Fit k-means to the codes");
        fitClusters.setId("map-fit-clusters");
        fitClusters.setOnAction(e -> vm.clusters().requestFit());
        fitClusters.visibleProperty().bind(vm.clusters().fittableProperty()
                .and(vm.colouringProperty().isEqualTo(MapViewModel.Colouring.CLUSTER)));
        fitClusters.managedProperty().bind(fitClusters.visibleProperty());

        ImageView original = Images.pixelView(96);
        original.setId("hover-image");
        ImageView recon = Images.pixelView(96);
        recon.setId("hover-reconstruction");
        Label hoverText = new Label("Hover a point");
        hoverText.setId("hover-text");
        hoverText.textProperty().bind(vm.hoverTextProperty().map(s -> s.isEmpty() ? "Hover a point" : s));
        vm.hoverImageProperty().addListener((o, a, v) -> original.setImage(v == null ? null : image(v)));
        vm.hoverReconstructionProperty().addListener((o, a, v) -> recon.setImage(v == null ? null : image(v)));
        HBox pair = new HBox(6, labelled("image", original), labelled("reconstruction", recon));

        ImageView probe = Images.pixelView(96);
        probe.setId("probe-image");
        vm.probeImageProperty().addListener((o, a, v) -> probe.setImage(v == null ? null : image(v)));
        Label probeText = new Label();
        probeText.setWrapText(true);
        probeText.textProperty().bind(vm.probeTextProperty());

        Label selection = new Label();
        selection.setId("selection-info");
        vm.revisionProperty().addListener((o, a, b) -> selection.setText(vm.selection().length == 0 ? ""
                : vm.selection().length + " selected" + (vm.selection().length == 1 ? ": #" + vm.selection()[0] : "")));
        Label help = new Label(GESTURES);
        help.setStyle("-fx-text-fill: #777; -fx-font-size: 11px;");
        VBox side = new VBox(10, colouring, note, fitClusters, legendBox, title("Hovered"), hoverText, pair,
                title("Probe: decoded at the mouse"), probe, probeText, selection, help);
        side.setPadding(new Insets(8));
        side.setPrefWidth(230);
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    private static Label title(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-weight: bold;");
        // The side panel is narrow: a long title wraps rather than losing its end.
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static VBox labelled(String s, ImageView v) {
        Label l = new Label(s);
        l.setStyle("-fx-font-size: 11px;");
        VBox b = new VBox(2, v, l);
        b.setAlignment(Pos.CENTER);
        return b;
    }

    private WritableImage image(float[] values) {
        Workspace w = vm.workspace();
        return w == null ? null : Raster.image(values, w.model().config().inputShape());
    }

    private void fillLegend(VBox box) {
        boolean byCluster = vm.colouringProperty().get() == MapViewModel.Colouring.CLUSTER;
        if (byCluster == legendByCluster && sameGroups(legendShown, vm.legend())) {
            // Only what is shown or picked changed (a click on a cluster): restyle, no new nodes.
            for (int i = 0; i < vm.legend().size(); i++) {
                MapViewModel.LegendEntry e = vm.legend().get(i);
                Node row = box.getChildren().get(i);
                if (row instanceof HBox h) {
                    ((CheckBox) h.getChildren().get(0)).setSelected(e.shown());
                    h.getChildren().get(1).setStyle(nameStyle(e));
                } else {
                    ((CheckBox) row).setSelected(e.shown());
                }
            }
            legendShown = List.copyOf(vm.legend());
            return;
        }
        legendByCluster = byCluster;
        legendShown = List.copyOf(vm.legend());
        box.getChildren().clear();
        for (MapViewModel.LegendEntry e : vm.legend()) {
            CheckBox cb = new CheckBox(byCluster ? "" : e.name());
            cb.setId("legend-" + e.index());
            cb.setSelected(e.shown());
            int c = e.argb(); // the entry's own colour: a label's, or a cluster's from the cluster palette
            cb.setGraphic(new Rectangle(10, 10, javafx.scene.paint.Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF)));
            cb.selectedProperty().addListener((o, a, b) -> vm.setShown(e.index(), b));
            if (!byCluster) {
                box.getChildren().add(cb);
                continue;
            }
            // The box hides or shows the cluster's points; the name picks the cluster (as on the Clusters screen).
            Label name = new Label(e.index() + " · " + e.name());
            name.setId("legend-name-" + e.index());
            name.setCursor(Cursor.HAND);
            name.setStyle(nameStyle(e));
            name.setOnMouseClicked(m -> vm.pickCluster(e.index(), m.isShortcutDown() || m.isShiftDown()));
            HBox row = new HBox(4, cb, name);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        if (vm.legend().isEmpty()) {
            box.getChildren().add(new Label(byCluster ? "" : "(no labels)"));
        }
    }

    private static String nameStyle(MapViewModel.LegendEntry e) {
        return e.highlighted() ? "-fx-font-weight: bold; -fx-underline: true;" : "";
    }

    /** Same entries, names and colours in the same order (what is shown or picked may differ). */
    private static boolean sameGroups(List<MapViewModel.LegendEntry> a, List<MapViewModel.LegendEntry> b) {
        if (a.size() != b.size() || a.isEmpty()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).index() != b.get(i).index() || !a.get(i).name().equals(b.get(i).name())
                    || a.get(i).argb() != b.get(i).argb()) {
                return false;
            }
        }
        return true;
    }

    public void setOnFirstDraw(Runnable r) {
        onFirstDraw = r;
    }

    /** The layout's round values along the bottom and left edges of the plot, and the axes' names. */
    private void drawAxes(int w, int h) {
        Projection p = vm.projectionProperty().get();
        xAxis.setWidth(w);
        yAxis.setHeight(h);
        var gx = xAxis.getGraphicsContext2D();
        var gy = yAxis.getGraphicsContext2D();
        gx.clearRect(0, 0, xAxis.getWidth(), xAxis.getHeight());
        gy.clearRect(0, 0, yAxis.getWidth(), yAxis.getHeight());
        if (p == null || viewport == null) {
            return;
        }
        String[] names = MapAxes.names(p);
        javafx.scene.paint.Color ink = javafx.scene.paint.Color.rgb(0x55, 0x55, 0x55);
        gx.setFill(ink);
        gy.setFill(ink);
        gx.setFont(javafx.scene.text.Font.font(10));
        gy.setFont(javafx.scene.text.Font.font(10));
        gx.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
        gx.setTextBaseline(javafx.geometry.VPos.TOP);
        axisValues = MapAxes.ticks(viewport.toDataX(0), viewport.toDataX(w), Math.max(2, w / 110));
        for (double t : axisValues) {
            double x = viewport.toScreenX(t);
            if (x > 14 && x < w - 60) {
                gx.fillText(MapAxes.format(t), x, 3);
            }
        }
        gx.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
        gx.fillText(names[0] + " →", w - 4, 3);
        gy.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
        gy.setTextBaseline(javafx.geometry.VPos.CENTER);
        for (double t : MapAxes.ticks(viewport.toDataY(h), viewport.toDataY(0), Math.max(2, h / 80))) {
            double y = viewport.toScreenY(t);
            if (y > 24 && y < h - 8) {
                gy.fillText(MapAxes.format(t), yAxis.getWidth() - 4, y);
            }
        }
        // The name runs up the strip's left edge, as a plot's y label does.
        gy.save();
        gy.translate(2, h / 2.0);
        gy.rotate(-90);
        gy.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
        gy.setTextBaseline(javafx.geometry.VPos.TOP);
        gy.fillText(names[1] + " →", 0, 0);
        gy.restore();
    }

    private java.util.List<Double> axisValues = java.util.List.of();

    /** The values marked under the plot in the last frame (tests read them). */
    public java.util.List<Double> xAxisValues() {
        return axisValues;
    }

    /** The tabs under the map, or null. */
    public MapDrawer drawer() {
        return drawer;
    }

    /** Frame times of the map's redraws. */
    public FrameTimes frameTimes() {
        return frames;
    }

    public Viewport viewport() {
        return viewport;
    }

    /** Pans by screen pixels and draws at once (the benchmark drives this). */
    public void panBy(double dx, double dy) {
        followLayout = false;
        if (viewport != null) {
            viewport = viewport.pan(dx, dy);
            render();
        }
    }

    public void zoomBy(double factor, double sx, double sy) {
        followLayout = false;
        if (viewport != null) {
            viewport = viewport.zoom(factor, sx, sy);
            render();
        }
    }

    private void resize() {
        requestRender();
    }

    private void requestRender() {
        dirty = true;
    }

    /** Draws the points now. */
    public void render() {
        int w = (int) Math.max(1, plot.getWidth());
        int h = (int) Math.max(1, plot.getHeight());
        Projection p = vm.projectionProperty().get();
        if (p == null || plot.getWidth() < 2) {
            imageView.setImage(null);
            return;
        }
        long t0 = System.nanoTime();
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            buffer = new int[w * h];
            pixels = new PixelBuffer<>(w, h, IntBuffer.wrap(buffer), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(pixels);
            imageView.setImage(image);
            overlay.setWidth(w);
            overlay.setHeight(h);
            viewport = viewport == null ? null : viewport.resize(w, h);
        }
        if (needsFit || viewport == null) {
            viewport = Viewport.fit(p.x(), p.y(), vm.visibility(), w, h);
            needsFit = false;
        }
        int[] sel = vm.selection();
        pixels.updateBuffer(b -> {
            MapRenderer.render(buffer, viewport, p.x(), p.y(), vm.colours(), vm.visibility(), vm.front(), vm.marked(),
                    sel, false);
            return null;
        });
        drawAxes(w, h);
        frames.add(System.nanoTime() - t0);
        if (onFirstDraw != null) {
            Runnable r = onFirstDraw;
            onFirstDraw = null;
            r.run();
        }
    }

    private void installMouse() {
        plot.setOnMousePressed(e -> {
            plot.requestFocus();
            pressX = lastX = e.getX();
            moved = false;
            pressY = lastY = e.getY();
            if (e.getButton() != MouseButton.PRIMARY) {
                drag = Drag.NONE;
            } else if (e.isShiftDown()) {
                drag = Drag.BOX;
            } else if (e.isAltDown() || e.isControlDown()) {
                drag = Drag.LASSO;
                lasso.clear();
                lasso.add(new double[] {e.getX(), e.getY()});
            } else {
                drag = Drag.PAN;
            }
        });
        plot.setOnMouseDragged(e -> {
            switch (drag) {
                case PAN -> {
                    if (viewport != null) {
                        followLayout = false; // the user moves the view: a running projection no longer refits it
                        viewport = viewport.pan(e.getX() - lastX, e.getY() - lastY);
                        requestRender();
                    }
                }
                case BOX -> drawOverlay(List.of(new double[] {pressX, pressY}, new double[] {e.getX(), pressY},
                        new double[] {e.getX(), e.getY()}, new double[] {pressX, e.getY()}));
                case LASSO -> {
                    lasso.add(new double[] {e.getX(), e.getY()});
                    drawOverlay(lasso);
                }
                default -> { }
            }
            lastX = e.getX();
            lastY = e.getY();
            moved |= Math.hypot(e.getX() - pressX, e.getY() - pressY) >= 4;
        });
        plot.setOnMouseReleased(this::released);
        plot.setOnMouseMoved(e -> {
            if (viewport == null) {
                return;
            }
            Projection p = vm.projectionProperty().get();
            if (p != null) {
                vm.hover(MapRenderer.nearest(viewport, p.x(), p.y(), vm.visibility(), e.getX(), e.getY(), 6));
                vm.probeAt(viewport.toDataX(e.getX()), viewport.toDataY(e.getY()));
            }
        });
        plot.setOnMouseExited(e -> vm.hover(-1));
        plot.setOnScroll(e -> {
            if (viewport != null && e.getDeltaY() != 0) {
                followLayout = false;
                viewport = viewport.zoom(Math.exp(e.getDeltaY() * 0.004), e.getX(), e.getY());
                requestRender();
            }
        });
    }

    private void released(MouseEvent e) {
        boolean click = !moved && Math.hypot(e.getX() - pressX, e.getY() - pressY) < 4;
        Projection p = vm.projectionProperty().get();
        if (p != null && viewport != null) {
            if (click && e.getButton() == MouseButton.PRIMARY) {
                boolean add = e.isShiftDown() || e.isShortcutDown();
                int i = MapRenderer.nearest(viewport, p.x(), p.y(), vm.visibility(), e.getX(), e.getY(), 6);
                // Near no point but inside a cluster's region: the nearest point within reach names the cluster.
                int region = i >= 0 ? -1 : MapRenderer.nearest(viewport, p.x(), p.y(), vm.visibility(), e.getX(), e.getY(), 30);
                if (vm.clusterOf(region) >= 0) {
                    // Near no point: no example stays selected, and the region's cluster is picked.
                    if (!add) {
                        vm.clearSelection();
                    }
                    vm.pickCluster(vm.clusterOf(region), add);
                } else {
                    vm.click(i, add);
                }
            } else if (drag == Drag.BOX) {
                selectPolygon(List.of(new double[] {pressX, pressY}, new double[] {e.getX(), pressY},
                        new double[] {e.getX(), e.getY()}, new double[] {pressX, e.getY()}));
            } else if (drag == Drag.LASSO && lasso.size() > 2) {
                selectPolygon(lasso);
            }
        }
        drag = Drag.NONE;
        overlay.getGraphicsContext2D().clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        overlay.setVisible(false);
    }

    private void selectPolygon(List<double[]> screen) {
        double[] xs = new double[screen.size()];
        double[] ys = new double[screen.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = viewport.toDataX(screen.get(i)[0]);
            ys[i] = viewport.toDataY(screen.get(i)[1]);
        }
        vm.selectInside(xs, ys);
    }

    private void drawOverlay(List<double[]> pts) {
        overlay.setVisible(true);
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        g.setStroke(Color.rgb(30, 30, 30, 0.8));
        g.setFill(Color.rgb(78, 121, 167, 0.12));
        g.setLineDashes(4, 4);
        g.beginPath();
        for (int i = 0; i < pts.size(); i++) {
            if (i == 0) {
                g.moveTo(pts.get(i)[0], pts.get(i)[1]);
            } else {
                g.lineTo(pts.get(i)[0], pts.get(i)[1]);
            }
        }
        g.closePath();
        g.fill();
        g.stroke();
    }
}
