package org.latentexplorer.sample;

/** A Gaussian mixture over latent codes, as the fitted clusters use it: assign codes, draw from a component. */
interface Mixture {
    int k();

    int dim();

    /** Soft responsibilities p(component | code) of each code. */
    float[][] responsibilities(float[][] codes);

    /** One-hot assignment of each code to its nearest component mean. */
    float[][] hard(float[][] codes);

    /** A draw from component c with its spread scaled by T, from standard-normal noise ε. */
    float[] draw(int c, double temperature, float[] eps);
}
