package org.latentexplorer.ui.services;

/** Intermediate layouts of an iterative projection (called on the worker thread). */
@FunctionalInterface
public interface ProjectionListener {
    void onLayout(int iteration, int iterations, float[] x, float[] y);

    ProjectionListener NONE = (i, n, x, y) -> { };
}
