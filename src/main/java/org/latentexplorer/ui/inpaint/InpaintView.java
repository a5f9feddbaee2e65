package org.latentexplorer.ui.inpaint;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.inpaint.Completion;
import org.latentexplorer.ui.common.Images;
import org.latentexplorer.ui.common.IntegerSpinner;
import org.latentexplorer.ui.common.Raster;

/**
 * The inpainting editor: the image enlarged on a canvas with the mask as a coloured overlay, the tools
 * above it, and on the right the mean completion, its per-pixel uncertainty and a few samples.
 * Drawing only; every decision is the ViewModel's.
 */
public final class InpaintView extends BorderPane {
    static final double EDITOR = 392;
    static final double RESULT = 196;
    static final double SAMPLE = 95;
    /** Two rows of four under the results, which are {@code 2 * RESULT + 12} wide. */
    static final int SAMPLES_SHOWN = 8;
    /** The stdDev that maps to the hottest colour: a Bernoulli pixel's largest spread. */
    static final double HEAT_MAX = 0.5;
    private static final Color MASK = Color.rgb(230, 40, 120, 0.45);

    private final InpaintViewModel vm;
    private final Canvas canvas = new Canvas(EDITOR, EDITOR);
    private final ImageView mean = Images.pixelView(RESULT);
    private final ImageView uncertainty = Images.pixelView(RESULT);
    private final FlowPane samples = new FlowPane(8, 8);

    public InpaintView(InpaintViewModel vm) {
        this.vm = vm;
        setId("inpaint-view");
        setPadding(new Insets(10));
        canvas.setId("inpaint-canvas");
        mean.setId("inpaint-mean");
        uncertainty.setId("inpaint-uncertainty");
        samples.setId("inpaint-samples");
        samples.setPrefWrapLength(2 * RESULT + 12);

        setTop(toolbar());
        Label sourceLabel = new Label();
        sourceLabel.textProperty().bind(vm.sourceProperty());
        Label hint = new Label("Drag to paint · the completion follows each stroke");
        hint.setStyle("-fx-text-fill: #666;");
        VBox editor = new VBox(6, sourceLabel, canvas, hint, brushBar());
        editor.setPadding(new Insets(10, 16, 0, 0));
        setCenter(editor);
        setRight(results());

        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            vm.beginStroke();
            paint(e);
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::paint);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> vm.endStroke());
        vm.revisionProperty().addListener((o, a, b) -> drawEditor());
        vm.resultProperty().addListener((o, a, c) -> showResult(c));
        vm.liveProperty().addListener((o, a, v) -> {
            if (v != null && vm.shape() != null) {
                mean.setImage(Raster.image(v, vm.shape()));
            }
        });
        drawEditor();
    }

    private javafx.scene.Node toolbar() {
        IntegerSpinner index = new IntegerSpinner("Example", 0, Integer.MAX_VALUE, 0);
        index.setId("inpaint-index");
        index.setPrefWidth(100);
        index.valueProperty().addListener((o, a, b) -> vm.indexProperty().set(b));
        vm.indexProperty().addListener((o, a, b) -> index.getValueFactory().setValue(b.intValue()));
        vm.revisionProperty().addListener((o, a, b) -> index.bounds().setMax(Math.max(0, vm.exampleCount() - 1)));
        index.setTooltip(new Tooltip("Example of the data set to start from"));
        Button fromSelection = new Button("From selection");
        fromSelection.setTooltip(new Tooltip("The first example selected on the latent map"));
        fromSelection.setOnAction(e -> vm.fromSelection());
        fromSelection.disableProperty().bind(vm.hasSelectionProperty().not());
        Button blank = new Button("Blank canvas");
        blank.setId("inpaint-blank");
        blank.setOnAction(e -> vm.blank());

        ComboBox<String> method = new ComboBox<>(vm.methods());
        method.setId("inpaint-method");
        method.valueProperty().bindBidirectional(vm.methodProperty());
        IntegerSpinner iterations = new IntegerSpinner("Iterations", InpaintViewModel.MIN_ITERATIONS,
                InpaintViewModel.MAX_ITERATIONS, vm.iterationsProperty().get(), 50);
        iterations.setId("inpaint-iterations");
        iterations.setPrefWidth(90);
        iterations.valueProperty().addListener((o, a, b) -> vm.iterationsProperty().set(b));
        iterations.setTooltip(new Tooltip("Chain or optimiser steps (K-NN ignores them)"));

        HBox bar = new HBox(8, new Label("Example"), index, fromSelection, blank,
                new Separator(javafx.geometry.Orientation.VERTICAL),
                new Label("Method"), method, new Label("Iterations"), iterations);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.disableProperty().bind(vm.readyProperty().not());
        return bar;
    }

    private javafx.scene.Node brushBar() {
        ToggleGroup tools = new ToggleGroup();
        ToggleButton brush = new ToggleButton("Brush");
        ToggleButton eraser = new ToggleButton("Eraser");
        brush.setToggleGroup(tools);
        eraser.setToggleGroup(tools);
        brush.setSelected(true);
        tools.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one tool is always chosen
            } else {
                vm.toolProperty().set(b == brush ? InpaintViewModel.Tool.BRUSH : InpaintViewModel.Tool.ERASER);
            }
        });
        IntegerSpinner size = new IntegerSpinner("Brush size", InpaintViewModel.MIN_BRUSH, InpaintViewModel.MAX_BRUSH,
                vm.brushSizeProperty().get());
        size.setId("inpaint-brush-size");
        size.setPrefWidth(64);
        size.valueProperty().addListener((o, a, b) -> vm.brushSizeProperty().set(b));
        ComboBox<InpaintViewModel.Layer> layer = new ComboBox<>();
        layer.getItems().setAll(InpaintViewModel.Layer.values());
        layer.valueProperty().bindBidirectional(vm.layerProperty());
        layer.setTooltip(new Tooltip("What the brush paints: hidden pixels, or ink that the model must keep"));
        Button undo = new Button("Undo");
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        Button redo = new Button("Redo");
        redo.disableProperty().bind(vm.canRedoProperty().not());
        redo.setOnAction(e -> vm.redo());
        FlowPane tools1 = new FlowPane(6, 6, brush, eraser, new Label("Size"), size, layer, undo, redo);
        tools1.setAlignment(Pos.CENTER_LEFT);
        tools1.setPrefWrapLength(EDITOR + 110);

        Button top = preset("Top", vm::topHalf);
        top.setId("inpaint-top");
        IntegerSpinner percent = new IntegerSpinner("Random %", InpaintViewModel.MIN_PERCENT, InpaintViewModel.MAX_PERCENT,
                vm.randomPercentProperty().get(), 5);
        percent.setId("inpaint-percent");
        percent.setPrefWidth(70);
        percent.valueProperty().addListener((o, a, b) -> vm.randomPercentProperty().set(b));
        // The field and its unit wrap to the next line together.
        HBox percentBox = new HBox(4, percent, new Label("%"));
        percentBox.setAlignment(Pos.CENTER_LEFT);
        FlowPane presets = new FlowPane(6, 6, new Label("Hide"), top, preset("Bottom", vm::bottomHalf),
                preset("Left", vm::leftHalf), preset("Right", vm::rightHalf), preset("Centre square", vm::centreSquare),
                preset("Clear", vm::clearMask), preset("Random", vm::random), percentBox);
        presets.setAlignment(Pos.CENTER_LEFT);
        presets.setPrefWrapLength(EDITOR + 110);
        VBox box = new VBox(6, tools1, presets);
        box.disableProperty().bind(vm.readyProperty().not());
        return box;
    }

    private static Button preset(String text, Runnable action) {
        Button b = new Button(text);
        b.setOnAction(e -> action.run());
        return b;
    }

    private javafx.scene.Node results() {
        Label status = new Label();
        status.setId("inpaint-status");
        status.setWrapText(true);
        status.setMaxWidth(2 * RESULT + 12);
        status.textProperty().bind(vm.statusProperty());
        VBox meanBox = new VBox(4, new Label("Mean completion"), mean);
        VBox heatBox = new VBox(4, new Label(String.format(java.util.Locale.ROOT,
                "Uncertainty (std. dev., 0 … %.1f)", HEAT_MAX)), uncertainty);
        VBox box = new VBox(8, new HBox(12, meanBox, heatBox), new Label("Samples"), samples, status);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    private void paint(MouseEvent e) {
        ImageShape s = vm.shape();
        if (s == null || !e.isPrimaryButtonDown()) {
            return;
        }
        double cell = cell(s);
        vm.dab((int) Math.floor(e.getX() / cell), (int) Math.floor(e.getY() / cell));
    }

    private static double cell(ImageShape s) {
        return Math.floor(EDITOR / Math.max(s.height(), s.width()));
    }

    /** The image with each missing pixel tinted, pixel squares without smoothing. */
    private void drawEditor() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.gray(0.93));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        ImageShape s = vm.shape();
        float[] image = vm.image();
        if (s == null || image == null) {
            return;
        }
        double cell = cell(s);
        g.setImageSmoothing(false);
        g.drawImage(Raster.image(image, s), 0, 0, s.width() * cell, s.height() * cell);
        boolean[] missing = vm.missing();
        g.setFill(MASK);
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                if (missing[y * s.width() + x]) {
                    g.fillRect(x * cell, y * cell, cell, cell);
                }
            }
        }
        g.setStroke(Color.gray(0.6));
        g.strokeRect(0.5, 0.5, s.width() * cell - 1, s.height() * cell - 1);
    }

    private void showResult(Completion c) {
        samples.getChildren().clear();
        ImageShape s = vm.shape();
        if (c == null || s == null) {
            mean.setImage(null);
            uncertainty.setImage(null);
            return;
        }
        mean.setImage(Raster.image(c.mean(), s));
        uncertainty.setImage(heat(c.stdDev(), s));
        for (int i = 0; i < Math.min(SAMPLES_SHOWN, c.samples().length); i++) {
            ImageView v = Images.pixelView(SAMPLE);
            v.setImage(Raster.image(c.samples()[i], s));
            samples.getChildren().add(v);
        }
    }

    /** Per-pixel spread as a black → red → yellow → white ramp (the first channel of colour images). */
    static WritableImage heat(float[] std, ImageShape s) {
        int w = s.width();
        int h = s.height();
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            double t = Math.max(0, Math.min(1, std[i] / HEAT_MAX));
            int r = (int) (255 * Math.min(1, 3 * t));
            int gr = (int) (255 * Math.max(0, Math.min(1, 3 * t - 1)));
            int b = (int) (255 * Math.max(0, Math.min(1, 3 * t - 2)));
            argb[i] = 0xFF000000 | r << 16 | gr << 8 | b;
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), argb, 0, w);
        return img;
    }
}
