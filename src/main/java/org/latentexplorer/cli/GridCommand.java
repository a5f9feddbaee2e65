package org.latentexplorer.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentexplorer.common.InputException;
import org.latentexplorer.common.OutputPaths;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.sample.ImageTiles;
import org.latentexplorer.sample.LatentGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code grid}: decodes a regular grid over two latent dimensions into one PNG (the manifold picture). */
@Command(name = "grid", mixinStandardHelpOptions = true, description = "Decode a grid over two latent dimensions to a PNG.")
public final class GridCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true)
    Path model;
    @Option(names = "--range", defaultValue = "-4:4", description = "MIN:MAX of both axes (default -4:4)")
    String range;
    @Option(names = "--steps", defaultValue = "20", description = "images per side (default 20)")
    int steps;
    @Option(names = "--dims", defaultValue = "1,2", description = "the two latent dimensions to vary, 1-based (default 1,2)")
    String dims;
    @Option(names = "--center", description = "comma-separated code for the other dimensions (default zeros)")
    String center;
    @Option(names = "--out", required = true, description = "PNG file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        OutputPaths.checkWritable(out, "--out");
        try (ModelBundle bundle = CliSupport.model(model)) {
            int d = bundle.config().latentDim();
            int[] dd = parseDims(dims);
            double[] r = LatentGrid.parseRange(range);
            LatentGrid grid = new LatentGrid(d, dd[0], d == 1 ? dd[0] : dd[1], r[0], r[1], steps);
            float[][] images = bundle.model().decode(grid.codes(center == null ? null : CodesCommand.parseCode(center, d)));
            ImageTiles.writePng(List.of(images), bundle.config().inputShape(), steps, out);
            spec.commandLine().getOut().println("wrote a " + steps + "×" + steps + " grid to " + out);
        }
        return 0;
    }

    static int[] parseDims(String text) {
        try {
            int[] d = Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).map(i -> i - 1).toArray();
            if (d.length == 2) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException("--dims must be two 1-based dimensions like 1,2, got '" + text + "'");
    }
}
