package org.latentexplorer.inpaint;

/**
 * Receives intermediate results while a completion runs, on the computing thread. Arrays are fresh
 * copies the receiver may keep. A screen that redraws less often should drop calls itself.
 */
@FunctionalInterface
public interface InpaintListener {
    /** Called from {@link Inpainter#complete} only; a no-op listener. */
    InpaintListener NONE = (iteration, of, current, z) -> { };

    /**
     * @param iteration 1-based iteration just finished
     * @param of        total iterations
     * @param current   the running completion (observed values exact)
     * @param z         the latent code of this iteration, or null (K-NN)
     */
    void onIteration(int iteration, int of, float[] current, float[] z);
}
