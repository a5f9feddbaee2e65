package org.latentexplorer.model;

import java.util.Arrays;

/** Double-precision layer arithmetic for checking graphs by hand, reading weights from a model's graph. */
final class Hand {
    private Hand() {
    }

    static double[] w(SameDiffModel m, String name) {
        return m.graph().getVariable(name).getArr().dup().ravel().toDoubleVector();
    }

    static double[] affine(SameDiffModel m, String layer, double[] x) {
        double[] w = w(m, layer + "_W");
        double[] y = w(m, layer + "_b");
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                y[j] += x[i] * w[i * y.length + j];
            }
        }
        return y;
    }

    static double[] d(float[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[i];
        }
        return r;
    }

    static double[] relu(double[] v) {
        return Arrays.stream(v).map(a -> Math.max(0, a)).toArray();
    }

    static double[] tanh(double[] v) {
        return Arrays.stream(v).map(Math::tanh).toArray();
    }

    static double[] concat(double[] a, double[] b) {
        double[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** −log Bernoulli(x; sigmoid(l)) summed over pixels. */
    static double bernoulliNll(float[] x, double[] logits) {
        double s = 0;
        for (int p = 0; p < logits.length; p++) {
            double prob = 1 / (1 + Math.exp(-logits[p]));
            s -= x[p] * Math.log(prob) + (1 - x[p]) * Math.log(1 - prob);
        }
        return s;
    }

    /** KL(N(m, e^l) ‖ N(0, I)). */
    static double klStd(double[] m, double[] l) {
        double kl = 0;
        for (int j = 0; j < m.length; j++) {
            kl += -0.5 * (1 + l[j] - m[j] * m[j] - Math.exp(l[j]));
        }
        return kl;
    }

    /** KL(N(m, e^l) ‖ N(mu, v)) for diagonal Gaussians. */
    static double kl(double[] m, double[] l, double[] mu, double[] v) {
        double kl = 0;
        for (int j = 0; j < m.length; j++) {
            kl += 0.5 * (Math.log(v[j]) - l[j] + (Math.exp(l[j]) + Math.pow(m[j] - mu[j], 2)) / v[j] - 1);
        }
        return kl;
    }
}
