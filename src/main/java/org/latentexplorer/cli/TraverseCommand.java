package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.common.OutputPaths;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.eval.LatentUsage;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.sample.ImageTiles;
import org.latentexplorer.sample.LatentGrid;
import org.latentexplorer.sample.LatentPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code traverse}: one row per latent dimension, ordered by its KL on the data set, each varying that
 * dimension alone around a base code (an image's posterior mean, or the prior's mean); prints each
 * dimension's KL and whether it is an active unit (Burda et al. 2016).
 */
@Command(name = "traverse", mixinStandardHelpOptions = true,
        description = "Latent traversals: vary one dimension at a time, rows ordered by KL, to a PNG.")
public final class TraverseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true)
    Path model;
    @Option(names = "--dataset", description = "data set whose test images order the dimensions by KL and give "
            + "--index (default: the model's)")
    String dataset;
    @Option(names = "--index", description = "start from this test image's posterior mean (0-based; default: the "
            + "prior's mean, z = 0)")
    Integer index;
    @Option(names = "--range", defaultValue = "-3:3", description = "MIN:MAX of each dimension (default -3:3)")
    String range;
    @Option(names = "--steps", defaultValue = "9", description = "images per row, 2 to 100 (default 9)")
    int steps;
    @Option(names = "--dims", defaultValue = "top:10", description = "top:K (the K dimensions with the largest KL), "
            + "all, or 1-based dimensions like 1,3,5 (default top:10)")
    String dims;
    @Option(names = "--limit", defaultValue = "1000", description = "test images that measure each dimension's KL "
            + "(default 1000)")
    int limit;
    @Option(names = "--out", required = true, description = "PNG file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        OutputPaths.checkWritable(out, "--out");
        PrintWriter o = spec.commandLine().getOut();
        double[] r = LatentGrid.parseRange(range);
        try (ModelBundle bundle = CliSupport.model(model)) {
            int d = bundle.config().latentDim();
            String name = dataset != null ? dataset : bundle.config().datasetId();
            if (name.isEmpty()) {
                throw new InputException("the model names no data set: say --dataset");
            }
            Dataset data = CliSupport.dataset(name, "test", limit, spec.commandLine().getErr(), new CancelToken());
            if (data.dim() != bundle.model().inputDim()) {
                throw new InputException(name + " holds " + data.shape() + " examples; the model expects "
                        + bundle.config().inputShape());
            }
            LatentUsage.Builder usage = new LatentUsage.Builder();
            for (int s = 0; s < data.size(); s += 500) {
                usage.add(bundle.model().encode(data.rows(s, Math.min(data.size(), s + 500))));
            }
            LatentUsage u = usage.build();
            List<Integer> rows = parseDims(dims, u, d);
            float[] base = new float[d];
            if (index != null) {
                if (index < 0 || index >= data.size()) {
                    throw new InputException("--index must be between 0 and " + (data.size() - 1) + ", got " + index);
                }
                base = bundle.model().encode(new float[][]{data.row(index)}).mean()[0];
            }
            float[][] images = bundle.model().decode(LatentPaths.traversal(base, rows, r[0], r[1], steps));
            List<String> headers = new ArrayList<>();
            for (int s = 0; s < steps; s++) {
                headers.add(String.format(Locale.ROOT, "%.2g", r[0] + (r[1] - r[0]) * s / (steps - 1)));
            }
            List<String> labels = rows.stream().map(row -> "z" + (row + 1)).toList();
            ImageTiles.writePng(Arrays.asList(images), bundle.config().inputShape(), steps, headers, labels, out);
            o.printf(Locale.ROOT, "active units: %d of %d (variance of the posterior mean above %.2f on %d %s test "
                    + "images; Burda et al. 2016)%n", u.active(), d, LatentUsage.THRESHOLD, data.size(), name);
            o.println("rows, top to bottom:");
            for (int row : rows) {
                o.printf(Locale.ROOT, "  z%-3d KL %7.3f nats  A_u %8.4f  %s%n", row + 1, u.kl()[row], u.activity()[row],
                        u.isActive(row) ? "active" : "inactive");
            }
            o.println("wrote " + rows.size() + " rows of " + steps + " to " + out);
        }
        return 0;
    }

    static List<Integer> parseDims(String text, LatentUsage usage, int d) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("all")) {
            return usage.byKl();
        }
        try {
            if (t.startsWith("top:")) {
                int k = Integer.parseInt(t.substring(4).trim());
                if (k >= 1) {
                    return usage.byKl().subList(0, Math.min(k, d));
                }
            } else {
                List<Integer> out = new ArrayList<>();
                for (String p : t.split(",")) {
                    int u = Integer.parseInt(p.trim()) - 1;
                    if (u < 0 || u >= d) {
                        throw new InputException("--dims: the code has dimensions 1 to " + d + ", got " + (u + 1));
                    }
                    out.add(u);
                }
                return out;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new InputException("--dims must be top:K, all, or 1-based dimensions like 1,3,5, got '" + text + "'");
    }
}
