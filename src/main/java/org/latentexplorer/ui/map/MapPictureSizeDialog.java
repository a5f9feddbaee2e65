package org.latentexplorer.ui.map;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.latentexplorer.ui.common.IntegerSpinner;

/** Asks for the picture's size (width and height in pixels, 400 to 8000) before the map is exported. */
final class MapPictureSizeDialog extends Dialog<int[]> {
    /** Remembered for the next export in this session. */
    private static int lastWidth = 1600, lastHeight = 1200;

    MapPictureSizeDialog(Window owner) {
        initOwner(owner);
        setTitle("Export the map as PNG");
        setHeaderText("Size of the picture in pixels (the plot, its axes and the legend)");
        IntegerSpinner w = new IntegerSpinner("Width", 400, 8000, lastWidth, 100);
        w.setId("map-png-width");
        IntegerSpinner h = new IntegerSpinner("Height", 300, 8000, lastHeight, 100);
        h.setId("map-png-height");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Width"), w);
        grid.addRow(1, new Label("Height"), h);
        getDialogPane().setContent(grid);
        ButtonType next = new ButtonType("Choose file…", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(next, ButtonType.CANCEL);
        setResultConverter(b -> {
            if (b != next) {
                return null;
            }
            lastWidth = w.getValue();
            lastHeight = h.getValue();
            return new int[]{lastWidth, lastHeight};
        });
    }
}
