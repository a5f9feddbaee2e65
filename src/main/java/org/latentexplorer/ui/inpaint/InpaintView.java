package org.latentexplorer.ui.inpaint;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.ui.common.Images;
import org.latentexplorer.ui.common.IntegerSpinner;
import org.latentexplorer.ui.common.Raster;
import org.latentexplorer.ui.shell.FileDialogs;

/**
 * The inpainting editor: the image enlarged on a canvas with the mask as a coloured overlay, the tools
 * above it, and on the right the mean completion, its per-pixel uncertainty (with a colour bar) and a
 * few samples, and the exports.
 * Drawing only; every decision is the ViewModel's.
 */
public final class InpaintView extends BorderPane {
    static final double EDITOR = 392;
    static final double RESULT = 196;
    static final double SAMPLE = 95;
    /** Two rows of four under the results, which are {@code 2 * RESULT + 12} wide. */
    static final int SAMPLES_SHOWN = 8;
    static final int BAR_WIDTH = 14;
    private static final Color MASK = Color.rgb(230, 40, 120, 0.45);

    private final InpaintViewModel vm;
    private final FileDialogs files;
    private final Canvas canvas = new Canvas(EDITOR, EDITOR);
    private final ImageView mean = Images.pixelView(RESULT);
    private final ImageView uncertainty = Images.pixelView(RESULT);
    private final Label noUncertainty = new Label();
    private final Label scaleMax = new Label();
    private final Label scaleMin = new Label();
    private final VBox colourBar;
    private final FlowPane samples = new FlowPane(8, 8);

    public InpaintView(InpaintViewModel vm, FileDialogs files) {
        this.vm = vm;
        this.files = files;
        colourBar = colourBar();
        setId("inpaint-view");
        setPadding(new Insets(10));
        canvas.setId("inpaint-canvas");
        mean.setId("inpaint-mean");
        uncertainty.setId("inpaint-uncertainty");
        samples.setId("inpaint-samples");
        samples.setPrefWrapLength(2 * RESULT + 12);

        setTop(new VBox(6, toolbar(), companionBar()));
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
        vm.outcomeProperty().addListener((o, a, c) -> showResult(c));
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

        HBox bar = new HBox(8, new Label("Example"), index, fromSelection, blank,
                new Separator(javafx.geometry.Orientation.VERTICAL),
                new Label("Method"), methodChooser(), iterations());
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.disableProperty().bind(vm.readyProperty().not());
        return bar;
    }

    /**
     * The completion model for a model that is not a VAEAC: none, the VAEACs of its shape found in the
     * models folders, or a file. Hidden when the open model is a VAEAC (it completes by itself).
     */
    private javafx.scene.Node companionBar() {
        Companion companion = vm.companion();
        ComboBox<Companion.Choice> chooser = new ComboBox<>(companion.choices());
        chooser.setId("inpaint-companion");
        chooser.setValue(companion.chosenProperty().get());
        chooser.setTooltip(new Tooltip("A VAEAC trained on images of this shape completes with the method "
                + "\"VAEAC\"; every other method keeps using the open model"));
        // The candidates are looked for when the screen is first shown (then with each model) and each
        // time the list opens, so a VAEAC trained or copied meanwhile is offered.
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                companion.refresh();
            }
        });
        chooser.setOnShowing(e -> companion.refresh());
        chooser.setOnAction(e -> {
            Companion.Choice c = chooser.getValue();
            if (c == Companion.Choice.CHOOSE_FILE) {
                files.openFile("Choose a VAEAC to complete with", companion.folder(), "Latent Explorer models",
                        "*.lexb").ifPresentOrElse(companion::pick, () -> { });
                // The entry itself is no choice: show what is in use (or opening) meanwhile.
                javafx.application.Platform.runLater(() -> chooser.setValue(companion.chosenProperty().get()));
            } else if (c != null) {
                companion.pick(c);
            }
        });
        companion.chosenProperty().addListener((o, a, c) -> chooser.setValue(c));
        // Replacing the items may clear the box's value: put the choice in use back.
        companion.choices().addListener((javafx.collections.ListChangeListener<Companion.Choice>) ch -> {
            chooser.setValue(companion.chosenProperty().get());
            if (chooser.isShowing()) { // an open popup keeps its old height: open it again at the new one
                chooser.hide();
                chooser.show();
            }
        });
        chooser.disableProperty().bind(companion.openingProperty());
        Label note = new Label();
        note.setId("inpaint-companion-note");
        note.setStyle("-fx-text-fill: #444;");
        // One line, cut with an ellipsis (the whole text in its tooltip and, for a refusal, the error
        // dialog): a wrapped refusal pushed the editor down while it showed.
        note.setMinWidth(0);
        note.textProperty().bind(companion.noteProperty());
        Tooltip full = new Tooltip();
        full.setWrapText(true);
        full.setMaxWidth(480);
        full.textProperty().bind(companion.noteProperty());
        note.setTooltip(full);
        Label label = new Label("Completion model");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        chooser.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, label, chooser, note);
        bar.setId("inpaint-companion-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(companion.availableProperty());
        bar.managedProperty().bind(companion.availableProperty());
        return bar;
    }

    /** The methods by their readable names, each with a tooltip saying what it does. */
    private ComboBox<String> methodChooser() {
        ComboBox<String> method = new ComboBox<>(vm.methods());
        method.setId("inpaint-method");
        method.setCellFactory(l -> new MethodCell());
        method.setButtonCell(new MethodCell());
        method.valueProperty().bindBidirectional(vm.methodProperty());
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        tip.textProperty().bind(vm.methodProperty().map(vm::explanation));
        method.setTooltip(tip);
        return method;
    }

    private final class MethodCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : vm.displayName(item));
            Tooltip tip = empty || item == null ? null : new Tooltip(vm.explanation(item));
            if (tip != null) {
                tip.setWrapText(true);
                tip.setMaxWidth(360);
            }
            setTooltip(tip);
        }
    }

    /**
     * The Iterations field, off for the methods that ignore it. A disabled control shows no tooltip, so
     * the reason hangs on the box around the label and the field.
     */
    private javafx.scene.Node iterations() {
        IntegerSpinner iterations = new IntegerSpinner("Iterations", InpaintViewModel.MIN_ITERATIONS,
                InpaintViewModel.MAX_ITERATIONS, vm.iterationsProperty().get(), 50);
        iterations.setId("inpaint-iterations");
        iterations.setPrefWidth(90);
        iterations.valueProperty().addListener((o, a, b) -> vm.iterationsProperty().set(b));
        Label label = new Label("Iterations");
        HBox box = new HBox(8, label, iterations);
        box.setId("inpaint-iterations-box");
        box.setAlignment(Pos.CENTER_LEFT);
        label.disableProperty().bind(vm.iterationsApplyProperty().not());
        iterations.disableProperty().bind(vm.iterationsApplyProperty().not());
        Tooltip why = new Tooltip();
        why.setWrapText(true);
        why.setMaxWidth(360);
        why.textProperty().bind(vm.iterationsNoteProperty());
        Tooltip.install(box, why);
        return box;
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
        undo.setId("inpaint-undo");
        undo.setOnAction(e -> vm.undo());
        Button redo = new Button("Redo");
        redo.disableProperty().bind(vm.canRedoProperty().not());
        redo.setId("inpaint-redo");
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
        noUncertainty.setId("inpaint-no-uncertainty");
        noUncertainty.setWrapText(true);
        noUncertainty.setMaxWidth(RESULT - 24);
        noUncertainty.setStyle("-fx-text-fill: #444;");
        StackPane map = new StackPane(uncertainty, noUncertainty);
        map.setMinSize(RESULT, RESULT);
        map.setPrefSize(RESULT, RESULT);
        map.setStyle("-fx-background-color: #eeeeee;");
        scaleMin.setId("inpaint-scale-min");
        scaleMin.setStyle("-fx-text-fill: #666;");
        VBox heatBox = new VBox(4, new Label("Uncertainty (std. dev.)"), new HBox(6, map, colourBar), scaleMin);
        VBox box = new VBox(8, new HBox(12, meanBox, heatBox), new Label("Samples"), samples, status, exports());
        box.setPadding(new Insets(10, 0, 0, 0));
        // One width for every method and message, so the panel stays put while the method changes.
        double width = 2 * RESULT + 12 + 6 + BAR_WIDTH + 40;
        box.setMinWidth(width);
        box.setPrefWidth(width);
        box.setMaxWidth(width);
        showResult(null);
        return box;
    }

    /** The ramp from 0 (observed, certain) to the largest spread of a hidden pixel, labelled at both ends. */
    private VBox colourBar() {
        ImageView bar = new ImageView();
        int h = (int) RESULT - 36;
        WritableImage img = new WritableImage(BAR_WIDTH, h);
        img.getPixelWriter().setPixels(0, 0, BAR_WIDTH, h, PixelFormat.getIntArgbPreInstance(),
                Heat.bar(BAR_WIDTH, h), 0, BAR_WIDTH);
        bar.setImage(img);
        scaleMax.setId("inpaint-scale-max");
        VBox box = new VBox(2, scaleMax, bar, new Label("0"));
        // The same width with or without a scale, so the panel does not jump when a method gives none.
        box.setMinWidth(BAR_WIDTH + 40);
        box.setPrefWidth(BAR_WIDTH + 40);
        box.setId("inpaint-colour-bar");
        box.setPrefHeight(RESULT);
        return box;
    }

    private javafx.scene.Node exports() {
        Button png = new Button("Export PNG…");
        png.setId("inpaint-export-png");
        png.setTooltip(new Tooltip("The image, mask, mean, samples and uncertainty map as one picture"));
        png.setOnAction(e -> files.save("Export the completion", "inpaint.png", "png").ifPresent(vm::exportPng));
        Button csv = new Button("Export CSV…");
        csv.setId("inpaint-export-csv");
        csv.setTooltip(new Tooltip("Method, mask, error over the hidden pixels, spread and time"));
        csv.setOnAction(e -> files.save("Export the figures", "inpaint.csv", "csv").ifPresent(vm::exportCsv));
        png.disableProperty().bind(vm.outcomeProperty().isNull());
        csv.disableProperty().bind(vm.outcomeProperty().isNull());
        Label message = new Label();
        message.setId("inpaint-export-message");
        message.setStyle("-fx-text-fill: #666;");
        message.textProperty().bind(vm.messageProperty());
        // The message (a full path) goes under the buttons: beside them it squeezed their text to "Export...".
        message.setWrapText(true);
        png.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        csv.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, png, csv);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, buttons, message);
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

    private void showResult(Outcome o) {
        samples.getChildren().clear();
        if (o == null) {
            mean.setImage(null);
            uncertainty.setImage(null);
            noUncertainty.setText("");
            colourBar.setVisible(false);
            return;
        }
        ImageShape s = o.shape();
        var c = o.completion();
        Uncertainty u = o.uncertainty();
        mean.setImage(Raster.image(c.mean(), s));
        uncertainty.setImage(u.shown() ? heat(c.stdDev(), s, u.max()) : null);
        noUncertainty.setText(u.shown() ? "" : u.absent());
        colourBar.setVisible(u.shown());
        scaleMax.setText(u.shown() ? String.format(java.util.Locale.ROOT, "%.3f", u.max()) : "");
        scaleMin.setText(u.shown() ? String.format(java.util.Locale.ROOT, "hidden pixels: %.3f – %.3f", u.min(), u.max()) : "");
        for (int i = 0; i < Math.min(SAMPLES_SHOWN, c.samples().length); i++) {
            ImageView v = Images.pixelView(SAMPLE);
            v.setImage(Raster.image(c.samples()[i], s));
            samples.getChildren().add(v);
        }
    }

    /**
     * Per-pixel spread on {@link Heat}'s ramp from 0 to {@code max}, the largest spread of this completion
     * (a fixed 0.5 left most maps nearly black), the first channel of colour images.
     */
    static WritableImage heat(float[] std, ImageShape s, double max) {
        int w = s.width();
        int h = s.height();
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), Heat.map(std, w, h, max), 0, w);
        return img;
    }
}
