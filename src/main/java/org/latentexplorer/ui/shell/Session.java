package org.latentexplorer.ui.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State shared by the screens, on the FX thread: the workspace, the selected examples (the map
 * selects, the manifold centres on them), the clusters and the selected clusters (the Clusters screen
 * samples them, the map highlights them) and a one-line status for the status bar.
 */
public final class Session {
    private static final int[] NONE = new int[0];
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
    private final ObjectProperty<int[]> selection = new SimpleObjectProperty<>(NONE);
    private final StringProperty status = new SimpleStringProperty("");
    private final ClusterSelection clusters = new ClusterSelection();

    public ObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    public Workspace workspace() {
        return workspace.get();
    }

    /** Selected example indices, in the order they were selected. */
    public ObjectProperty<int[]> selectionProperty() {
        return selection;
    }

    public int[] selection() {
        return selection.get();
    }

    public void select(int... indices) {
        selection.set(indices == null ? NONE : indices.clone());
    }

    /** The open model's clusters and the selected ones, shared by the Clusters screen and the map. */
    public ClusterSelection clusters() {
        return clusters;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
