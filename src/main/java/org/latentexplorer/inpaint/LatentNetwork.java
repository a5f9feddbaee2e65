package org.latentexplorer.inpaint;

import org.latentexplorer.model.Likelihood;

/**
 * The encoder and decoder of a Gaussian-latent model, one example at a time, as the completion loops
 * need them. Logits are the decoder's pre-sigmoid outputs; {@link PixelLikelihood} turns them into
 * log-densities and samples. The network is shared; each completion opens its own {@link Pass}
 * holding the scratch buffers, so passes on different threads do not interfere (for the Java
 * network; the SameDiff fallback inherits the model's one-thread rule).
 */
interface LatentNetwork {
    int inputDim();

    int latentDim();

    Likelihood likelihood();

    /** Scratch space and state for one completion on one thread. */
    Pass open();

    interface Pass {
        /**
         * Declares that the values outside {@code missing} stay as in {@code x} for the following
         * {@link #encode} calls, so their share of the first layer can be computed once. Optional.
         */
        default void fixObserved(float[] x, int[] missing) {
        }

        /**
         * Declares that the following {@link #decode} calls need only the logits at {@code indices}
         * (the others are left as they were), so a network may skip the rest of its output layer;
         * null asks for all again. Optional.
         */
        default void restrictOutputs(int[] indices) {
        }

        /** Parameters of q(z|x) for one example. */
        void encode(float[] x, float[] mu, float[] logVar);

        /** Decoder logits for one code; remembers what {@link #backward} needs. */
        void decode(float[] z, float[] logits);

        /** True when {@link #backward} is available (else callers use finite differences). */
        boolean hasGradient();

        /** ∂L/∂z from ∂L/∂logits, for the code of the last {@link #decode}. */
        void backward(float[] gradLogits, float[] gradZ);

        /** Logits for many codes at once (one graph call for a SameDiff model). */
        float[][] decodeMany(float[][] z);

        /**
         * Logits for {@code n} codes at once, flat: {@code z} is n × latentDim and the result
         * n × inputDim, both row-major. Does not disturb what {@link #backward} remembers.
         */
        default float[] decodeBatch(float[] z, int n) {
            int d = z.length / n;
            float[][] rows = new float[n][];
            for (int k = 0; k < n; k++) {
                rows[k] = java.util.Arrays.copyOfRange(z, k * d, (k + 1) * d);
            }
            float[][] l = decodeMany(rows);
            int dim = l[0].length;
            float[] out = new float[n * dim];
            for (int k = 0; k < n; k++) {
                System.arraycopy(l[k], 0, out, k * dim, dim);
            }
            return out;
        }
    }
}
