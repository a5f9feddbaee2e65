package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.common.OutputPaths;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.model.DecoderOutput;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.model.ModelImporter;
import org.latentexplorer.model.TrainingHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code import-model}: wraps a VAE's encoder and decoder exported to ONNX (PyTorch, Keras, JAX) in a
 * bundle that opens everywhere a trained model does. Both graphs run on a few test images first;
 * nothing is written unless they fit.
 */
@Command(name = "import-model", mixinStandardHelpOptions = true,
        description = "Import a VAE trained elsewhere from its encoder and decoder ONNX files.")
public final class ImportModelCommand implements Callable<Integer> {
    /** Test images both graphs run on before the bundle is written. */
    static final int PROBE_IMAGES = 16;

    @Spec
    CommandSpec spec;

    @Option(names = "--encoder", required = true, description = "ONNX file: images → posterior mean and log-variance")
    Path encoder;
    @Option(names = "--decoder", required = true, description = "ONNX file: codes [N, d] → the decoder's output")
    Path decoder;
    @Option(names = "--input-shape", required = true, description = "one image as HxWxC, e.g. 28x28x1 or 32x32x3")
    String inputShape;
    @Option(names = "--likelihood", required = true, description = "bernoulli, or gaussian:S2 with the fixed variance S2")
    String likelihood;
    @Option(names = "--decoder-output", required = true, description = "logits, probabilities or mean")
    String decoderOutput;
    @Option(names = "--mean-output", description = "the encoder output holding the posterior mean (default: its first)")
    String meanOutput;
    @Option(names = "--log-var-output", description = "the encoder output holding the log-variance (default: its second)")
    String logVarOutput;
    @Option(names = "--labels", description = "class names: a known data set's name (e.g. fashion-mnist) or a text "
            + "file with one name per line")
    String labels;
    @Option(names = "--dataset", description = "the data set to try the model on and explore it with (default: the "
            + "--labels data set, else the embedded data set of that image shape)")
    String dataset;
    @Option(names = "--name", description = "a name to show for the model")
    String name;
    @Option(names = "--out", required = true, description = "the bundle to write (.lexb)")
    Path out;

    @Override
    public Integer call() {
        OutputPaths.checkWritable(out, "--out");
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImageShape shape = parseShape(inputShape);
        ModelImporter.Labels names = ModelImporter.labels(labels);
        // The graphs are wired from their declarations first: a pair that cannot fit is refused before any data
        // set is read or downloaded. The data set's id and labels are filled in below.
        var declared = new ModelImporter.Request(encoder, decoder, shape, Likelihood.parse(likelihood),
                DecoderOutput.parse(decoderOutput), meanOutput, logVarOutput, "", names.names(), name);
        ModelImporter.Prepared prepared = ModelImporter.prepare(declared);
        String data = dataset != null ? dataset : !names.datasetId().isEmpty() ? names.datasetId() : ModelImporter.defaultDataset(shape);
        if (data == null) {
            throw new InputException("no data set of " + inputShape + " images is known: name one with --dataset "
                    + "(a name from 'datasets list' or a folder or file of images)");
        }
        Dataset probe = CliSupport.dataset(data, "test", PROBE_IMAGES, err, new CancelToken());
        if (probe.dim() != shape.size()) {
            throw new InputException("--dataset " + data + " holds " + probe.shape() + " images, not " + inputShape);
        }
        String datasetId = dataset != null ? dataset : data;
        ModelImporter.Result r = ModelImporter.check(prepared.forData(datasetId,
                names.names().isEmpty() ? probe.labelNames() : names.names()), probe.rows());
        try (ModelBundle bundle = new ModelBundle(r.model(), TrainingHistory.empty(), Map.of(),
                Map.of("importedWith", String.join(" ", spec.commandLine().getParseResult().originalArgs())))) {
            bundle.save(out);
            var c = r.model().config();
            o.printf(Locale.ROOT, "imported %s and %s: codes of %d dimensions, %s decoder returning %s, explored on %s%n",
                    encoder.getFileName(), decoder.getFileName(), c.latentDim(), c.likelihood(),
                    r.model().decoderOutput().id(), datasetId);
            o.printf(Locale.ROOT, "ran both on %d %s test images: reconstruction RMSE %.4f%n", probe.size(), data,
                    r.reconstructionRmse());
            o.println("wrote " + out);
        } catch (java.io.IOException e) {
            throw new InputException(out + ": could not be written (" + e.getMessage() + ")", e);
        }
        return 0;
    }

    /** {@code --input-shape}: {@link ModelImporter#parseInputShape}, its message naming the option. */
    static ImageShape parseShape(String text) {
        try {
            return ModelImporter.parseInputShape(text);
        } catch (InputException e) {
            throw new InputException("--input-shape: " + e.getMessage(), e);
        }
    }
}
