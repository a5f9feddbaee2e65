package org.latentexplorer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.latentexplorer.common.InputException;
import org.latentexplorer.model.ModelBundle;
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
    @Option(names = "--out", required = true, description = "PNG file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (n < 1 || n > 10_000) {
            throw new InputException("--n must be between 1 and 10000, got " + n);
        }
        try (ModelBundle bundle = CliSupport.model(model)) {
            float[][] z = bundle.model().samplePrior(n, new SplittableRandom(seed));
            float[][] images = bundle.model().decode(z);
            int cols = (int) Math.ceil(Math.sqrt(n));
            ImageTiles.writePng(List.of(images), bundle.config().inputShape(), cols, out);
            spec.commandLine().getOut().println("wrote " + n + " samples to " + out);
        }
        return 0;
    }
}
