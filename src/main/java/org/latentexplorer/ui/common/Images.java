package org.latentexplorer.ui.common;

import javafx.scene.image.ImageView;

/** Small helpers for pixel-art image views. */
public final class Images {
    private Images() {
    }

    /** An image view that scales without smoothing, so each pixel stays a crisp square. */
    public static ImageView pixelView(double size) {
        ImageView v = new ImageView();
        v.setSmooth(false);
        v.setPreserveRatio(true);
        v.setFitWidth(size);
        v.setFitHeight(size);
        return v;
    }
}
