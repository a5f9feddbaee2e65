package org.latentexplorer.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.latentexplorer.common.InputException;

/**
 * One ONNX graph run by ONNX Runtime: a session built from the file's bytes, its declared inputs and
 * outputs, and float32 runs on plain Java arrays. Every tensor and result is closed as soon as its
 * values are copied out (they hold native memory). One {@link OrtEnvironment} serves the process.
 */
final class OnnxGraph implements AutoCloseable {
    /** Threads per session; {@code -Dlatentexplorer.onnx.threads=N} overrides (benchmarks use 1). */
    static final String THREADS = "latentexplorer.onnx.threads";

    private final String label;
    private final OrtSession session;
    private final Map<String, long[]> inputs = new LinkedHashMap<>();
    private final Map<String, long[]> outputs = new LinkedHashMap<>();

    /**
     * Parses {@code bytes} into a session; a file ONNX Runtime cannot read (not ONNX, truncated, an
     * operator it lacks) becomes one {@link InputException} naming {@code label}.
     */
    OnnxGraph(String label, byte[] bytes) {
        this.label = label;
        try (OrtSession.SessionOptions options = options()) {
            session = environment().createSession(bytes, options);
        } catch (OrtException | RuntimeException e) {
            throw new InputException(label + ": ONNX Runtime cannot open it as an ONNX model (" + brief(e) + ")", e);
        }
        try {
            collect(session.getInputInfo(), inputs, "input");
            collect(session.getOutputInfo(), outputs, "output");
        } catch (OrtException | RuntimeException e) {
            close();
            throw e instanceof InputException ie ? ie
                    : new InputException(label + ": its inputs and outputs cannot be read (" + brief(e) + ")", e);
        }
    }

    static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "latent-explorer");
    }

    private static OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        int threads = Integer.getInteger(THREADS, Math.min(4, Runtime.getRuntime().availableProcessors()));
        o.setIntraOpNumThreads(Math.max(1, threads));
        o.setInterOpNumThreads(1);
        o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        // Idle worker threads sleep instead of spinning: on a laptop, spinning costs a core while the map waits.
        o.addConfigEntry("session.intra_op.allow_spinning", "0");
        return o;
    }

    private void collect(Map<String, NodeInfo> info, Map<String, long[]> into, String what) {
        for (var e : info.entrySet()) {
            if (!(e.getValue().getInfo() instanceof TensorInfo t)) {
                throw new InputException(label + ": " + what + " '" + e.getKey() + "' is not a tensor ("
                        + e.getValue().getInfo() + "); an encoder or decoder takes and returns float tensors");
            }
            if (t.type != OnnxJavaType.FLOAT) {
                throw new InputException(label + ": " + what + " '" + e.getKey() + "' holds " + t.type
                        + " values; Latent Explorer feeds and reads float32 tensors (export the model in float32)");
            }
            into.put(e.getKey(), t.getShape());
        }
    }

    String label() {
        return label;
    }

    /** Declared inputs in the graph's order, name → shape (negative: a symbolic size). */
    Map<String, long[]> inputs() {
        return inputs;
    }

    /** Declared outputs in the graph's order. */
    Map<String, long[]> outputs() {
        return outputs;
    }

    List<String> outputNames() {
        return new ArrayList<>(outputs.keySet());
    }

    /**
     * Runs the graph on one float input of {@code shape} and returns the requested outputs, each as a
     * flat buffer with the shape ONNX Runtime gave it.
     */
    Map<String, Output> run(String input, float[] values, long[] shape, List<String> wanted) {
        OrtEnvironment env = environment();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
             OrtSession.Result result = session.run(Map.of(input, tensor), Set.copyOf(wanted))) {
            Map<String, Output> out = new LinkedHashMap<>();
            for (String name : wanted) {
                OnnxValue v = result.get(name).orElseThrow(() -> new InputException(label + ": the graph gave no output '"
                        + name + "'"));
                if (!(v instanceof OnnxTensor t)) {
                    throw new InputException(label + ": output '" + name + "' is not a tensor");
                }
                FloatBuffer fb = t.getFloatBuffer();
                if (fb == null) {
                    throw new InputException(label + ": output '" + name + "' is not a float tensor");
                }
                // ONNX Runtime hands out a copy already; take its array rather than copying again.
                float[] data;
                if (fb.hasArray() && fb.arrayOffset() == 0 && fb.position() == 0 && fb.remaining() == fb.array().length) {
                    data = fb.array();
                } else {
                    data = new float[fb.remaining()];
                    fb.get(data);
                }
                out.put(name, new Output(data, t.getInfo().getShape()));
            }
            return out;
        } catch (OrtException e) {
            throw new InputException(label + ": ONNX Runtime could not run it on " + TensorLayout.describe(shape)
                    + " (" + brief(e) + ")", e);
        }
    }

    /** A run's output: its values, flat in row-major order, and its shape. */
    record Output(float[] values, long[] shape) {
        /** Rows of the first dimension. */
        long rows() {
            return shape.length == 0 ? 1 : shape[0];
        }
    }

    /** ONNX Runtime's messages carry its source location first; the user needs the last clause. */
    static String brief(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // Frees native memory only; nothing for a user to act on.
        }
    }
}
