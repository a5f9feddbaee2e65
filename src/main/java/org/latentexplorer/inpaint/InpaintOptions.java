package org.latentexplorer.inpaint;

import org.latentexplorer.common.InputException;

/**
 * Settings of one completion. Checked at construction, with messages naming the command-line option.
 *
 * @param iterations   chain steps (replace, pseudo-Gibbs, MwG) or Adam steps (optimize), 1..100000;
 *                     200 by default. Ignored by K-NN and iw (which draws its K codes in four
 *                     rounds).
 * @param samples      completions kept for display (sampling methods: chain states spread over the
 *                     second half of the chain; K-NN: the nearest neighbours), 1..64; 8 by default
 * @param learningRate Adam step size for {@link Method#OPTIMIZE}, (0, 10]; 0.05 by default
 */
public record InpaintOptions(int iterations, int samples, double learningRate) {
    public InpaintOptions {
        if (iterations < 1 || iterations > 100_000) {
            throw new InputException("--iterations must be between 1 and 100000, got " + iterations);
        }
        if (samples < 1 || samples > 64) {
            throw new InputException("samples must be between 1 and 64, got " + samples);
        }
        if (!(learningRate > 0 && learningRate <= 10)) {
            throw new InputException("learning rate must be in (0, 10], got " + learningRate);
        }
    }

    public static InpaintOptions defaults() {
        return new InpaintOptions(200, 8, 0.05);
    }

    public InpaintOptions withIterations(int n) {
        return new InpaintOptions(n, samples, learningRate);
    }

    public InpaintOptions withSamples(int n) {
        return new InpaintOptions(iterations, n, learningRate);
    }
}
