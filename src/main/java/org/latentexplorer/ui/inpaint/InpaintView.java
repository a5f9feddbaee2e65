package org.latentexplorer.ui.inpaint;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** Placeholder: the inpaint screen is a separate issue. */
public final class InpaintView extends StackPane {
    public InpaintView() {
        Label l = new Label(TEXT);
        l.setWrapText(true);
        l.setMaxWidth(480);
        setAlignment(Pos.CENTER);
        getChildren().add(l);
        setId("inpaint-view");
    }

    static final String TEXT = "Inpainting will be here: draw a mask over an image and see the model complete the missing pixels.";
}
