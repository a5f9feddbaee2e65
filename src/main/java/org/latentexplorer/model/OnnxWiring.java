package org.latentexplorer.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;

/**
 * Which tensors of an imported encoder/decoder pair carry what: the encoder's image input and its
 * layout, the outputs holding the posterior mean and log-variance, the decoder's code input and its
 * image output. Read from the graphs' declarations and checked against the image shape; stored in the
 * bundle's config ({@link ModelConfig#extra()}) so that a reopened model is wired the same way.
 *
 * @param latentDim d as the graphs declare it, or −1 when every declaration leaves it symbolic (a run
 *                  then tells)
 */
record OnnxWiring(String encoderInput, TensorLayout encoderLayout, String meanOutput, String logVarOutput,
                  String decoderInput, String decoderOutputName, TensorLayout decoderLayout, int latentDim) {

    /** An output name that says it holds a variance or spread, not a mean ({@code z_log_var}, {@code logvar}, {@code sigma}). */
    private static final java.util.regex.Pattern VARIANCE_NAME =
            java.util.regex.Pattern.compile("(?i)(var|sigma|std|scale)");

    static final String ENCODER_INPUT = "onnxEncoderInput", ENCODER_LAYOUT = "onnxEncoderLayout",
            MEAN = "onnxMeanOutput", LOG_VAR = "onnxLogVarOutput", DECODER_INPUT = "onnxDecoderInput",
            DECODER_OUTPUT_NAME = "onnxDecoderOutputName", DECODER_LAYOUT = "onnxDecoderLayout",
            DECODER_OUTPUT = "onnxDecoderOutput";

    /**
     * Reads the wiring from the graphs. {@code meanName}/{@code logVarName} pick the encoder's outputs
     * by name; null takes its first two. Anything that does not fit becomes one message naming the file.
     */
    static OnnxWiring resolve(OnnxGraph encoder, OnnxGraph decoder, ImageShape shape, String meanName,
                              String logVarName) {
        Map.Entry<String, long[]> in = single(encoder, "an encoder takes one: the images");
        TensorLayout encLayout = TensorLayout.detect(in.getValue(), shape);
        if (encLayout == null) {
            throw new InputException(encoder.label() + ": its input '" + in.getKey() + "' has shape "
                    + TensorLayout.describe(in.getValue()) + ", which does not hold " + shape.height() + "x"
                    + shape.width() + "x" + shape.channels() + " images; expected " + expected(shape)
                    + " (check --input-shape)");
        }
        List<String> outs = encoder.outputNames();
        String mean, logVar;
        if (meanName == null && logVarName == null) {
            if (outs.size() < 2) {
                throw new InputException(encoder.label() + ": it has " + outs.size() + " output" + (outs.size() == 1
                        ? "" : "s") + " " + outs + "; an encoder returns the posterior mean and log-variance (its "
                        + "first two outputs, or name them with --mean-output and --log-var-output)");
            }
            mean = outs.get(0);
            logVar = outs.get(1);
            if (VARIANCE_NAME.matcher(mean).find() && !VARIANCE_NAME.matcher(logVar).find()) {
                throw new InputException(encoder.label() + ": its first output is '" + mean + "' and its second '" + logVar
                        + "': by their names the log-variance comes first; name them with --mean-output and "
                        + "--log-var-output (its outputs are " + outs + ")");
            }
        } else {
            if (meanName == null || logVarName == null) {
                throw new InputException("name both the mean and the log-variance output (--mean-output and "
                        + "--log-var-output), or neither to take the encoder's first two");
            }
            mean = named(encoder, meanName, "--mean-output");
            logVar = named(encoder, logVarName, "--log-var-output");
            if (mean.equals(logVar)) {
                throw new InputException(encoder.label() + ": the mean and the log-variance cannot both be output '"
                        + mean + "'");
            }
        }
        Map.Entry<String, long[]> code = single(decoder, "a decoder takes one: the codes z");
        if (code.getValue().length != 2) {
            throw new InputException(decoder.label() + ": its input '" + code.getKey() + "' has shape "
                    + TensorLayout.describe(code.getValue()) + "; a decoder takes codes [N, d]");
        }
        List<String> decOuts = decoder.outputNames();
        String image = decOuts.get(0);
        TensorLayout decLayout = TensorLayout.detect(decoder.outputs().get(image), shape);
        if (decLayout == null) {
            throw new InputException(decoder.label() + ": its output '" + image + "' has shape "
                    + TensorLayout.describe(decoder.outputs().get(image)) + ", which does not hold " + shape.height()
                    + "x" + shape.width() + "x" + shape.channels() + " images; expected " + expected(shape));
        }
        long dMean = latent(encoder, mean), dLogVar = latent(encoder, logVar), dCode = code.getValue()[1];
        if (dMean >= 0 && dLogVar >= 0 && dMean != dLogVar) {
            throw new InputException(encoder.label() + ": its mean '" + mean + "' has " + dMean + " dimensions but its "
                    + "log-variance '" + logVar + "' has " + dLogVar);
        }
        long dEnc = Math.max(dMean, dLogVar);
        if (dEnc >= 0 && dCode >= 0 && dEnc != dCode) {
            throw new InputException(decoder.label() + ": it takes codes of " + dCode + " dimensions (input '"
                    + code.getKey() + "'), but the encoder " + encoder.label() + " gives " + dEnc
                    + "; the two files must be the same model's encoder and decoder");
        }
        long dAny = Math.max(dEnc, dCode);
        if (dAny > 1024 || dAny == 0) {
            throw new InputException(encoder.label() + ": codes of " + dAny + " dimensions; 1 to 1024 are supported");
        }
        int d = (int) dAny;
        return new OnnxWiring(in.getKey(), encLayout, mean, logVar, code.getKey(), image, decLayout, d);
    }

    private static Map.Entry<String, long[]> single(OnnxGraph g, String why) {
        if (g.inputs().size() != 1) {
            throw new InputException(g.label() + ": it takes " + g.inputs().size() + " inputs " + g.inputs().keySet()
                    + "; " + why + " (export it with the others folded in, e.g. noise drawn inside or removed)");
        }
        return g.inputs().entrySet().iterator().next();
    }

    private static String named(OnnxGraph encoder, String name, String option) {
        if (!encoder.outputs().containsKey(name)) {
            throw new InputException(encoder.label() + ": it has no output '" + name + "' (" + option + "); its outputs "
                    + "are " + encoder.outputNames());
        }
        return name;
    }

    /** The code size an encoder output declares, −1 when symbolic. */
    private static long latent(OnnxGraph encoder, String output) {
        long[] s = encoder.outputs().get(output);
        if (s.length != 2) {
            throw new InputException(encoder.label() + ": its output '" + output + "' has shape "
                    + TensorLayout.describe(s) + "; the posterior's parameters are [N, d]");
        }
        return s[1];
    }

    private static String expected(ImageShape s) {
        String flat = "[N, " + s.size() + "]";
        return s.channels() == 1
                ? flat + ", [N, " + s.height() + ", " + s.width() + "], [N, 1, " + s.height() + ", " + s.width()
                + "] or [N, " + s.height() + ", " + s.width() + ", 1]"
                : flat + ", [N, " + s.channels() + ", " + s.height() + ", " + s.width() + "] or [N, " + s.height()
                + ", " + s.width() + ", " + s.channels() + "]";
    }

    /** The config entries that record this wiring. */
    Map<String, Object> toExtra(DecoderOutput output) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(ENCODER_INPUT, encoderInput);
        m.put(ENCODER_LAYOUT, encoderLayout.name());
        m.put(MEAN, meanOutput);
        m.put(LOG_VAR, logVarOutput);
        m.put(DECODER_INPUT, decoderInput);
        m.put(DECODER_OUTPUT_NAME, decoderOutputName);
        m.put(DECODER_LAYOUT, decoderLayout.name());
        m.put(DECODER_OUTPUT, output.id());
        return m;
    }

    /** The decoder output kind a config records. */
    static DecoderOutput decoderOutput(ModelConfig config) {
        Object v = config.extra().get(DECODER_OUTPUT);
        if (!(v instanceof String s)) {
            throw new InputException("the config of an imported model does not say what its decoder returns ("
                    + DECODER_OUTPUT + ")");
        }
        return DecoderOutput.parse(s);
    }

    /** The mean/log-variance names a config records (null for both when absent). */
    static String[] posteriorNames(ModelConfig config) {
        return new String[]{string(config, MEAN), string(config, LOG_VAR)};
    }

    private static String string(ModelConfig config, String key) {
        return config.extra().get(key) instanceof String s ? s : null;
    }

    /** A reopened model must be wired as it was imported: the graphs inside may not have been swapped. */
    void checkAgainst(ModelConfig config, String file) {
        Map<String, Object> stored = config.extra();
        Map<String, Object> now = toExtra(decoderOutput(config));
        for (var e : now.entrySet()) {
            if (!e.getValue().equals(stored.get(e.getKey()))) {
                throw new InputException(file + ": the imported graphs do not match the bundle's config (" + e.getKey()
                        + " is " + e.getValue() + " in the graph, " + stored.get(e.getKey()) + " in the config)");
            }
        }
        if (latentDim >= 0 && latentDim != config.latentDim()) {
            throw new InputException(file + ": the imported graphs have codes of " + latentDim + " dimensions but the "
                    + "config says " + config.latentDim());
        }
    }
}
