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
import org.latentexplorer.sample.Plane;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Dataset;
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
    @Option(names = "--plane", defaultValue = "dims", description = "dims (two latent dimensions, --dims), principal "
            + "(the codes' first two principal axes through their mean) or pair (the line from test image --from to "
            + "--to, and the principal direction across it), as the window's Manifold screen")
    String plane;
    @Option(names = "--dataset", description = "data set whose test-split codes give the principal axes and --from/--to "
            + "(default: the model's)")
    String dataset;
    @Option(names = "--from", description = "pair: the first test image (0-based)")
    Integer from;
    @Option(names = "--to", description = "pair: the second test image (0-based)")
    Integer to;
    @Option(names = "--limit", defaultValue = "1000", description = "principal, pair: test images whose codes give "
            + "the principal axes (default 1000)")
    int limit;
    @Option(names = "--no-axes", description = "leave out the axis values above the columns and left of the rows")
    boolean noAxes;
    @Option(names = "--out", required = true, description = "PNG file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        OutputPaths.checkWritable(out, "--out");
        try (ModelBundle bundle = CliSupport.model(model)) {
            int d = bundle.config().latentDim();
            double[] r = LatentGrid.parseRange(range);
            if (steps < 2 || steps > 200) {
                throw new InputException("--steps must be between 2 and 200, got " + steps);
            }
            if (!(r[0] < r[1]) || !Double.isFinite(r[0]) || !Double.isFinite(r[1])) {
                throw new InputException("--range must be MIN:MAX with MIN < MAX, got " + range);
            }
            Plane p = plane(bundle, d);
            double centre = (r[0] + r[1]) / 2, half = (r[1] - r[0]) / 2;
            float[][] images = bundle.model().decode(p.grid(centre, centre, half, steps));
            List<String> headers = noAxes ? List.of() : p.columnLabels(centre, half, steps);
            List<String> rows = noAxes ? List.of() : p.rowLabels(centre, half, steps);
            ImageTiles.writePng(List.of(images), bundle.config().inputShape(), steps, headers, rows, out);
            spec.commandLine().getOut().println("wrote a " + steps + "×" + steps + " grid over " + p.description()
                    + " to " + out);
        }
        return 0;
    }

    private Plane plane(ModelBundle bundle, int d) {
        String mode = plane.trim().toLowerCase(java.util.Locale.ROOT);
        if (mode.equals("dims")) {
            int[] dd = parseDims(dims);
            new LatentGrid(d, dd[0], d == 1 ? dd[0] : dd[1], -1, 1, 2); // checks the dimensions
            float[] origin = center == null ? new float[d] : CodesCommand.parseCode(center, d);
            origin[dd[0]] = 0;
            if (d == 1) {
                return new Plane(origin, Plane.unit(1, 0), new float[1], "z1");
            }
            origin[dd[1]] = 0;
            return Plane.ofDims(origin, dd[0], dd[1]);
        }
        if (!mode.equals("principal") && !mode.equals("pair")) {
            throw new InputException("--plane must be dims, principal or pair, got '" + plane + "'");
        }
        if (d < 2) {
            throw new InputException("a model with one latent dimension has no plane but its own axis: use --plane dims");
        }
        String name = dataset != null ? dataset : bundle.config().datasetId();
        if (name.isEmpty()) {
            throw new InputException("the model names no data set: say --dataset");
        }
        Dataset data = CliSupport.dataset(name, "test", spec.commandLine().getErr(), new CancelToken());
        if (data.dim() != bundle.model().inputDim()) {
            throw new InputException(name + " holds " + data.shape() + " examples; the model expects "
                    + bundle.config().inputShape());
        }
        float[][] codes = bundle.model().encode(data.limit(Math.max(2, limit)).rows()).mean();
        if (mode.equals("principal")) {
            return Plane.principal(codes);
        }
        if (from == null || to == null) {
            throw new InputException("--plane pair needs --from and --to (test image indices)");
        }
        for (int i : new int[]{from, to}) {
            if (i < 0 || i >= data.size()) {
                throw new InputException("image " + i + " does not exist: the test split of " + name + " has 0 to "
                        + (data.size() - 1));
            }
        }
        float[][] ends = bundle.model().encode(new float[][]{data.row(from), data.row(to)}).mean();
        return Plane.throughPair(ends[0], ends[1], codes, "#" + from + "→#" + to);
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
