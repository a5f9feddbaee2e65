package org.latentexplorer.inpaint;

import org.latentexplorer.model.LatentModel;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.Posterior;

/**
 * Any {@link LatentModel} seen as a {@link LatentNetwork}, through its own encode and decode calls:
 * the fallback for models whose weights {@link DenseVaeNetwork} cannot read. Slower (one graph call
 * per step) and without a backward pass; logits are recovered from the decoded means.
 */
final class ModelNetwork implements LatentNetwork {
    /** Means are clipped to [ε, 1 − ε] before taking the logit, so saturated pixels stay finite. */
    private static final double EPS = 1e-6;

    private final LatentModel model;

    ModelNetwork(LatentModel model) {
        this.model = model;
    }

    @Override
    public int inputDim() {
        return model.inputDim();
    }

    @Override
    public int latentDim() {
        return model.latentDim();
    }

    @Override
    public Likelihood likelihood() {
        return model.config().likelihood();
    }

    static float logit(float mean) {
        double m = Math.min(1 - EPS, Math.max(EPS, mean));
        return (float) Math.log(m / (1 - m));
    }

    @Override
    public Pass open() {
        return new Pass() {
            @Override
            public void encode(float[] x, float[] mu, float[] logVar) {
                Posterior q = model.encode(new float[][]{x});
                System.arraycopy(q.mean()[0], 0, mu, 0, mu.length);
                System.arraycopy(q.logVar()[0], 0, logVar, 0, logVar.length);
            }

            @Override
            public void decode(float[] z, float[] logits) {
                float[] m = model.decode(new float[][]{z})[0];
                for (int i = 0; i < m.length; i++) {
                    logits[i] = logit(m[i]);
                }
            }

            @Override
            public boolean hasGradient() {
                return false;
            }

            @Override
            public void backward(float[] gradLogits, float[] gradZ) {
                throw new UnsupportedOperationException("no backward pass through a generic model");
            }

            @Override
            public float[][] decodeMany(float[][] z) {
                float[][] m = model.decode(z);
                for (float[] row : m) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] = logit(row[i]);
                    }
                }
                return m;
            }
        };
    }
}
