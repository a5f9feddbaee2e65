package org.latentexplorer.ui.model;

import java.awt.image.BufferedImage;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.latentexplorer.ui.common.IntegerSpinner;
import org.latentexplorer.ui.shell.FileDialogs;

/**
 * The Model screen: what a researcher reports about a model. The evaluation table (ELBO and its
 * terms, the importance-weighted log-likelihood, reconstruction errors, active units, clusters,
 * robustness to corrupted inputs), the latent traversal (one row per dimension, ordered by KL), and
 * inputs beside their reconstructions; the images export as PNG.
 */
public final class ModelView extends ScrollPane {

    public ModelView(ModelViewModel vm, FileDialogs files) {
        setId("model-view");
        setFitToWidth(true);
        Label summary = new Label();
        summary.setId("model-summary");
        summary.setWrapText(true);
        summary.setStyle("-fx-font-weight: bold;");
        summary.textProperty().bind(vm.summaryProperty());
        VBox content = new VBox(10, summary, evaluation(vm), traversal(vm, files), reconstructions(vm, files));
        content.setPadding(new Insets(8));
        setContent(content);
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-size: 1.15em; -fx-font-weight: bold;");
        return l;
    }

    private static VBox evaluation(ModelViewModel vm) {
        IntegerSpinner k = new IntegerSpinner("Importance samples K", 1, 100_000, vm.iwSamplesProperty().get(), 100);
        k.setId("eval-k");
        k.setTooltip(new Tooltip("K in the importance-weighted estimate of log p(x) (Burda et al. 2016): larger is "
                + "tighter and slower; 5000 is the literature's"));
        k.valueProperty().addListener((o, was, now) -> vm.iwSamplesProperty().set(now));
        IntegerSpinner n = new IntegerSpinner("Test images", 10, 100_000, vm.examplesProperty().get(), 100);
        n.setId("eval-examples");
        n.valueProperty().addListener((o, was, now) -> vm.examplesProperty().set(now));
        CheckBox corrupted = new CheckBox("Corrupted inputs");
        corrupted.setTooltip(new Tooltip("Also score inputs with uniform noise and with half the pixels dropped "
                + "(Sánchez Martín 2018, experiment 4)"));
        corrupted.selectedProperty().bindBidirectional(vm.corruptedProperty());
        Button run = new Button("Evaluate");
        run.setId("evaluate");
        run.disableProperty().bind(vm.evaluatingProperty());
        run.setOnAction(e -> vm.evaluate());
        Button cancel = new Button("Cancel");
        cancel.visibleProperty().bind(vm.evaluatingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancelEvaluation());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.evaluatingProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        FlowPane controls = new FlowPane(8, 6, new Label("K"), k, new Label("Test images"), n, corrupted, run, cancel, bar);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label figures = new Label();
        figures.setId("evaluation-figures");
        figures.setStyle("-fx-font-family: monospace;");
        figures.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", vm.evaluation()),
                vm.evaluation()));
        Label note = new Label();
        note.setId("evaluation-note");
        note.setWrapText(true);
        note.textProperty().bind(vm.evaluationNoteProperty());
        Label problems = new Label();
        problems.setStyle("-fx-text-fill: #b00020;");
        problems.managedProperty().bind(problems.textProperty().isNotEmpty());
        problems.visibleProperty().bind(problems.managedProperty());
        problems.textProperty().bind(Bindings.createStringBinding(() -> first(k.problemProperty().get(),
                n.problemProperty().get()), k.problemProperty(), n.problemProperty()));
        return new VBox(6, heading("Evaluation (test split)"), controls, problems, figures, note);
    }

    private static String first(String a, String b) {
        return a != null && !a.isEmpty() ? a : b == null ? "" : b;
    }

    private static VBox traversal(ModelViewModel vm, FileDialogs files) {
        Label usage = new Label();
        usage.setId("latent-usage");
        usage.setWrapText(true);
        usage.textProperty().bind(vm.usageTextProperty());
        IntegerSpinner rows = new IntegerSpinner("Rows", 1, 64, vm.rowsProperty().get());
        rows.setId("traversal-rows");
        rows.valueProperty().addListener((o, was, now) -> {
            vm.rowsProperty().set(now);
            vm.drawTraversal();
        });
        IntegerSpinner steps = new IntegerSpinner("Steps", 2, 25, vm.stepsProperty().get());
        steps.valueProperty().addListener((o, was, now) -> {
            vm.stepsProperty().set(now);
            vm.drawTraversal();
        });
        ChoiceBox<Double> range = new ChoiceBox<>();
        range.getItems().addAll(1.0, 2.0, 3.0, 4.0, 6.0);
        range.setValue(vm.rangeProperty().get());
        range.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : "±" + v.intValue();
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("±", ""));
            }
        });
        range.valueProperty().addListener((o, was, now) -> {
            vm.rangeProperty().set(now);
            vm.drawTraversal();
        });
        Button prior = new Button("From the prior's mean");
        prior.setOnAction(e -> vm.traverseFromPriorMean());
        Button random = new Button("From a random test image");
        random.setId("traverse-random");
        random.setOnAction(e -> vm.traverseFromRandomImage());
        Button export = new Button("Export PNG…");
        export.setId("traversal-export");
        export.disableProperty().bind(vm.traversalProperty().isNull());
        export.setOnAction(e -> files.save("Export traversal", "traversal.png", "png").ifPresent(f -> save(vm, f, true)));
        FlowPane controls = new FlowPane(8, 6, new Label("Rows"), rows, new Label("Steps"), steps, new Label("Range"),
                range, prior, random, export);
        controls.setAlignment(Pos.CENTER_LEFT);
        ImageView image = view(vm.traversalProperty());
        image.setId("traversal-image");
        return new VBox(6, heading("Latent traversals"), usage, controls, image);
    }

    private static VBox reconstructions(ModelViewModel vm, FileDialogs files) {
        ChoiceBox<String> source = new ChoiceBox<>(vm.reconstructionSources());
        source.setId("reconstruction-source");
        source.valueProperty().bindBidirectional(vm.reconstructionSourceProperty());
        source.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.drawReconstructions();
            }
        });
        Button again = new Button("New draw");
        again.setOnAction(e -> vm.newReconstructions());
        Button export = new Button("Export PNG…");
        export.setId("reconstruction-export");
        export.disableProperty().bind(vm.reconstructionsProperty().isNull());
        export.setOnAction(e -> files.save("Export reconstructions", "reconstructions.png", "png")
                .ifPresent(f -> save(vm, f, false)));
        HBox controls = new HBox(8, new Label("Inputs"), source, again, export);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(vm.reconstructionTextProperty());
        ImageView image = view(vm.reconstructionsProperty());
        image.setId("reconstruction-image");
        return new VBox(6, heading("Reconstructions"), controls, text, image);
    }

    private static void save(ModelViewModel vm, java.nio.file.Path file, boolean traversal) {
        try {
            vm.export(file, traversal);
        } catch (java.io.IOException | RuntimeException e) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                    file + ": " + org.latentexplorer.ui.shell.ErrorReporter.describe(e)).show();
        }
    }

    /** An image view following a property of AWT images, pixels kept square and sharp, shown at least 1:1. */
    private static ImageView view(javafx.beans.property.ObjectProperty<BufferedImage> source) {
        ImageView v = new ImageView();
        v.setSmooth(false);
        v.setPreserveRatio(true);
        source.addListener((o, was, now) -> {
            v.setImage(now == null ? null : toFx(now));
            if (now != null) {
                // Small tiles (28 px) read better doubled, as long as the image stays within a laptop's width.
                v.setFitWidth(now.getWidth() * (now.getWidth() <= 560 ? 2 : 1));
            }
        });
        return v;
    }

    static WritableImage toFx(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }
}
