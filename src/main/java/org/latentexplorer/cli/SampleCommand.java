package org.latentexplorer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.latentexplorer.common.InputException;
import org.latentexplorer.common.OutputPaths;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.sample.ClusterModels;
import org.latentexplorer.sample.ImageTiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sample}: draws codes from the prior and writes their decoded means as one PNG. */
@Command(name = "sample", mixinStandardHelpOptions = true, description = "Draw samples from the model's prior into a PNG.")
public final class SampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true)
    Path model;
    @Option(names = "--n", defaultValue = "64", description = "number of samples (default 64)")
    int n;
    @Option(names = "--seed", defaultValue = "1")
    long seed;
    @Option(names = "--cluster", description = "draw from this cluster only (GMVAE, CVAE classes; 0-based)")
    Integer cluster;
    @Option(names = "--class", description = "draw from this class (CVAE; 0-based index or class name)")
    String className;
    @Option(names = "--temperature", defaultValue = "1", description = "scale of the standard deviation of z, in (0, 10] "
            + "(default 1): prior draws take z ~ N(0, T²I) for a plain VAE and T × the component's (GMVAE) or "
            + "class prior's (CVAE) standard deviation; with --cluster or --class, T × that cluster's")
    double temperature;
    @Option(names = "--out", required = true, description = "PNG file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        OutputPaths.checkWritable(out, "--out");
        if (n < 1 || n > 10_000) {
            throw new InputException("--n must be between 1 and 10000, got " + n);
        }
        try (ModelBundle bundle = CliSupport.model(model)) {
            SplittableRandom rng = new SplittableRandom(seed);
            float[][] images;
            Integer k = cluster != null ? cluster : className != null ? classIndex(bundle, className) : null;
            if (!(temperature > 0 && temperature <= 10)) {
                throw new InputException("--temperature must be in (0, 10], got " + temperature);
            }
            if (k != null) {
                images = ClusterModels.of(bundle).sample(k, n, temperature, rng);
            } else {
                images = bundle.model().decode(bundle.model().samplePrior(n, temperature, rng));
            }
            int cols = (int) Math.ceil(Math.sqrt(n));
            ImageTiles.writePng(List.of(images), bundle.config().inputShape(), cols, out);
            spec.commandLine().getOut().println("wrote " + n + " samples to " + out);
        }
        return 0;
    }

    private static int classIndex(ModelBundle bundle, String name) {
        java.util.List<String> labels = bundle.config().labelNames();
        int i = labels.indexOf(name);
        if (i >= 0) {
            return i;
        }
        try {
            return Integer.parseInt(name.trim());
        } catch (NumberFormatException e) {
            throw new InputException("--class must be a class index or one of " + labels + ", got '" + name + "'");
        }
    }
}
