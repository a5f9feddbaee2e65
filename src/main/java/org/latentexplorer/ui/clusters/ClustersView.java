package org.latentexplorer.ui.clusters;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** Placeholder: the clusters screen is a separate issue. */
public final class ClustersView extends StackPane {
    public ClustersView() {
        Label l = new Label(TEXT);
        l.setWrapText(true);
        l.setMaxWidth(480);
        setAlignment(Pos.CENTER);
        getChildren().add(l);
        setId("clusters-view");
    }

    static final String TEXT = "Clusters will be here: k-means or the GMVAE mixture components of the codes, with samples of each cluster.";
}
