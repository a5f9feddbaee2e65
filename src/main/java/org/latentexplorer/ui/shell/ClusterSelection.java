package org.latentexplorer.ui.shell;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentexplorer.sample.ClusterModel;
import org.latentexplorer.ui.services.ModelHandle;

/**
 * The clusters of the open model as every screen sees them, on the FX thread: the one cluster model
 * (the GMVAE's own, or the mixture fitted to a plain VAE's codes: fitted once, used by the Clusters
 * screen and the map alike), the names the user gave, and the selected clusters. The Clusters screen
 * loads and fits; the map asks it to through {@link #requestLoad()} and {@link #requestFit()}.
 */
public final class ClusterSelection {
    /** A cluster model and the model it belongs to (its calls take that handle's lock). */
    public record Loaded(ModelHandle model, ClusterModel clusters) {
    }

    private final ObjectProperty<Loaded> loaded = new SimpleObjectProperty<>();
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObservableList<Integer> selected = FXCollections.observableArrayList();
    private final StringProperty note = new SimpleStringProperty("");
    private final BooleanProperty fittable = new SimpleBooleanProperty(false);
    private Runnable loader = () -> { };
    private Runnable fitter = () -> { };

    /** The clusters of the open model, or null while there are none (not read yet, loading, or a plain VAE not fitted). */
    public ReadOnlyObjectProperty<Loaded> loadedProperty() {
        return loaded;
    }

    public Loaded loaded() {
        return loaded.get();
    }

    /** Publishes new clusters with their display names, or none ({@code null}); the selection is cleared. */
    public void publish(Loaded clusters, List<String> displayNames) {
        selected.clear();
        names.setAll(clusters == null ? List.of() : displayNames);
        loaded.set(clusters);
    }

    /** Display name of each cluster, index by index; follows renames. */
    public ObservableList<String> names() {
        return names;
    }

    /** Selected cluster indices in click order: the Clusters screen samples from them, the map highlights them. */
    public ObservableList<Integer> selected() {
        return selected;
    }

    /** Why there are no clusters right now, or what is being done about it ("Fitting k-means…"); empty when loaded. */
    public StringProperty noteProperty() {
        return note;
    }

    /** Replaces the selection (no change event when it is the same). */
    public void select(List<Integer> clusters) {
        List<Integer> next = List.copyOf(new java.util.LinkedHashSet<>(clusters));
        if (!next.equals(selected)) {
            selected.setAll(next);
        }
    }

    /** Adds the cluster to the selection, or removes it when it is there (ctrl- or shift-click). */
    public void toggle(int cluster) {
        java.util.List<Integer> s = new java.util.ArrayList<>(selected);
        if (!s.remove(Integer.valueOf(cluster))) {
            s.add(cluster);
        }
        select(s);
    }

    /** How the clusters are read and fitted (the Clusters screen's ViewModel installs itself). */
    public void setSource(Runnable load, Runnable fit) {
        loader = load;
        fitter = fit;
    }

    /** Reads the open model's clusters if nobody has yet (no-op when they are loaded or loading). */
    public void requestLoad() {
        loader.run();
    }

    /** True while the open model has no clusters of its own and some can be fitted to its codes (a plain VAE). */
    public BooleanProperty fittableProperty() {
        return fittable;
    }

    /** Fits clusters to the open model's codes (plain VAE). */
    public void requestFit() {
        fitter.run();
    }
}
