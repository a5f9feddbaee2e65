package org.latentexplorer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.common.OutputPaths;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.sample.ImageTiles;
import org.latentexplorer.sample.LatentPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code interpolate}: a strip of decoded codes between two test images' posterior means (or two given
 * codes), the input images at its ends, as the manifold screen's strip.
 */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
        description = "Decode a strip of codes between two images (or two codes) to a PNG.")
public final class InterpolateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true)
    Path model;
    @Option(names = "--dataset", description = "data set of --from/--to (its test split; default: the model's)")
    String dataset;
    @Option(names = "--from", description = "first test image (0-based), or pairs like 3:17,5:40 for several strips")
    String from;
    @Option(names = "--to", description = "second test image (0-based)")
    Integer to;
    @Option(names = "--from-code", description = "first code, comma-separated (instead of --from)")
    String fromCode;
    @Option(names = "--to-code", description = "second code, comma-separated (instead of --to)")
    String toCode;
    @Option(names = "--steps", defaultValue = "10", description = "codes per strip, 2 to 100 (default 10)")
    int steps;
    @Option(names = "--path", defaultValue = "linear", description = "linear or spherical (slerp; White 2016)")
    String path;
    @Option(names = "--out", required = true, description = "PNG file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        OutputPaths.checkWritable(out, "--out");
        if (steps < 2 || steps > 100) {
            throw new InputException("--steps must be between 2 and 100, got " + steps);
        }
        boolean spherical = switch (path.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "linear" -> false;
            case "spherical", "slerp" -> true;
            default -> throw new InputException("--path must be linear or spherical, got '" + path + "'");
        };
        try (ModelBundle bundle = CliSupport.model(model)) {
            int d = bundle.config().latentDim();
            List<float[]> tiles = new ArrayList<>();
            int cols;
            if (fromCode != null || toCode != null) {
                if (fromCode == null || toCode == null) {
                    throw new InputException("give both --from-code and --to-code");
                }
                float[][] z = strip(CodesCommand.parseCode(fromCode, d), CodesCommand.parseCode(toCode, d), spherical);
                tiles.addAll(List.of(bundle.model().decode(z)));
                cols = steps;
            } else {
                List<int[]> pairs = pairs();
                String name = dataset != null ? dataset : bundle.config().datasetId();
                Dataset data = CliSupport.dataset(name, "test", spec.commandLine().getErr(), new CancelToken());
                if (data.dim() != bundle.model().inputDim()) {
                    throw new InputException(name + " holds " + data.shape() + " examples; the model expects "
                            + bundle.config().inputShape());
                }
                for (int[] p : pairs) {
                    for (int i : p) {
                        if (i < 0 || i >= data.size()) {
                            throw new InputException("image " + i + " does not exist: the test split of " + name
                                    + " has 0 to " + (data.size() - 1));
                        }
                    }
                    float[][] ends = bundle.model().encode(new float[][]{data.row(p[0]), data.row(p[1])}).mean();
                    tiles.add(data.row(p[0]));
                    tiles.addAll(List.of(bundle.model().decode(strip(ends[0], ends[1], spherical))));
                    tiles.add(data.row(p[1]));
                }
                cols = steps + 2;
            }
            ImageTiles.writePng(tiles, bundle.config().inputShape(), cols, out);
            spec.commandLine().getOut().println("wrote " + tiles.size() / cols + " strip(s) of " + steps + " codes ("
                    + (spherical ? "spherical" : "linear") + ") to " + out);
        }
        return 0;
    }

    private float[][] strip(float[] a, float[] b, boolean spherical) {
        return spherical ? LatentPaths.spherical(a, b, steps) : LatentPaths.linear(a, b, steps);
    }

    private List<int[]> pairs() {
        if (from == null) {
            throw new InputException("give --from and --to (test image indices), or --from-code and --to-code");
        }
        List<int[]> out = new ArrayList<>();
        try {
            if (from.contains(":")) {
                for (String p : from.split(",")) {
                    String[] ab = p.split(":");
                    if (ab.length != 2) {
                        throw new NumberFormatException(p);
                    }
                    out.add(new int[]{Integer.parseInt(ab[0].trim()), Integer.parseInt(ab[1].trim())});
                }
            } else {
                if (to == null) {
                    throw new InputException("give --to with --from (or pairs like --from 3:17,5:40)");
                }
                out.add(new int[]{Integer.parseInt(from.trim()), to});
            }
        } catch (NumberFormatException e) {
            throw new InputException("--from must be an image index or pairs like 3:17,5:40, got '" + from + "'");
        }
        if (out.size() > 100) {
            throw new InputException("at most 100 strips, got " + out.size());
        }
        return out;
    }
}
