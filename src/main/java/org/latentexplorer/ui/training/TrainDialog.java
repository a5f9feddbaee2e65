package org.latentexplorer.ui.training;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.latentexplorer.ui.common.DecimalField;
import org.latentexplorer.ui.common.IntegerSpinner;
import org.latentexplorer.ui.services.TrainRequest;
import org.latentexplorer.ui.shell.FileDialogs;
import org.latentexplorer.ui.training.TrainInputs.Section;

/**
 * "Train new model": every option of {@code latent-explorer train} in titled sections (Data, Model,
 * Optimiser, and the GMVAE's start or the CVAE's prior when the model has one), labelled in a
 * researcher's words with the unit, each with its help as a tooltip. Numbers are typed into fields that
 * refuse letters and keep the last good value; the form's own checks mark the field and say why below,
 * and Train waits until all is well. Enter in a field commits it without starting a run. After a failed
 * run the dialog comes back with the reason on top.
 */
public final class TrainDialog extends Dialog<TrainRequest> {
    public static final ButtonType TRAIN = new ButtonType("Train", ButtonBar.ButtonData.OK_DONE);
    /** A field the form refuses: a red glow that does not change its size. */
    private static final String CSS = ".train-invalid { -fx-effect: dropshadow(gaussian, #b00020, 5, 0.5, 0, 0); }"
            + " .train-failure { -fx-background-color: #fdecea; -fx-text-fill: #8a1c1c; -fx-padding: 6 8;"
            + " -fx-background-radius: 3; }";

    private final TrainFormViewModel vm;
    private final List<Runnable> commits = new ArrayList<>();

    public TrainDialog(Window owner, TrainFormViewModel vm, FileDialogs files) {
        this.vm = vm;
        initOwner(owner);
        setTitle("Train new model");
        setHeaderText("Train a model on a data set; it is saved after every epoch and opened when it finishes.");
        setResizable(true);
        getDialogPane().setId("train-dialog");
        getDialogPane().getStylesheets().add("data:text/css," + URLEncoder.encode(CSS, StandardCharsets.UTF_8)
                .replace("+", "%20"));
        getDialogPane().getButtonTypes().addAll(TRAIN, ButtonType.CANCEL);

        Label failure = new Label();
        failure.setId("train-failure");
        failure.getStyleClass().add("train-failure");
        failure.setWrapText(true);
        failure.setMaxWidth(Double.MAX_VALUE);
        failure.textProperty().bind(Bindings.concat("The last run failed: ", vm.failureProperty()));
        failure.visibleProperty().bind(vm.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());

        VBox left = new VBox(10, section(Section.DATA, files), section(Section.MODEL, files), section(Section.CVAE, files),
                section(Section.VAEAC, files));
        alignLabels(left.getChildren().stream().map(n -> (GridPane) ((TitledPane) n).getContent()).toList());
        VBox middle = new VBox(10, section(Section.OPTIMISER, files));
        // The GMVAE's start, when it applies, is a third column: the dialog stays under 800 px high.
        HBox columns = new HBox(12, left, middle, section(Section.GMVAE, files));

        Label problem = new Label();
        problem.setId("train-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.textProperty().bind(vm.problemProperty());

        VBox content = new VBox(10, failure, columns, outputRow(files), problem);
        content.setPadding(new Insets(4, 0, 0, 0));
        // The message lines wrap within the columns' width rather than widening the dialog.
        for (Label l : List.of(failure, problem)) {
            l.setMinWidth(0);
            l.setPrefWidth(1);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        getDialogPane().setContent(content);

        // A section shown or hidden changes the dialog's size: fit it again.
        vm.text(TrainField.KIND).addListener((o, a, b) -> refit());
        vm.text(TrainField.LIKELIHOOD).addListener((o, a, b) -> refit());
        vm.editable(TrainField.INIT).addListener((o, a, b) -> refit());
        vm.failureProperty().addListener((o, a, b) -> refit());
        vm.problemProperty().addListener((o, a, b) -> refit());

        Button ok = (Button) getDialogPane().lookupButton(TRAIN);
        ok.setId("train-start");
        ok.disableProperty().bind(vm.validProperty().not());
        // Text still being typed counts: commit every field first, and stay open if that made the form bad.
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            commits.forEach(Runnable::run);
            if (!vm.validate()) {
                e.consume();
            }
        });
        setResultConverter(b -> b == TRAIN ? vm.toRequest() : null);
        // Enter in a field takes what was typed there and nothing more: a run can take hours, so it starts from
        // the Train button only (which Enter still presses when it has the focus).
        getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // A spinner, not its editor, has the focus and hears the keys.
            if (e.getCode() == KeyCode.ENTER && (e.getTarget() instanceof TextInputControl
                    || e.getTarget() instanceof Spinner<?> || e.getTarget() instanceof ComboBox<?> c && c.isEditable())) {
                commits.forEach(Runnable::run);
                e.consume();
            }
        });
    }

    /** Fits the dialog to its content again, about the same centre, and keeps it on the screen. */
    private void refit() {
        // Twice: a section hidden in this pulse may still report its old width to the first measure.
        Platform.runLater(() -> {
            fitNow();
            Platform.runLater(this::fitNow);
        });
    }

    private void fitNow() {
        {
            if (getDialogPane().getScene() == null || getDialogPane().getScene().getWindow() == null) {
                return;
            }
            Window w = getDialogPane().getScene().getWindow();
            double cx = w.getX() + w.getWidth() / 2;
            double cy = w.getY() + w.getHeight() / 2;
            getDialogPane().applyCss();
            getDialogPane().layout();
            w.sizeToScene();
            List<Screen> screens = Screen.getScreensForRectangle(cx, cy, 1, 1);
            Rectangle2D b = (screens.isEmpty() ? Screen.getPrimary() : screens.getFirst()).getVisualBounds();
            w.setX(Math.max(b.getMinX(), Math.min(cx - w.getWidth() / 2, b.getMaxX() - w.getWidth())));
            w.setY(Math.max(b.getMinY(), Math.min(cy - w.getHeight() / 2, b.getMaxY() - w.getHeight())));
        }
    }

    /**
     * Sections stacked in one column line their inputs up: their label columns take the widest label of
     * them all, measured once the styles are applied.
     */
    private void alignLabels(List<GridPane> grids) {
        // The window's own event: the dialog's DIALOG_SHOWN comes before showAndWait lays anything out.
        getDialogPane().getScene().getWindow().addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            double widest = 0;
            for (GridPane g : grids) {
                for (Node n : g.getChildren()) {
                    if (n instanceof Label l && GridPane.getColumnIndex(n) != null && GridPane.getColumnIndex(n) == 0
                            && GridPane.getColumnSpan(n) == null) {
                        widest = Math.max(widest, l.prefWidth(-1));
                    }
                }
            }
            for (GridPane g : grids) {
                g.getColumnConstraints().getFirst().setMinWidth(widest);
            }
            refit();
        });
    }

    /** A titled section: one row per field, label left, input right; rows that do not apply are hidden. */
    private Node section(Section s, FileDialogs files) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        // At least as wide as the other sections' fields, wider where a choice's words need it.
        ColumnConstraints inputs = new ColumnConstraints(200, Region.USE_COMPUTED_SIZE, Double.MAX_VALUE);
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, inputs);
        int row = 0;
        for (TrainField f : s.fields()) {
            Control input = input(f);
            Node cell = f == TrainField.DATASET ? withBrowse(input, files) : f == TrainField.LIMIT ? withHint(input) : input;
            Label label = new Label(f.label());
            label.setId(f.id() + "-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            label.setLabelFor(input);
            Tooltip help = tooltip(f.help());
            label.setTooltip(help);
            input.setTooltip(help);
            if (f == TrainField.HIDDEN) {
                label.textProperty().bind(Bindings.createStringBinding(vm::hiddenLabel, vm.text(TrainField.ARCH)));
            }
            label.visibleProperty().bind(vm.shown(f));
            label.managedProperty().bind(label.visibleProperty());
            cell.visibleProperty().bind(vm.shown(f));
            cell.managedProperty().bind(cell.visibleProperty());
            label.disableProperty().bind(vm.editable(f).not());
            input.disableProperty().bind(vm.editable(f).not());
            markWhenRefused(input, f);
            grid.addRow(row++, label, cell);
        }
        Node content = grid;
        if (s == Section.GMVAE) {
            Label note = new Label();
            note.setId("train-start-note");
            note.setWrapText(true);
            // As wide as the section, however long the words: they wrap below the fields.
            note.setMinWidth(0);
            note.setPrefWidth(1);
            note.setMaxWidth(Double.MAX_VALUE);
            note.setMinHeight(Region.USE_PREF_SIZE);
            note.setStyle("-fx-text-fill: #555;");
            note.textProperty().bind(Bindings.createStringBinding(() -> !vm.editable(TrainField.PRETRAIN).get()
                    ? "A convolutional GMVAE starts from random weights for now: no pre-training."
                    : vm.editable(TrainField.INIT).get() ? ""
                    : "No pre-training: the mixture starts from random weights, so the start's options do not apply.",
                    vm.editable(TrainField.PRETRAIN), vm.editable(TrainField.INIT)));
            note.visibleProperty().bind(note.textProperty().isNotEmpty());
            note.managedProperty().bind(note.visibleProperty());
            content = new VBox(6, grid, note);
        }
        TitledPane pane = new TitledPane(s.title(), content);
        pane.setId("train-section-" + s.name().toLowerCase(java.util.Locale.ROOT));
        pane.setCollapsible(false);
        pane.visibleProperty().bind(vm.shown(s));
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    /** Marks {@code input} while the form refuses its field (and at once, if it already does). */
    private void markWhenRefused(Control input, TrainField f) {
        Runnable mark = () -> {
            input.getStyleClass().remove("train-invalid");
            if (vm.error(f).get() != null) {
                input.getStyleClass().add("train-invalid");
            }
        };
        vm.error(f).addListener((o, a, b) -> mark.run());
        mark.run();
    }

    private static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        t.setShowDelay(Duration.millis(400));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    /** The control for a field: a choice, a whole-number spinner, a checked decimal, or text. */
    private Control input(TrainField f) {
        Control c;
        Map<String, String> choices = vm.choices(f);
        if (vm.integer(f) != null) {
            TrainInputs.Range r = TrainInputs.range(f);
            IntegerSpinner s = new IntegerSpinner(f.label(), r.min(), r.max(), vm.integer(f).get());
            s.getValueFactory().valueProperty().bindBidirectional(vm.integer(f));
            commits.add(s::commitValue);
            c = s;
        } else if (vm.decimal(f) != null) {
            TrainInputs.DecimalRange r = TrainInputs.decimalRange(f);
            DecimalField d = new DecimalField(f.label(), r.min(), r.max(), vm.decimal(f).get(), r.optional());
            d.valueProperty().bindBidirectional(vm.decimal(f));
            if (f == TrainField.JOINT_LR) {
                d.setPromptText("a tenth of the learning rate");
            }
            commits.add(d::commit);
            c = d;
        } else if (f == TrainField.DATASET) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(choices.keySet());
            box.setEditable(true);
            box.setValue(vm.text(f).get());
            // Typed text counts at once (not on Enter); a choice from the list or the browser sets both.
            box.getEditor().textProperty().addListener((o, a, b) -> vm.text(f).set(b));
            commits.add(box::commitValue);
            vm.text(f).addListener((o, a, b) -> {
                if (!b.equals(box.getEditor().getText())) {
                    box.setValue(b);
                }
            });
            c = box;
        } else if (choices != null) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(choices.keySet());
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(String value) {
                    return value == null ? "" : choices.getOrDefault(value, value);
                }

                @Override
                public String fromString(String text) {
                    return text;
                }
            });
            box.valueProperty().bindBidirectional(vm.text(f));
            c = box;
        } else {
            TextField t = new TextField();
            t.textProperty().bindBidirectional(vm.text(f));
            if (f == TrainField.HIDDEN) {
                t.promptTextProperty().bind(Bindings.createStringBinding(vm::hiddenPrompt, vm.text(TrainField.ARCH),
                        vm.text(TrainField.KIND)));
            }
            c = t;
        }
        c.setId(f.id());
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    /** The data set's field with a browser for a file or a folder of images. */
    private Node withBrowse(Control input, FileDialogs files) {
        MenuItem file = new MenuItem("A file…");
        file.setOnAction(e -> files.openDataset(false).ifPresent(p -> vm.text(TrainField.DATASET).set(p.toString())));
        MenuItem folder = new MenuItem("A folder of images…");
        folder.setOnAction(e -> files.openDataset(true).ifPresent(p -> vm.text(TrainField.DATASET).set(p.toString())));
        MenuButton browse = new MenuButton("Browse", null, file, folder);
        browse.setId("train-dataset-browse");
        browse.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, input, browse);
        HBox.setHgrow(input, Priority.ALWAYS);
        return box;
    }

    /** The example limit with the size of the chosen part beside it, when the program knows it. */
    private Node withHint(Control input) {
        Label hint = new Label();
        hint.setId("train-limit-hint");
        hint.setMinWidth(Region.USE_PREF_SIZE);
        hint.setStyle("-fx-text-fill: #555;");
        hint.textProperty().bind(Bindings.createStringBinding(vm::sizeHint, vm.text(TrainField.DATASET),
                vm.text(TrainField.SPLIT)));
        HBox box = new HBox(6, input, hint);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(input, Priority.ALWAYS);
        return box;
    }

    /** Where the model goes: the path, editable, and a save dialog that starts in its folder. */
    private Node outputRow(FileDialogs files) {
        TrainField f = TrainField.OUTPUT;
        Label label = new Label(f.label());
        label.setMinWidth(Region.USE_PREF_SIZE);
        Control field = input(f);
        label.setLabelFor(field);
        Tooltip help = tooltip(f.help());
        label.setTooltip(help);
        field.setTooltip(help);
        markWhenRefused(field, f);
        Button browse = new Button("Browse…");
        browse.setId("train-output-browse");
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> files.save("Save the trained model as", vm.outputFolder(), vm.outputName(), "lexb")
                .ifPresent(vm::chooseOutput));
        HBox row = new HBox(8, label, field, browse);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        return row;
    }
}
