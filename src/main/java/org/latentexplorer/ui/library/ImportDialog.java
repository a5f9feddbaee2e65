package org.latentexplorer.ui.library;

import java.nio.file.Path;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.latentexplorer.data.DatasetCatalog;
import org.latentexplorer.data.KnownDataset;
import org.latentexplorer.ui.library.ImportForm.Field;
import org.latentexplorer.ui.shell.FileDialogs;

/**
 * "Import model…": the form on the left, each field's message under it as the user types, and under the
 * form the progress of a preview or save and the core's message when one failed; on the right the
 * preview ({@link ImportPreviewPane}). Preview and Save keep the dialog open while they run; a failure
 * leaves the form as it was.
 */
public final class ImportDialog extends Dialog<Void> {
    public static final ButtonType PREVIEW = new ButtonType("Preview", ButtonBar.ButtonData.NEXT_FORWARD);
    public static final ButtonType SAVE = new ButtonType("Save and open", ButtonBar.ButtonData.OK_DONE);

    private static final Map<Field, String> LABELS = Map.ofEntries(
            Map.entry(Field.ENCODER, "Encoder"), Map.entry(Field.DECODER, "Decoder"),
            Map.entry(Field.INPUT_SHAPE, "Input shape"), Map.entry(Field.LIKELIHOOD, "Likelihood"),
            Map.entry(Field.DECODER_OUTPUT, "Decoder output"), Map.entry(Field.MEAN_OUTPUT, "Mean output"),
            Map.entry(Field.LOG_VAR_OUTPUT, "Log-var output"), Map.entry(Field.LABELS, "Labels"),
            Map.entry(Field.DATASET, "Data set"), Map.entry(Field.NAME, "Name"), Map.entry(Field.OUT, "Save as"));

    private static final Map<Field, String> HELP = Map.ofEntries(
            Map.entry(Field.ENCODER, "ONNX file: images → posterior mean and log-variance"),
            Map.entry(Field.DECODER, "ONNX file: codes [N, d] → the decoder's output"),
            Map.entry(Field.INPUT_SHAPE, "One image as HxWxC, e.g. 28x28x1 or 32x32x3"),
            Map.entry(Field.LIKELIHOOD, "bernoulli, or gaussian:S2 with the fixed variance S2 (e.g. gaussian:0.01)"),
            Map.entry(Field.DECODER_OUTPUT, "What the decoder returns: logits (no sigmoid at the end), "
                    + "probabilities (Bernoulli), or the mean (Gaussian)"),
            Map.entry(Field.MEAN_OUTPUT, "The encoder output holding the posterior mean (empty: its first output)"),
            Map.entry(Field.LOG_VAR_OUTPUT, "The encoder output holding the log-variance (empty: its second output)"),
            Map.entry(Field.LABELS, "Class names: a known data set's name (" + String.join(", ", DatasetCatalog.all()
                    .stream().map(KnownDataset::name).toList()) + ") or a text file with one name per line"),
            Map.entry(Field.DATASET, "The data set to try the model on and explore it with (empty: the labels' data "
                    + "set, else the known data set of that image shape)"),
            Map.entry(Field.NAME, "A name to show for the model"),
            Map.entry(Field.OUT, "Where the model bundle is written (.lexb)"));

    private final ImportViewModel vm;
    private final ImportForm form;

    public ImportDialog(Window owner, ImportViewModel vm, FileDialogs files) {
        this.vm = vm;
        this.form = vm.form();
        initOwner(owner);
        setTitle("Import model");
        setHeaderText("Import a VAE trained elsewhere from its encoder and decoder exported to ONNX.");
        setResizable(true);
        getDialogPane().setId("import-model-dialog");
        getDialogPane().getButtonTypes().addAll(PREVIEW, SAVE, ButtonType.CLOSE);
        GridPane fields = fields(files);
        Label problem = problemLabel();
        // The core's message wraps in the form's width instead of widening the dialog.
        problem.prefWidthProperty().bind(fields.widthProperty());
        // Room for the progress line and a message of a few lines, so that the dialog rarely has to grow.
        VBox outcome = new VBox(6, statusLine(), problem);
        outcome.setMinHeight(5 * 16);
        VBox left = new VBox(10, fields, outcome);
        HBox content = new HBox(16, left, new Separator(Orientation.VERTICAL), new ImportPreviewPane(vm));
        getDialogPane().setContent(content);
        // Otherwise the window may be sized below the content's height (wrapped labels), hiding the buttons.
        getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        // A message appearing (a field's, the core's) must not push the buttons out of the window: grow to fit.
        content.layoutBoundsProperty().addListener((o, a, b) -> growToFit());
        vm.problemProperty().addListener((o, a, b) -> growToFit());
        form.validProperty().addListener((o, a, b) -> growToFit());

        Button preview = (Button) getDialogPane().lookupButton(PREVIEW);
        preview.setId("import-run-preview");
        preview.setDefaultButton(true);
        // Not disabled while a preview runs (the view model ignores the click then): a disabled button hands the
        // focus to the first field and selects its text, where the next key press would replace it.
        preview.disableProperty().bind(form.validProperty().not());
        preview.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.preview();
        });
        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.setId("import-save");
        save.setDefaultButton(false);
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.save();
        });
        vm.savedProperty().addListener((o, a, file) -> {
            if (file != null) {
                close();
            }
        });
        setOnHidden(e -> vm.dispose());
        setResultConverter(b -> null);
    }

    private GridPane fields(FileDialogs files) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints inputs = new ColumnConstraints(300, 400, Double.MAX_VALUE);
        inputs.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, inputs, new ColumnConstraints());
        int row = 0;
        Control last = null;
        for (Field f : Field.values()) {
            Control input = input(f);
            last = input;
            input.setId("import-" + f.key());
            Tooltip help = new Tooltip();
            // An unfocused text field shows the start of its text: the tooltip has the whole path.
            help.textProperty().bind(form.value(f).map(v -> HELP.get(f) + "\n(" + f.option() + " on the command line)"
                    + (v.isBlank() || input instanceof ComboBox ? "" : "\n\n" + v)).orElse(HELP.get(f)));
            input.setTooltip(help);
            input.setMaxWidth(Double.MAX_VALUE);
            Label label = new Label(LABELS.get(f));
            label.setLabelFor(input);
            label.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(label, 0, row);
            grid.add(input, 1, row);
            Button choose = chooser(f, files);
            if (choose != null) {
                grid.add(choose, 2, row);
            }
            row++;
            Label error = new Label();
            error.setId("import-" + f.key() + "-error");
            error.setWrapText(true);
            error.setStyle("-fx-text-fill: #b00020; -fx-font-size: 11px;");
            error.textProperty().bind(form.error(f));
            // Each field keeps a line for its message, so that the form does not jump while one types; the
            // message wraps in the field's width (a long one takes more lines) instead of widening the form.
            error.prefWidthProperty().bind(input.widthProperty());
            error.setMinHeight(Region.USE_PREF_SIZE);
            grid.add(error, 1, row);
            GridPane.setMargin(error, new Insets(0, 0, 2, 0));
            row++;
        }
        Label note = new Label();
        note.setId("import-out-note");
        note.setWrapText(true);
        note.setStyle("-fx-font-size: 11px; -fx-text-fill: #555;");
        note.textProperty().bind(form.outNoteProperty());
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.visibleProperty().bind(form.outNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        grid.add(note, 1, row);
        note.prefWidthProperty().bind(last.widthProperty());
        grid.setMinWidth(Region.USE_PREF_SIZE);
        return grid;
    }

    private Control input(Field f) {
        String[] choices = switch (f) {
            case LIKELIHOOD -> new String[] {"bernoulli", "gaussian:0.01", "gaussian:0.001"};
            case DECODER_OUTPUT -> new String[] {"logits", "probabilities", "mean"};
            default -> null;
        };
        if (choices != null) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(choices);
            // Any Gaussian variance can be typed; the decoder's output is one of the three.
            box.setEditable(f == Field.LIKELIHOOD);
            if (box.isEditable()) {
                // The editor's text, not the value (set only on Enter or leaving the field), so it is checked as typed.
                box.getEditor().textProperty().bindBidirectional(form.value(f));
            } else {
                box.valueProperty().bindBidirectional(form.value(f));
            }
            return box;
        }
        TextField t = new TextField();
        t.textProperty().bindBidirectional(form.value(f));
        t.setPromptText(switch (f) {
            case ENCODER, DECODER -> "path of the .onnx file";
            case INPUT_SHAPE -> "HxWxC";
            case MEAN_OUTPUT -> "its first output";
            case LOG_VAR_OUTPUT -> "its second output";
            case LABELS -> "mnist, fashion-mnist, … or a file";
            case NAME -> "optional";
            default -> "";
        });
        if (f == Field.DATASET) {
            t.promptTextProperty().bind(form.defaultDatasetProperty().map(d -> d.isEmpty() ? "" : "default: " + d));
        }
        return t;
    }

    private Button chooser(Field f, FileDialogs files) {
        java.util.function.Consumer<Path> chosen = p -> form.value(f).set(p.toString());
        Runnable pick = switch (f) {
            case ENCODER, DECODER -> () -> files.openFile("Choose the " + LABELS.get(f).toLowerCase() + " (ONNX)",
                    folderOf(form.value(f).get(), form.value(Field.ENCODER).get()), "ONNX models (*.onnx)", "*.onnx")
                    .ifPresent(chosen);
            case LABELS -> () -> files.openFile("Choose a file of class names", null, "Text files (*.txt)", "*.txt")
                    .ifPresent(chosen);
            case OUT -> () -> files.save("Save the imported model as", fileName(form.value(f).get()), "lexb")
                    .map(p -> p.toString().endsWith(".lexb") ? p : Path.of(p + ".lexb"))
                    .ifPresent(chosen);
            default -> null;
        };
        if (pick == null) {
            return null;
        }
        Button b = new Button("Choose…");
        b.setId("import-" + f.key() + "-choose");
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> pick.run());
        return b;
    }

    /** The folder of the first of these paths that has one (a chooser starts there), or null. */
    private static Path folderOf(String... paths) {
        for (String p : paths) {
            try {
                Path parent = p == null || p.isBlank() ? null : Path.of(p.strip()).toAbsolutePath().getParent();
                if (parent != null && parent.toFile().isDirectory()) {
                    return parent;
                }
            } catch (RuntimeException e) {
                // not a path: no starting folder
            }
        }
        return null;
    }

    private static String fileName(String path) {
        try {
            Path name = Path.of(path.strip()).getFileName();
            return name == null ? "imported-model.lexb" : name.toString();
        } catch (RuntimeException e) {
            return "imported-model.lexb";
        }
    }

    /** Progress and Cancel while a preview or save runs; otherwise how the last one ended. */
    private Node statusLine() {
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(140);
        bar.progressProperty().bind(vm.progressProperty());
        Label message = new Label();
        message.setId("import-message");
        message.setMinWidth(0);
        message.textProperty().bind(vm.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        // A long message is cut short instead of widening the dialog.
        message.setPrefWidth(100);
        message.setMaxWidth(Double.MAX_VALUE);
        Button cancel = new Button("Cancel");
        cancel.setId("import-cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setOnAction(e -> vm.cancel());
        for (Node node : new Node[] {bar, cancel}) {
            node.visibleProperty().bind(vm.runningProperty());
            node.managedProperty().bind(vm.runningProperty());
        }
        HBox status = new HBox(8, bar, message, cancel);
        status.setAlignment(Pos.CENTER_LEFT);
        // The summary already says how the preview went; the line shows what runs and how the last step ended.
        status.visibleProperty().bind(vm.runningProperty().or(vm.previewProperty().isNull().and(vm.messageProperty().isNotEmpty())));
        status.managedProperty().bind(status.visibleProperty());
        return status;
    }

    /** The core's message when a preview or save failed: it names the file and what does not fit. */
    private Label problemLabel() {
        Label problem = new Label();
        problem.setId("import-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }

    private void growToFit() {
        javafx.application.Platform.runLater(() -> {
            if (getDialogPane().getScene() == null || !isShowing()) {
                return;
            }
            double need = getDialogPane().prefHeight(getDialogPane().getWidth());
            if (need > getDialogPane().getHeight() + 0.5) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
    }
}
