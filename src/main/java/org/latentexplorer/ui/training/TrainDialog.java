package org.latentexplorer.ui.training;

import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.latentexplorer.ui.services.TrainRequest;

/**
 * "Train new model": every hyper-parameter of {@code latent-explorer train}, checked as the user types
 * (ControlsFX decorations on the bad fields, the message below, Train disabled until all is well).
 */
public final class TrainDialog extends Dialog<TrainRequest> {
    public static final ButtonType TRAIN = new ButtonType("Train", ButtonBar.ButtonData.OK_DONE);

    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("data", "Data set: mnist, fashion-mnist, or a file/folder path"),
            Map.entry("kind", "vae, gmvae (Gaussian mixture) or cvae (conditional)"),
            Map.entry("arch", "dense or conv"),
            Map.entry("latent", "Latent dimension d (2 draws the map directly)"),
            Map.entry("hidden", "Hidden layer sizes of the encoder; the decoder mirrors them"),
            Map.entry("likelihood", "bernoulli or gaussian:S2 (fixed variance, e.g. gaussian:0.01)"),
            Map.entry("clusters", "Mixture components (gmvae only)"),
            Map.entry("pretrain", "Autoencoder epochs before the mixture starts (gmvae only; 0 = random start)"),
            Map.entry("start", "What the pre-training optimises (gmvae only): an autoencoder, one decoding samples of "
                    + "q(z|x), or a plain VAE (its decoder stays calibrated)"),
            Map.entry("epochs", "Passes over the training split"),
            Map.entry("batch", "Examples per gradient step"),
            Map.entry("lr", "Adam learning rate, (0, 1]"),
            Map.entry("weight-decay", "L2 weight decay, [0, 1)"),
            Map.entry("beta", "Weight of the KL term (β-VAE)"),
            Map.entry("warmup", "Epochs of linear KL warm-up"),
            Map.entry("validation", "Fraction held out for validation, [0, 0.5]"),
            Map.entry("patience", "Early stopping patience in epochs; 0 = off"),
            Map.entry("binarize", "none, static or dynamic"),
            Map.entry("seed", "Random seed"),
            Map.entry("out", "Where the trained model bundle is written (.lexb)"));

    public TrainDialog(Window owner, TrainFormViewModel vm) {
        initOwner(owner);
        setTitle("Train new model");
        setHeaderText("Train a model; it is saved and opened when it finishes.");
        getDialogPane().setId("train-dialog");
        getDialogPane().getButtonTypes().addAll(TRAIN, ButtonType.CANCEL);
        ValidationSupport validation = new ValidationSupport();
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        int row = 0;
        for (String f : TrainFormViewModel.FIELDS) {
            Control input = input(f, vm);
            input.setId("train-" + f);
            input.setTooltip(new Tooltip(HELP.get(f)));
            Label label = new Label(TrainFormViewModel.option(f));
            label.setLabelFor(input);
            int col = row % 2 == 0 ? 0 : 2;
            grid.add(label, col, row / 2);
            grid.add(input, col + 1, row / 2);
            validation.registerValidator(input, false, (Control c, Object value) -> {
                vm.validate();
                String m = vm.error(f).get();
                return ValidationResult.fromErrorIf(c, m, m != null);
            });
            row++;
        }
        Label problem = new Label();
        problem.setId("train-problem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.textProperty().bind(Bindings.createStringBinding(() -> vm.validProperty().get() ? "" : firstError(vm),
                vm.validProperty(), validation.validationResultProperty()));
        grid.add(problem, 0, (row + 1) / 2 + 1, 4, 1);
        getDialogPane().setContent(grid);
        Node ok = getDialogPane().lookupButton(TRAIN);
        ok.disableProperty().bind(vm.validProperty().not());
        setResultConverter(b -> b == TRAIN ? vm.toRequest() : null);
    }

    private static String firstError(TrainFormViewModel vm) {
        for (String f : TrainFormViewModel.FIELDS) {
            if (vm.error(f).get() != null) {
                return vm.error(f).get();
            }
        }
        return "";
    }

    private static Control input(String f, TrainFormViewModel vm) {
        String[] choices = switch (f) {
            case "kind" -> new String[] {"vae", "gmvae", "cvae"};
            case "arch" -> new String[] {"dense", "conv"};
            case "binarize" -> new String[] {"none", "static", "dynamic"};
            case "likelihood" -> new String[] {"bernoulli", "gaussian:0.01", "gaussian:0.001"};
            case "start" -> TrainFormViewModel.STARTS.toArray(String[]::new);
            default -> null;
        };
        if (choices != null) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(choices);
            box.setEditable(f.equals("likelihood"));
            box.valueProperty().bindBidirectional(vm.value(f));
            box.setPrefWidth(160);
            return box;
        }
        TextField t = new TextField();
        t.textProperty().bindBidirectional(vm.value(f));
        t.setPrefColumnCount(f.equals("out") || f.equals("data") ? 18 : 8);
        return t;
    }
}
