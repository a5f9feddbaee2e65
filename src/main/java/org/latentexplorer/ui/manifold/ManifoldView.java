package org.latentexplorer.ui.manifold;

import java.nio.IntBuffer;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.latentexplorer.ui.common.FrameTimes;
import org.latentexplorer.ui.common.IntegerSpinner;
import org.latentexplorer.sample.Plane;
import org.latentexplorer.ui.shell.FileDialogs;
import org.latentexplorer.ui.shell.Workspace;

/**
 * The manifold grid: drag pans the plane, the wheel zooms, arrow keys step by a cell; the grid follows
 * the drag every frame, drawn from the cells already decoded, while the cells that come into view are
 * decoded on a worker. Below it, the interpolation strip between two selected examples.
 */
public final class ManifoldView extends BorderPane {
    /** What the mouse and keys do on the grid (installInput), for Help → Keyboard shortcuts. */
    public static final String GESTURES = "Drag: pan · Wheel: zoom\n"
            + "Arrow keys: step one cell · + / −: zoom (click the grid first)";
    private final ManifoldViewModel vm;
    private final StackPane gridPane = new StackPane();
    private final ImageView gridView = new ImageView();
    /** The axes' values around the grid: u under the columns, v left of the rows (the pane's margins). */
    private final javafx.scene.canvas.Canvas axes = new javafx.scene.canvas.Canvas();
    /** Room for the axes' values: left of the grid, and below it. */
    private static final double AXIS_LEFT = 52, AXIS_BOTTOM = 20;
    /** The values written under the columns in the last frame, left to right (tests read them). */
    private final java.util.List<String> columnValues = new java.util.ArrayList<>();
    private final ImageView stripView = new ImageView();
    private final FrameTimes frames = new FrameTimes();
    private final VBox sliders = new VBox(4);
    private final AnimationTimer painter = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (dirty) {
                dirty = false;
                paint();
            } else {
                stop();
            }
        }
    };
    private boolean dirty;
    private GridCompositor compositor;
    private PixelBuffer<IntBuffer> pixels;
    private int missing;
    /** What the picture on screen shows: its lattice and the position it was drawn for. */
    private TileLattice shownLattice;
    private double shownU;
    private double shownV;
    private double shownHalf;
    /** When the first change not yet shown in full happened (System.nanoTime), or 0. */
    private long changedAt;
    private double lastX;
    private double lastY;

    public ManifoldView(ManifoldViewModel vm, FileDialogs dialogs) {
        this.vm = vm;
        setId("manifold-view");
        gridView.setId("manifold-grid");
        gridView.setSmooth(false);
        gridPane.setId("manifold-pane");
        gridPane.getChildren().addAll(gridView, axes);
        axes.setId("manifold-axes");
        axes.setMouseTransparent(true);
        gridPane.setMinSize(200, 200);
        gridPane.setFocusTraversable(true);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(gridPane.widthProperty());
        clip.heightProperty().bind(gridPane.heightProperty());
        gridPane.setClip(clip);
        gridPane.widthProperty().addListener((o, a, b) -> repaint());
        gridPane.heightProperty().addListener((o, a, b) -> repaint());

        IntegerSpinner size = new IntegerSpinner("Grid size", ManifoldViewModel.MIN_GRID_SIZE,
                ManifoldViewModel.MAX_GRID_SIZE, vm.gridSizeProperty().get());
        size.setId("grid-size");
        size.setPrefWidth(75);
        size.valueProperty().addListener((o, a, b) -> vm.gridSizeProperty().set(b));
        vm.gridSizeProperty().addListener((o, a, b) -> size.getValueFactory().setValue(b.intValue()));
        ComboBox<ManifoldViewModel.PlaneMode> mode = new ComboBox<>();
        mode.getItems().setAll(ManifoldViewModel.PlaneMode.values());
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        ComboBox<Integer> dimA = new ComboBox<>();
        ComboBox<Integer> dimB = new ComboBox<>();
        dimA.setConverter(dimConverter());
        dimB.setConverter(dimConverter());
        dimA.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.dimAProperty().set(b);
            }
        });
        dimB.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.dimBProperty().set(b);
            }
        });
        Button centre = new Button("Centre on selection");
        centre.setId("manifold-centre");
        centre.setOnAction(e -> vm.centreOnSelection());
        Button reset = new Button("Reset −4..4");
        reset.setId("manifold-reset");
        reset.setOnAction(e -> vm.reset());
        Button exportGrid = new Button("Grid PNG…");
        exportGrid.setId("manifold-export-grid");
        exportGrid.setOnAction(e -> dialogs.save("Export grid", "manifold.png", "png").ifPresent(f -> vm.exportPng(f, false)));
        Button exportStrip = new Button("Strip PNG…");
        exportStrip.setId("manifold-export-strip");
        exportStrip.setOnAction(e -> dialogs.save("Export strip", "interpolation.png", "png").ifPresent(f -> vm.exportPng(f, true)));
        exportStrip.disableProperty().bind(vm.stripProperty().isNull());
        Label range = new Label();
        range.setId("manifold-range");
        range.textProperty().bind(vm.rangeTextProperty());

        Label times = new Label("×");
        HBox planeBox = new HBox(6, new Label("Plane"), mode, dimA, times, dimB);
        for (javafx.scene.Node n : new javafx.scene.Node[] {dimA, times, dimB}) {
            n.managedProperty().bind(n.visibleProperty());
        }
        times.visibleProperty().bind(dimA.visibleProperty());
        planeBox.setAlignment(Pos.CENTER_LEFT);
        FlowPane bar = new FlowPane(10, 6, new Label("N"), size, planeBox, centre, reset, exportGrid, exportStrip);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        VBox top = new VBox(2, bar, range);
        top.setPadding(new Insets(0, 6, 4, 6));
        setTop(top);
        setCenter(gridPane);

        Label stripText = new Label();
        stripText.textProperty().bind(vm.stripTextProperty());
        stripView.setSmooth(false);
        stripView.setPreserveRatio(true);
        stripView.setFitHeight(112);
        VBox bottom = new VBox(4, stripText, stripView);
        bottom.setPadding(new Insets(6));
        setBottom(bottom);
        sliders.setPadding(new Insets(6));
        sliders.setPrefWidth(180);
        setRight(sliders);

        vm.revisionProperty().addListener((o, a, b) -> {
            if (changedAt == 0) {
                changedAt = System.nanoTime();
            }
            repaint();
        });
        vm.stripProperty().addListener((o, a, g) -> stripView.setImage(g == null ? null : toImage(g)));
        vm.planeProperty().addListener((o, a, p) -> {
            Workspace w = vm.workspace();
            int d = w == null ? 0 : w.model().latentDim();
            boolean dims = vm.modeProperty().get() == ManifoldViewModel.PlaneMode.DIMS;
            mode.setDisable(d <= 2);
            dimA.setVisible(dims && d > 2);
            dimB.setVisible(dims && d > 2);
            if (d > 0 && dimA.getItems().size() != d) {
                dimA.getItems().setAll(java.util.stream.IntStream.range(0, d).boxed().toList());
                dimB.getItems().setAll(dimA.getItems());
            }
            dimA.setValue(vm.dimAProperty().get());
            dimB.setValue(vm.dimBProperty().get());
            buildSliders(p, dims && d > 2 && d <= 10);
        });
        installInput();
    }

    private static javafx.util.StringConverter<Integer> dimConverter() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer k) {
                return k == null ? "" : "z" + (k + 1);
            }

            @Override
            public Integer fromString(String s) {
                return Integer.parseInt(s.substring(1)) - 1;
            }
        };
    }

    /** Sliders for the latent coordinates that are not on the plane (d small, dimension plane). */
    private void buildSliders(Plane p, boolean show) {
        sliders.getChildren().clear();
        if (!show || p == null) {
            sliders.setVisible(false);
            sliders.setManaged(false);
            return;
        }
        sliders.setVisible(true);
        sliders.setManaged(true);
        sliders.getChildren().add(new Label("Other coordinates"));
        for (int k = 0; k < p.dim(); k++) {
            if (k == vm.dimAProperty().get() || k == vm.dimBProperty().get()) {
                continue;
            }
            int dim = k;
            Slider s = new Slider(-4, 4, p.origin()[k]);
            Label l = new Label();
            l.textProperty().bind(s.valueProperty().map(v -> String.format(java.util.Locale.ROOT, "z%d = %.2f", dim + 1, v.doubleValue())));
            s.valueProperty().addListener((o, a, b) -> vm.setOriginCoordinate(dim, b.doubleValue()));
            sliders.getChildren().addAll(l, s);
        }
    }

    /** Draws the grid on the next frame (at most once a frame, however many changes come). */
    private void repaint() {
        dirty = true;
        painter.start();
    }

    /**
     * Draws the cells in view into the image at screen size. While a zoom or a new plane waits for its
     * cells, the last picture stays, moved and scaled to where the plane now is.
     */
    private void paint() {
        GridWindow w = vm.window();
        if (w == null) {
            gridView.setImage(null);
            shownLattice = null;
            return;
        }
        TileLattice t = w.lattice();
        if (shownLattice != null && t != shownLattice && !w.complete()) {
            followPlane();
            return;
        }
        if (!fitCompositor(t)) {
            return;
        }
        pixels.updateBuffer(b -> {
            missing = compositor.draw(w);
            return null;
        });
        gridView.setTranslateX(0);
        gridView.setTranslateY(0);
        gridView.setScaleX(1);
        gridView.setScaleY(1);
        drawAxes(w);
        shownLattice = t;
        shownU = vm.centreU();
        shownV = vm.centreV();
        shownHalf = vm.halfSpan();
        if (missing == 0 && changedAt != 0) {
            frames.add(System.nanoTime() - changedAt);
            changedAt = 0;
        }
    }

    /**
     * Makes the compositor and image fit the pane and the lattice's grid (cells as large as the pane
     * allows, the tiles' aspect kept); false when the pane has no room yet.
     */
    private boolean fitCompositor(TileLattice t) {
        double room = Math.min(gridPane.getWidth() - 2 * AXIS_LEFT, gridPane.getHeight() - 2 * AXIS_BOTTOM) - 8;
        if (room < 1) {
            return false;
        }
        int n = t.size();
        int tw = t.tileShape().width();
        int th = t.tileShape().height();
        double scale = room / (n * (double) Math.max(tw, th));
        int cellW = Math.max(1, (int) (tw * scale));
        int cellH = Math.max(1, (int) (th * scale));
        GridCompositor c = compositor;
        if (c == null || c.size() != n || !c.tileShape().equals(t.tileShape()) || c.cellWidth() != cellW
                || c.cellHeight() != cellH) {
            compositor = new GridCompositor(n, t.tileShape(), cellW, cellH);
            pixels = new PixelBuffer<>(compositor.width(), compositor.height(), IntBuffer.wrap(compositor.pixels()),
                    PixelFormat.getIntArgbPreInstance());
            gridView.setImage(new WritableImage(pixels));
        }
        return true;
    }

    /**
     * Shifts and scales the picture on screen to where the plane now is (a zoom waiting for its cells),
     * so that the wheel answers at once even when decoding the new lattice takes longer than a frame.
     */
    private void followPlane() {
        if (compositor == null || shownHalf <= 0) {
            return;
        }
        double scale = shownHalf / vm.halfSpan();
        double perUnit = compositor.cellWidth() / shownLattice.step() * scale;
        gridView.setScaleX(scale);
        gridView.setScaleY(scale);
        gridView.setTranslateX(-(vm.centreU() - shownU) * perUnit);
        gridView.setTranslateY((vm.centreV() - shownV) * perUnit);
        // The values stand for the picture drawn last: hidden while it is moved, until the next frame.
        axes.getGraphicsContext2D().clearRect(0, 0, axes.getWidth(), axes.getHeight());
    }

    /**
     * Writes the plane coordinate of the columns under the grid and of the rows left of it, every few
     * cells so that they do not crowd, and the axes' names ("z1", "PC2") at their ends.
     */
    private void drawAxes(GridWindow w) {
        double paneW = gridPane.getWidth(), paneH = gridPane.getHeight();
        axes.setWidth(paneW);
        axes.setHeight(paneH);
        var g = axes.getGraphicsContext2D();
        g.clearRect(0, 0, paneW, paneH);
        columnValues.clear();
        Plane p = vm.planeProperty().get();
        if (p == null || compositor == null) {
            return;
        }
        int cw = compositor.cellWidth(), ch = compositor.cellHeight();
        double x0 = (paneW - compositor.width()) / 2, y0 = (paneH - compositor.height()) / 2;
        TileLattice t = w.lattice();
        long left = w.left(cw), top = w.top(ch);
        long k0 = Math.floorDiv(left, cw), l0 = Math.floorDiv(top, ch);
        double ox = left - k0 * cw, oy = top - l0 * ch;
        g.setFont(javafx.scene.text.Font.font(11));
        g.setFill(javafx.scene.paint.Color.rgb(0x33, 0x33, 0x33));
        int every = (int) Math.max(1, Math.ceil(48.0 / cw));
        g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        for (long k = k0; k <= k0 + compositor.size(); k++) {
            double x = x0 + (k - k0) * cw - ox + cw / 2.0;
            if (Math.floorMod(k, every) == 0 && x >= x0 && x <= x0 + compositor.width()) {
                String value = Plane.formatValue(t.u(k));
                g.fillText(value, x, y0 + compositor.height() + 3);
                columnValues.add(value);
            }
        }
        everyRow(g, t, l0, oy, ch, x0, y0);
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        g.fillText(p.uName() + " →", x0 + compositor.width() + 4, y0 + compositor.height() + 3);
        g.setTextBaseline(javafx.geometry.VPos.BOTTOM);
        g.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
        g.fillText(p.vName() + " ↑", x0 - 4, y0 - 2);
    }

    private void everyRow(javafx.scene.canvas.GraphicsContext g, TileLattice t, long l0, double oy, int ch, double x0,
                          double y0) {
        int every = (int) Math.max(1, Math.ceil(18.0 / ch));
        g.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
        g.setTextBaseline(javafx.geometry.VPos.CENTER);
        for (long l = l0; l <= l0 + compositor.size(); l++) {
            double y = y0 + (l - l0) * ch - oy + ch / 2.0;
            if (Math.floorMod(l, every) == 0 && y >= y0 && y <= y0 + compositor.height()) {
                g.fillText(Plane.formatValue(t.v(l)), x0 - 4, y);
            }
        }
    }


    private static WritableImage toImage(GridImage g) {
        WritableImage img = new WritableImage(g.width(), g.height());
        img.getPixelWriter().setPixels(0, 0, g.width(), g.height(), PixelFormat.getIntArgbPreInstance(), g.argb(), 0, g.width());
        return img;
    }

    /** Latency from a change (pan, zoom, decoded cells) to the first frame that shows every cell in view. */
    public FrameTimes frameTimes() {
        return frames;
    }

    /** The u values under the grid's columns in the last frame, left to right (every few columns). */
    public java.util.List<String> columnValues() {
        return java.util.List.copyOf(columnValues);
    }

    /** Cells in view drawn empty in the last frame because their decode had not arrived. */
    public int missingCells() {
        return missing;
    }

    private double unitsPerPixel() {
        if (compositor != null && shownLattice != null) {
            return shownLattice.step() / compositor.cellWidth() * vm.halfSpan() / shownHalf;
        }
        double shown = Math.max(1, gridView.getBoundsInParent().getWidth());
        return 2 * vm.halfSpan() / shown;
    }

    private void installInput() {
        gridPane.setOnMousePressed(e -> {
            gridPane.requestFocus();
            lastX = e.getX();
            lastY = e.getY();
            // Unconsumed, the press reaches the TabPane, which takes the focus back, and the arrow keys
            // then switch screens instead of stepping the grid.
            e.consume();
        });
        gridPane.setOnMouseDragged(e -> {
            double k = unitsPerPixel();
            // Dragging moves the content with the mouse: the window onto the plane moves the other way.
            vm.pan(-(e.getX() - lastX) * k, (e.getY() - lastY) * k);
            lastX = e.getX();
            lastY = e.getY();
        });
        // At the end of a drag the grid settles on whole cells (less than half a cell away).
        gridPane.setOnMouseReleased(e -> vm.settle());
        gridPane.setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                vm.zoom(Math.exp(-e.getDeltaY() * 0.004));
            }
        });
        gridPane.setOnKeyPressed(e -> {
            KeyCode c = e.getCode();
            switch (c) {
                case LEFT -> vm.step(-1, 0);
                case RIGHT -> vm.step(1, 0);
                case UP -> vm.step(0, 1);
                case DOWN -> vm.step(0, -1);
                case PLUS, EQUALS, ADD -> vm.zoom(0.8);
                case MINUS, SUBTRACT -> vm.zoom(1.25);
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }
}
