package org.latentexplorer.ui.library;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.model.ImportedVae;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.ui.common.Images;
import org.latentexplorer.ui.common.Raster;
import org.latentexplorer.ui.shell.FileDialogs;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.shell.Workspace;

/** The library panel: the open model, open / import / train, and the recent models. */
public final class LibraryView extends VBox {
    private final LibraryViewModel vm;
    private final FileDialogs dialogs;

    public LibraryView(LibraryViewModel vm, Session session, FileDialogs dialogs, Runnable onTrain) {
        super(8);
        this.vm = vm;
        this.dialogs = dialogs;
        setId("library");
        setPadding(new Insets(8));
        setPrefWidth(230);
        Label current = new Label("No model open");
        current.setId("current-model");
        current.setWrapText(true);
        session.workspaceProperty().addListener((o, a, w) -> current.setText(describe(w)));
        Button open = new Button("Open model…");
        open.setId("open-model");
        open.setMaxWidth(Double.MAX_VALUE);
        open.setOnAction(e -> dialogs.openModel().ifPresent(vm::openModel));
        Button importModel = new Button("Import model…");
        importModel.setId("import-model");
        importModel.setMaxWidth(Double.MAX_VALUE);
        importModel.setTooltip(new javafx.scene.control.Tooltip("A VAE trained elsewhere, from its encoder and decoder "
                + "exported to ONNX"));
        importModel.setOnAction(e -> openImportDialog());
        MenuButton importData = new MenuButton("Import data set");
        importData.setId("import-data");
        importData.setMaxWidth(Double.MAX_VALUE);
        MenuItem file = new MenuItem("From a file…");
        file.setOnAction(e -> dialogs.openDataset(false).map(Path::toString).ifPresent(vm::readDataset));
        MenuItem folder = new MenuItem("From a folder of images…");
        folder.setOnAction(e -> dialogs.openDataset(true).map(Path::toString).ifPresent(vm::readDataset));
        MenuItem mnist = new MenuItem("MNIST (embedded)");
        mnist.setOnAction(e -> vm.readDataset("mnist"));
        MenuItem fashion = new MenuItem("Fashion-MNIST (embedded)");
        fashion.setOnAction(e -> vm.readDataset("fashion-mnist"));
        importData.getItems().addAll(file, folder, mnist, fashion);
        Button train = new Button("Train new model…");
        train.setId("train-model");
        train.setMaxWidth(Double.MAX_VALUE);
        train.setOnAction(e -> onTrain.run());

        ListView<String> recent = new ListView<>(vm.recentModels());
        recent.setId("recent-models");
        recent.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Path.of(item).getFileName().toString());
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        recent.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && recent.getSelectionModel().getSelectedItem() != null) {
                vm.openModel(Path.of(recent.getSelectionModel().getSelectedItem()));
            }
        });
        VBox.setVgrow(recent, Priority.ALWAYS);
        Label title = new Label("Model");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        Label recentTitle = new Label("Recent models (double-click)");
        recentTitle.setStyle("-fx-font-weight: bold;");
        getChildren().addAll(title, current, open, importModel, importData, train, recentTitle, recent);

        vm.pendingImportProperty().addListener((o, a, d) -> {
            if (d != null) {
                showPreview(d);
            }
        });
    }

    /**
     * Shows "Import model…" (the button's action; a menu can call it too): a VAE exported to ONNX,
     * previewed, saved and opened as the current model.
     */
    public void openImportDialog() {
        new ImportDialog(getScene() == null ? null : getScene().getWindow(), vm.newImport(), dialogs).show();
    }

    public static String describe(Workspace w) {
        if (w == null) {
            return "No model open";
        }
        ModelConfig c = w.model().config();
        // An imported model carries the name it was given; it was trained elsewhere, so its data set is where it is shown.
        Object given = c.extra().get("name");
        boolean imported = ImportedVae.ARCH.equals(c.arch());
        return (given == null ? "" : given + "\n") + w.model().name() + "\n" + c.kind() + ", " + c.arch() + ", d = "
                + c.latentDim() + ", " + c.likelihood() + "\ninput " + c.inputShape()
                + (imported ? ", imported from ONNX" : c.datasetId().isEmpty() ? "" : ", trained on " + c.datasetId())
                + LibraryViewModel.storedFigures(w) + "\n\nShowing " + w.dataset().size() + " examples of " + w.dataset().id();
    }


    /** What was read: counts, shape, labels and the first images; import or not. */
    private void showPreview(Dataset d) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.setTitle("Import data set");
        dialog.setHeaderText(d.id());
        dialog.getDialogPane().setId("import-preview");
        FlowPane thumbs = new FlowPane(4, 4);
        thumbs.setPrefWrapLength(420);
        for (int i = 0; i < Math.min(24, d.size()); i++) {
            ImageView v = Images.pixelView(48);
            v.setImage(Raster.image(d.row(i), d.shape()));
            thumbs.getChildren().add(v);
        }
        String labels = d.hasLabels() ? d.labelNames().size() + " classes: " + String.join(", ", d.labelNames().subList(0,
                Math.min(10, d.labelNames().size()))) + (d.labelNames().size() > 10 ? ", …" : "") : "no labels";
        Label info = new Label(d.size() + " examples of " + d.shape() + "\n" + labels
                + (d.hasMissing() ? "\nsome values are missing" : ""));
        dialog.getDialogPane().setContent(new VBox(8, info, thumbs));
        dialog.getDialogPane().getButtonTypes().addAll(new ButtonType("Import", javafx.scene.control.ButtonBar.ButtonData.OK_DONE),
                ButtonType.CANCEL);
        dialog.setResultConverter(b -> b);
        dialog.showAndWait().filter(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE)
                .ifPresentOrElse(b -> vm.confirmImport(), vm::discardImport);
    }
}
