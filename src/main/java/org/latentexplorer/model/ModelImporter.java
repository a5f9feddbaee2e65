package org.latentexplorer.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;

/**
 * Turns an exported encoder/decoder pair into an {@link ImportedVae}: reads both files (capped at
 * {@link ModelLimits#MAX_ONNX_BYTES}), wires them from their declarations ({@link OnnxWiring}), and
 * runs both on a few real images before anything is saved, so that a pair that does not fit is
 * refused with one message naming the file and the problem.
 */
public final class ModelImporter {
    /** Prior draws decoded at import, beside the reconstructions of the probe images. */
    private static final int PRIOR_DRAWS = 16;
    /** Probabilities may miss [0, 1] by float rounding, no more. */
    private static final float TOLERANCE = 1e-5f;

    private ModelImporter() {
    }

    /**
     * What the user says about the pair.
     *
     * @param meanOutput   the encoder output holding the posterior mean; null (with {@code logVarOutput}
     *                     null) takes the first two outputs
     * @param datasetId    the data set the model is explored on (empty: none known)
     * @param labelNames   class names, or empty
     * @param name         a display name, or null
     */
    public record Request(Path encoder, Path decoder, ImageShape inputShape, Likelihood likelihood,
                          DecoderOutput decoderOutput, String meanOutput, String logVarOutput, String datasetId,
                          List<String> labelNames, String name) {
        public Request {
            if (encoder == null || decoder == null) {
                throw new InputException("name both the encoder and the decoder ONNX file");
            }
            if (inputShape == null || likelihood == null || decoderOutput == null) {
                throw new InputException("say the input shape, the likelihood and what the decoder returns");
            }
            labelNames = List.copyOf(labelNames == null ? List.of() : labelNames);
            datasetId = datasetId == null ? "" : datasetId;
        }
    }

    /** What the import run saw: the model, and a few inputs beside their reconstructions for a preview. */
    public record Result(ImportedVae model, float[][] inputs, float[][] reconstructions, float[][] samples) {
        /** Root mean square difference between the probe images and their reconstructions, over all pixels. */
        public double reconstructionRmse() {
            double s = 0;
            long n = 0;
            for (int i = 0; i < inputs.length; i++) {
                for (int j = 0; j < inputs[i].length; j++) {
                    double d = inputs[i][j] - reconstructions[i][j];
                    s += d * d;
                    n++;
                }
            }
            return Math.sqrt(s / Math.max(1, n));
        }
    }

    /** A pair read and wired from its declarations, not yet run: {@link #check} runs it. */
    public static final class Prepared {
        private final Request request;
        private final byte[] encoder, decoder;
        private final OnnxWiring wiring;

        private Prepared(Request request, byte[] encoder, byte[] decoder, OnnxWiring wiring) {
            this.request = request;
            this.encoder = encoder;
            this.decoder = decoder;
            this.wiring = wiring;
        }

        /** The same pair, explored on {@code datasetId} with these class names. */
        public Prepared forData(String datasetId, List<String> labelNames) {
            Request r = request;
            return new Prepared(new Request(r.encoder(), r.decoder(), r.inputShape(), r.likelihood(), r.decoderOutput(),
                    r.meanOutput(), r.logVarOutput(), datasetId, labelNames, r.name()), encoder, decoder, wiring);
        }

        /** The code size the graphs declare, or −1 when they leave it symbolic. */
        public int declaredLatentDim() {
            return wiring.latentDim();
        }
    }

    /**
     * Reads both files and wires them from their declared inputs and outputs: cheap (no data needed),
     * so a pair that cannot fit is refused before a data set is loaded or downloaded.
     */
    public static Prepared prepare(Request r) {
        checkDecoderOutput(r.likelihood(), r.decoderOutput());
        byte[] enc = read(r.encoder(), "encoder");
        byte[] dec = read(r.decoder(), "decoder");
        try (OnnxGraph e = new OnnxGraph(r.encoder().toString(), enc);
             OnnxGraph d = new OnnxGraph(r.decoder().toString(), dec)) {
            return new Prepared(r, enc, dec, OnnxWiring.resolve(e, d, r.inputShape(), r.meanOutput(), r.logVarOutput()));
        }
    }

    /** Refuses a decoder output that cannot belong to the likelihood: probabilities are Bernoulli parameters. */
    public static void checkDecoderOutput(Likelihood likelihood, DecoderOutput output) {
        if (likelihood.kind() == Likelihood.Kind.GAUSSIAN && output == DecoderOutput.PROBABILITIES) {
            throw new InputException("a decoder returning probabilities is a Bernoulli decoder: use --likelihood "
                    + "bernoulli, or --decoder-output mean for a Gaussian's mean");
        }
    }

    /**
     * {@code HxWxC} (or {@code HxW} for one channel), as exporters write an image's shape, to the
     * project's channel-first shape; at most {@link ModelLimits#MAX_INPUT_VALUES} values.
     */
    public static ImageShape parseInputShape(String text) {
        String[] p = text == null ? new String[0] : text.trim().toLowerCase(Locale.ROOT).split("x", -1);
        try {
            if (p.length == 2 || p.length == 3) {
                int h = Integer.parseInt(p[0].trim()), w = Integer.parseInt(p[1].trim());
                int c = p.length == 3 ? Integer.parseInt(p[2].trim()) : 1;
                if (h >= 1 && w >= 1 && c >= 1 && (long) h * w * c <= ModelLimits.MAX_INPUT_VALUES) {
                    return new ImageShape(c, h, w);
                }
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new InputException("the input shape must be HxWxC with at most " + ModelLimits.MAX_INPUT_VALUES
                + " values (e.g. 28x28x1 or 32x32x3), got '" + text + "'");
    }

    /**
     * The data set an imported model of this image shape is tried on when none is named: the first
     * embedded one (no download), else the first known one; null when none has that shape.
     */
    public static String defaultDataset(ImageShape shape) {
        String any = null;
        for (var k : org.latentexplorer.data.DatasetCatalog.all()) {
            if (k.shape().equals(shape)) {
                if (k.downloads().isEmpty()) {
                    return k.name();
                }
                any = any == null ? k.name() : any;
            }
        }
        return any;
    }

    /** {@link #prepare} then {@link #check}. */
    public static Result importPair(Request r, float[][] probe) {
        return check(prepare(r), probe);
    }

    /**
     * Runs the prepared pair on {@code probe} (a few images of the data set, values in [0, 1]): the
     * encoder must give finite means and log-variances of one size d, the decoder finite outputs of
     * the image's size for those codes and for prior draws, within [0, 1] when declared as
     * probabilities. The returned model is open; the caller saves or closes it.
     */
    public static Result check(Prepared p, float[][] probe) {
        if (probe.length == 0) {
            throw new InputException("no images to try the model on");
        }
        Request r = p.request;
        String encLabel = r.encoder().toString(), decLabel = r.decoder().toString();
        int latent = p.wiring.latentDim();
        if (latent < 0) {
            try (OnnxGraph e = new OnnxGraph(encLabel, p.encoder)) {
                latent = runLatentSize(e, p.wiring, r.inputShape(), probe);
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        if (r.name() != null && !r.name().isBlank()) {
            extra.put("name", r.name().strip());
        }
        extra.put("importedEncoder", r.encoder().getFileName().toString());
        extra.put("importedDecoder", r.decoder().getFileName().toString());
        ModelConfig base = new ModelConfig("vae", "dense", r.inputShape(), latent, List.of(), r.likelihood(), "unit",
                r.datasetId(), r.labelNames(), Map.of());
        ModelConfig config = ImportedVae.config(base, p.wiring, r.decoderOutput(), latent, extra);
        ImportedVae model = ImportedVae.open(config, p.encoder, encLabel, p.decoder, decLabel, encLabel);
        try {
            return run(model, probe, encLabel, decLabel);
        } catch (RuntimeException ex) {
            model.close();
            throw ex;
        }
    }

    private static Result run(ImportedVae model, float[][] probe, String encLabel, String decLabel) {
        Posterior q = model.encode(probe);
        finite(q.mean(), encLabel, "posterior means (output '" + model.config().extra().get(OnnxWiring.MEAN) + "')");
        finite(q.logVar(), encLabel, "log-variances (output '" + model.config().extra().get(OnnxWiring.LOG_VAR) + "')");
        float[][] codes = new float[probe.length + PRIOR_DRAWS][];
        System.arraycopy(q.mean(), 0, codes, 0, probe.length);
        float[][] prior = model.samplePrior(PRIOR_DRAWS, new SplittableRandom(1));
        System.arraycopy(prior, 0, codes, probe.length, PRIOR_DRAWS);
        float[][] raw = model.decodeRaw(codes);
        finite(raw, decLabel, "outputs");
        boolean unit = model.decoderOutput() == DecoderOutput.PROBABILITIES
                || model.decoderOutput() == DecoderOutput.MEAN && model.config().likelihood().kind() == Likelihood.Kind.BERNOULLI;
        if (unit) {
            float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
            for (float[] row : raw) {
                for (float v : row) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (lo < -TOLERANCE || hi > 1 + TOLERANCE) {
                throw new InputException(String.format(Locale.ROOT, "%s: its outputs run from %.4g to %.4g, but it was "
                        + "declared to return probabilities in [0, 1]; if it returns logits (no sigmoid at the end), "
                        + "use --decoder-output logits", decLabel, lo, hi));
            }
        }
        float[][] recon = new float[probe.length][];
        float[][] samples = new float[PRIOR_DRAWS][];
        for (int i = 0; i < codes.length; i++) {
            float[] m = raw[i];
            for (int j = 0; j < m.length; j++) {
                m[j] = model.decoderOutput().mean(m[j]);
            }
            if (i < probe.length) {
                recon[i] = m;
            } else {
                samples[i - probe.length] = m;
            }
        }
        return new Result(model, probe, recon, samples);
    }

    /** Class names and the data set they belong to, from {@link #labels(String)}. */
    public record Labels(String datasetId, List<String> names) {
    }

    /** At most this many class names from a file, each at most 200 characters. */
    static final int MAX_LABELS = 1000;

    /**
     * {@code --labels}: the name of a known data set (its class names, and the data set the model is
     * explored on), or a text file with one class name per line. Null or blank: none.
     */
    public static Labels labels(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            return new Labels("", List.of());
        }
        var known = org.latentexplorer.data.DatasetCatalog.find(nameOrPath.strip());
        if (known.isPresent()) {
            return new Labels(known.get().name(), known.get().labelNames());
        }
        Path file = Path.of(nameOrPath);
        if (!Files.isRegularFile(file)) {
            throw new InputException("--labels: '" + nameOrPath + "' is neither a known data set ("
                    + org.latentexplorer.data.DatasetCatalog.all().stream().map(k -> k.name()).toList()
                    + ") nor a file of class names");
        }
        try {
            if (Files.size(file) > MAX_LABELS * 201L) {
                throw new InputException(file + ": too large for a list of class names (at most " + MAX_LABELS + ")");
            }
            List<String> names = Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (names.isEmpty()) {
                throw new InputException(file + ": no class names in it (one per line)");
            }
            for (String n : names) {
                if (n.length() > 200) {
                    throw new InputException(file + ": a class name longer than 200 characters");
                }
            }
            if (names.size() > MAX_LABELS) {
                throw new InputException(file + ": " + names.size() + " class names, more than " + MAX_LABELS);
            }
            return new Labels("", names);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(file + ": not a UTF-8 text file of class names", e);
        } catch (IOException e) {
            throw new InputException(file + ": could not be read (" + e.getMessage() + ")", e);
        }
    }

    /** When every declaration leaves d symbolic, one run of the encoder tells it. */
    private static int runLatentSize(OnnxGraph encoder, OnnxWiring w, ImageShape shape, float[][] probe) {
        float[][] one = {probe[0]};
        var out = encoder.run(w.encoderInput(), w.encoderLayout().pack(one, shape), w.encoderLayout().shape(1, shape),
                List.of(w.meanOutput()));
        int d = out.get(w.meanOutput()).values().length;
        if (d < 1 || d > 1024) {
            throw new InputException(encoder.label() + ": its output '" + w.meanOutput() + "' gives " + d
                    + " values per image; a code has 1 to 1024 dimensions");
        }
        return d;
    }

    private static void finite(float[][] rows, String label, String what) {
        for (int i = 0; i < rows.length; i++) {
            for (float v : rows[i]) {
                if (!Float.isFinite(v)) {
                    throw new InputException(label + ": its " + what + " hold " + (Float.isNaN(v) ? "NaN" : "infinite")
                            + " values (row " + i + " of the test images); the model cannot be explored");
                }
            }
        }
    }

    /** The file's bytes, refused past the cap before they are read. */
    private static byte[] read(Path file, String role) {
        try {
            long size = Files.size(file);
            if (size > ModelLimits.MAX_ONNX_BYTES) {
                throw new InputException(String.format(Locale.ROOT, "%s: %,d bytes, more than the %,d an imported %s "
                        + "may have", file, size, ModelLimits.MAX_ONNX_BYTES, role));
            }
            if (size == 0) {
                throw new InputException(file + ": the " + role + " file is empty");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes((int) size);
            }
        } catch (NoSuchFileException ex) {
            throw new InputException(file + ": no such " + role + " file", ex);
        } catch (IOException ex) {
            throw new InputException(file + ": the " + role + " file could not be read (" + ex.getMessage() + ")", ex);
        }
    }
}
