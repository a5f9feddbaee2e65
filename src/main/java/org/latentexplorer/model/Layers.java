package org.latentexplorer.model;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds dense layers in a SameDiff graph with seeded initialisation. Weights and biases are drawn
 * from U(−1/√fan_in, 1/√fan_in), the default of PyTorch's {@code nn.Linear} (its docs: "Linear"), so
 * that the project's VAE starts where the reference {@code torch_vae.py} starts.
 */
final class Layers {
    /** A layer's weight matrix and bias. */
    record Dense(SDVariable w, SDVariable b) {
    }

    private final SameDiff sd;
    private final SplittableRandom rng;

    Layers(SameDiff sd, SplittableRandom rng) {
        this.sd = sd;
        this.rng = rng;
    }

    Dense denseWeights(String name, int nIn, int nOut) {
        double bound = 1.0 / Math.sqrt(nIn);
        SDVariable w = sd.var(name + "_W", Nd4j.create(uniform(nIn * nOut, bound), new long[]{nIn, nOut}, DataType.FLOAT));
        SDVariable b = sd.var(name + "_b", Nd4j.create(uniform(nOut, bound), new long[]{1, nOut}, DataType.FLOAT));
        return new Dense(w, b);
    }

    /** A new weight of any shape, drawn from U(−1/√fanIn, 1/√fanIn). */
    SDVariable weights(String name, long[] shape, long fanIn) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return sd.var(name, Nd4j.create(uniform((int) n, 1.0 / Math.sqrt(fanIn)), shape, DataType.FLOAT));
    }

    /** x·W + b with new weights; the output variable is called {@code name}. */
    SDVariable dense(String name, SDVariable x, int nIn, int nOut) {
        Dense layer = denseWeights(name, nIn, nOut);
        return x.mmul(layer.w()).add(name, layer.b());
    }

    /** relu(x·W + b) with new weights; the output variable is called {@code name}. */
    SDVariable reluDense(String name, SDVariable x, int nIn, int nOut) {
        Dense layer = denseWeights(name, nIn, nOut);
        return sd.nn.relu(name, x.mmul(layer.w()).add(layer.b()), 0);
    }

    /** Applies the layers in order with ReLU between them and none after the last, naming the output. */
    static SDVariable apply(SameDiff sd, List<Dense> layers, SDVariable x, String outName) {
        SDVariable h = x;
        for (int i = 0; i < layers.size(); i++) {
            Dense l = layers.get(i);
            boolean last = i == layers.size() - 1;
            // Not the fused relu_layer op: in 1.0.0-M2.1 it rejects a batch of one and trained worse here.
            h = last ? h.mmul(l.w()).add(outName, l.b()) : sd.nn.relu(h.mmul(l.w()).add(l.b()), 0);
        }
        return h;
    }

    private float[] uniform(int n, double bound) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        return v;
    }
}
