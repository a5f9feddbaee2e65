package org.latentexplorer.ui.map;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.latentexplorer.ui.shell.ErrorReporter;
import org.latentexplorer.ui.shell.FileDialogs;

/**
 * The tabs under the map: the selection (counts, histograms, gallery, actions), the clicked point's
 * neighbours, and attribute directions. A click on one point shows its neighbours, a larger selection the
 * selection's tab; the attribute tab is never left on its own, since groups are picked while it is open.
 */
public final class MapDrawer extends TabPane {
    private final SelectionPanel selection;
    private final NeighboursPanel neighbours;
    private final AttributePanel attributes;
    private final Tab selectionTab;
    private final Tab neighboursTab;
    private final Tab attributeTab;

    public MapDrawer(SelectionViewModel selectionVm, NeighboursViewModel neighboursVm, AttributeViewModel attributeVm,
                     ErrorReporter errors, FileDialogs dialogs) {
        setId("map-drawer");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        selection = new SelectionPanel(selectionVm, attributeVm::setFromSelection, errors, dialogs);
        neighbours = new NeighboursPanel(neighboursVm);
        attributes = new AttributePanel(attributeVm, errors);
        selectionTab = new Tab("Selection", selection);
        selectionTab.setId("drawer-selection");
        neighboursTab = new Tab("Neighbours", neighbours);
        neighboursTab.setId("drawer-neighbours");
        attributeTab = new Tab("Attribute direction", attributes);
        attributeTab.setId("drawer-attribute");
        selectionTab.textProperty().bind(selectionVm.countProperty().map(n -> n.intValue() == 0 ? "Selection"
                : "Selection (" + n + ")"));
        getTabs().addAll(selectionTab, neighboursTab, attributeTab);
        selectionVm.countProperty().addListener((o, a, n) -> {
            Tab now = getSelectionModel().getSelectedItem();
            if (now == attributeTab) {
                return;
            }
            if (n.intValue() == 1) {
                getSelectionModel().select(neighboursTab);
            } else if (n.intValue() > 1) {
                getSelectionModel().select(selectionTab);
            }
        });
    }

    TileGallery gallery() {
        return selection.gallery();
    }

    AttributePanel attributes() {
        return attributes;
    }
}
