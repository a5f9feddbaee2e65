package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.Json;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.eval.Evaluation;
import org.latentexplorer.sample.ClusterModels;
import org.latentexplorer.eval.Evaluator;
import org.latentexplorer.model.ModelBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eval}: negative ELBO, importance-weighted log-likelihood and reconstruction errors. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate a model on a data set.")
public final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "the model bundle")
    Path model;
    @Option(names = "--dataset", description = "data set name or path (default: the one the model was trained on)")
    String dataset;
    @Option(names = "--split", defaultValue = "test", description = "train, test (default) or all")
    String split;
    @Option(names = "--iw", defaultValue = "0", description = "importance samples K for the log-likelihood (0: skip; 5000 in the literature)")
    int iw;
    @Option(names = "--limit", defaultValue = "0", description = "evaluate the first N examples (0: all)")
    int limit;
    @Option(names = "--binarize", description = "binarise inputs first: true/false (default: as the model was trained)")
    Boolean binarize;
    @Option(names = "--corrupted", description = "also score noisy (±0.1) and 50%%-dropout inputs")
    boolean corrupted;
    @Option(names = "--seed", defaultValue = "1")
    long seed;
    @Option(names = "--json", description = "print the result as JSON")
    boolean json;
    @Option(names = "--save", description = "store the result in the bundle under the split's name")
    boolean save;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        CancelToken cancel = CliSupport.cancelOnInterrupt();
        try (ModelBundle bundle = CliSupport.model(model)) {
            String name = dataset != null ? dataset : bundle.config().datasetId();
            Dataset data = CliSupport.dataset(name, split, spec.commandLine().getErr(), cancel);
            boolean bin = binarize != null ? binarize
                    : !"none".equals(bundle.config().extra().getOrDefault("binarize", "none"));
            Evaluation e = Evaluator.evaluate(bundle.model(), data,
                    new Evaluator.Options(iw, limit, bin, corrupted, seed), f -> { }, cancel);
            e = ClusterModels.withClusterMetrics(e, bundle.model(), data, limit);
            if (json) {
                o.println(Json.MAPPER.writeValueAsString(e));
            } else {
                o.printf(Locale.ROOT, "%s (%s, %d examples%s)%n", model.getFileName(), e.dataset() + " " + split,
                        e.examples(), e.binarized() ? ", binarised" : "");
                for (String line : e.describe()) {
                    o.println("  " + line);
                }
            }
            if (save) {
                bundle.evaluation().put(split, Json.MAPPER.convertValue(e, java.util.Map.class));
                bundle.save(model);
            }
        }
        return 0;
    }
}
