package org.latentexplorer.ui.shell;

import java.util.List;

/**
 * What the window remembers between runs.
 *
 * @param lastModel    path of the model open when the window closed, or null
 * @param recentModels most recent first, at most {@link #MAX_RECENT}
 * @param gridSize     the manifold grid's N
 * @param projection   the map's projection method for d > 2
 * @param width        window width
 * @param height       window height
 */
public record Settings(String lastModel, List<String> recentModels, int gridSize, String projection,
                       double width, double height) {
    public static final int MAX_RECENT = 8;

    public Settings {
        recentModels = List.copyOf(recentModels == null ? List.of() : recentModels);
        gridSize = gridSize < 5 || gridSize > 40 ? 20 : gridSize;
        projection = projection == null ? "PCA" : projection;
        width = width < 400 ? 1280 : width;
        height = height < 300 ? 820 : height;
    }

    public static Settings defaults() {
        return new Settings(null, List.of(), 20, "PCA", 1280, 820);
    }

    /** These settings with {@code model} opened last and first in the recent list. */
    public Settings withOpened(String model) {
        java.util.ArrayList<String> recent = new java.util.ArrayList<>(recentModels);
        recent.remove(model);
        recent.addFirst(model);
        while (recent.size() > MAX_RECENT) {
            recent.removeLast();
        }
        return new Settings(model, recent, gridSize, projection, width, height);
    }

    public Settings withGridSize(int n) {
        return new Settings(lastModel, recentModels, n, projection, width, height);
    }

    public Settings withProjection(String method) {
        return new Settings(lastModel, recentModels, gridSize, method, width, height);
    }

    public Settings withWindow(double w, double h) {
        return new Settings(lastModel, recentModels, gridSize, projection, w, h);
    }
}
