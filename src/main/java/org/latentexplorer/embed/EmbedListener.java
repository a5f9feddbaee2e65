package org.latentexplorer.embed;

/**
 * Receives progress of a running embedding, on the computing thread. Calls come at most about ten times
 * a second (plus the final one), so a listener may hand each layout to the screen as it comes.
 */
@FunctionalInterface
public interface EmbedListener {
    /** A listener that ignores everything. */
    EmbedListener NONE = p -> { };

    void onProgress(EmbedProgress progress);
}
