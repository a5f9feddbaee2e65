package org.latentexplorer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.OutputPaths;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.model.ModelBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code codes}: posterior means of a data set as CSV ({@code label,z1..zD}), in data-set order. */
@Command(name = "codes", mixinStandardHelpOptions = true, description = "Write the posterior means of a data set as CSV.")
public final class CodesCommand implements Callable<Integer> {
    private static final int BATCH = 1000;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true)
    Path model;
    @Option(names = "--dataset", required = true, description = "data set name or path")
    String dataset;
    @Option(names = "--split", defaultValue = "test", description = "train, test (default) or all")
    String split;
    @Option(names = "--limit", defaultValue = "0", description = "the first N examples only (0: all)")
    int limit;
    @Option(names = "--out", required = true, description = "CSV file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        OutputPaths.checkWritable(out, "--out");
        CancelToken cancel = CliSupport.cancelOnInterrupt();
        try (ModelBundle bundle = CliSupport.model(model)) {
            Dataset data = CliSupport.dataset(dataset, split, limit, spec.commandLine().getErr(), cancel);
            float[][] codes = encodeAll(bundle, data, cancel);
            int d = bundle.config().latentDim();
            StringBuilder header = new StringBuilder("label");
            for (int j = 1; j <= d; j++) {
                header.append(",z").append(j);
            }
            List<String> lines = new ArrayList<>(codes.length);
            for (int i = 0; i < codes.length; i++) {
                StringBuilder s = new StringBuilder(data.hasLabels() ? Integer.toString(data.labels()[i]) : "-1");
                for (float v : codes[i]) {
                    s.append(',').append(v);
                }
                lines.add(s.toString());
            }
            CliSupport.writeCsv(out, header.toString(), lines);
            spec.commandLine().getOut().println("wrote " + codes.length + " codes of dimension " + d + " to " + out);
        }
        return 0;
    }

    /** Posterior means of every example, in batches; checks the shape first. */
    static float[][] encodeAll(ModelBundle bundle, Dataset data, CancelToken cancel) {
        if (data.dim() != bundle.model().inputDim()) {
            throw new org.latentexplorer.common.InputException(data.id() + ": examples are " + data.shape()
                    + " but the model expects " + bundle.config().inputShape());
        }
        float[][] codes = new float[data.size()][];
        for (int s = 0; s < data.size(); s += BATCH) {
            cancel.check();
            int e = Math.min(data.size(), s + BATCH);
            float[][] mean = bundle.model().encode(data.rows(s, e)).mean();
            System.arraycopy(mean, 0, codes, s, mean.length);
        }
        return codes;
    }

    static float[] parseCode(String text, int d) {
        String[] parts = text.split(",");
        if (parts.length != d) {
            throw new org.latentexplorer.common.InputException("--center needs " + d + " comma-separated numbers, got "
                    + parts.length);
        }
        float[] z = new float[d];
        try {
            for (int i = 0; i < d; i++) {
                z[i] = Float.parseFloat(parts[i].trim());
                if (!Float.isFinite(z[i])) {
                    throw new org.latentexplorer.common.InputException("--center must be finite numbers");
                }
            }
        } catch (NumberFormatException e) {
            throw new org.latentexplorer.common.InputException("--center: not a number in '" + text + "'");
        }
        return z;
    }
}
