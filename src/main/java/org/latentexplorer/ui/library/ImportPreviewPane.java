package org.latentexplorer.ui.library;

import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.latentexplorer.ui.common.Images;
import org.latentexplorer.ui.common.Raster;
import org.latentexplorer.ui.services.ImportPreview;

/**
 * The import dialog's preview: the test images, each beside its reconstruction, and draws from the
 * prior, at a fixed size so that the dialog does not move when they arrive; the one-line summary, and a
 * note when the fields changed since.
 */
final class ImportPreviewPane extends VBox {
    /** Test image / reconstruction pairs per row, and prior draws per row. */
    private static final int PAIRS_PER_ROW = 4, SAMPLES_PER_ROW = 8;
    /** Tiles of 48 pixels: a 28x28 image at 1.7x, crisp (no smoothing). */
    private static final double TILE = 48;
    /** Images of each kind the preview shows (the core decodes 16 of each). */
    private static final int IMAGES = 16;

    private final ImageView[] inputViews = new ImageView[IMAGES], reconstructionViews = new ImageView[IMAGES],
            sampleViews = new ImageView[IMAGES];

    ImportPreviewPane(ImportViewModel vm) {
        super(6);
        Label title = new Label("Preview");
        title.setStyle("-fx-font-weight: bold;");
        Label pairsCaption = new Label("Test images, each beside its reconstruction");
        Label samplesCaption = new Label("Samples from the prior");
        GridPane pairs = new GridPane(), samples = new GridPane();
        pairs.setId("import-reconstructions");
        pairs.setHgap(12);
        pairs.setVgap(4);
        samples.setId("import-samples");
        samples.setHgap(4);
        samples.setVgap(4);
        int n = IMAGES;
        for (int i = 0; i < n; i++) {
            inputViews[i] = Images.pixelView(TILE);
            inputViews[i].setId("import-input-" + i);
            reconstructionViews[i] = Images.pixelView(TILE);
            reconstructionViews[i].setId("import-reconstruction-" + i);
            pairs.add(new HBox(2, tile(inputViews[i]), tile(reconstructionViews[i])), i % PAIRS_PER_ROW, i / PAIRS_PER_ROW);
            sampleViews[i] = Images.pixelView(TILE);
            sampleViews[i].setId("import-sample-" + i);
            samples.add(tile(sampleViews[i]), i % SAMPLES_PER_ROW, i / SAMPLES_PER_ROW);
        }
        Label summary = new Label();
        summary.setId("import-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(vm.previewProperty().map(ImportPreview::summary)
                .orElse("Preview runs both graphs on " + n + " test images of the data set and decodes "
                        + n + " draws from the prior. Save and open is offered once a preview worked."));
        Label stale = new Label("The fields changed since this preview: preview again before saving.");
        stale.setId("import-stale");
        stale.setWrapText(true);
        stale.setStyle("-fx-text-fill: #8a5a00;");
        stale.visibleProperty().bind(vm.previewProperty().isNotNull().and(vm.previewCurrentProperty().not()));
        stale.managedProperty().bind(stale.visibleProperty());

        getChildren().addAll(title, pairsCaption, pairs, samplesCaption, samples, summary, stale);
        double width = PAIRS_PER_ROW * (2 * TILE + 2) + (PAIRS_PER_ROW - 1) * 12;
        setPrefWidth(width);
        setMinWidth(width);
        setMaxWidth(width);
        vm.previewProperty().addListener((o, a, p) -> showImages(p));
    }

    /** A tile of fixed size, so that the dialog does not jump when a preview arrives or goes. */
    private static StackPane tile(ImageView view) {
        StackPane p = new StackPane(view);
        p.setMinSize(TILE, TILE);
        p.setPrefSize(TILE, TILE);
        p.setMaxSize(TILE, TILE);
        p.setStyle("-fx-background-color: #e8e8e8;");
        return p;
    }

    private void showImages(ImportPreview p) {
        for (int i = 0; i < IMAGES; i++) {
            inputViews[i].setImage(image(p == null ? null : p.inputs(), i, p));
            reconstructionViews[i].setImage(image(p == null ? null : p.reconstructions(), i, p));
            sampleViews[i].setImage(image(p == null ? null : p.samples(), i, p));
        }
    }

    private static Image image(float[][] rows, int i, ImportPreview p) {
        return rows == null || i >= rows.length ? null : Raster.image(rows[i], p.shape());
    }
}
