package org.latentexplorer.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentexplorer.common.InputException;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weights of a graph as plain named float arrays: {@code "LEXW"}, a count, then per array its
 * name, rank, shape and little-endian floats. Loading a bundle rebuilds the graph from its config and
 * copies these in, which takes a fraction of a second, where SameDiff's own loader spends seconds on
 * its first call initialising its op registry.
 */
final class WeightsFile {
    private static final int MAGIC = 0x4C455857; // "LEXW"

    private WeightsFile() {
    }

    static void write(SameDiff sd, OutputStream raw) throws IOException {
        DataOutputStream out = new DataOutputStream(raw);
        var vars = sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE).toList();
        out.writeInt(MAGIC);
        out.writeInt(vars.size());
        for (SDVariable v : vars) {
            INDArray a = v.getArr().castTo(DataType.FLOAT).dup('c');
            out.writeUTF(v.name());
            out.writeInt(a.rank());
            for (long d : a.shape()) {
                out.writeLong(d);
            }
            float[] f = a.data().asFloat();
            ByteBuffer b = ByteBuffer.allocate(f.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(f);
            out.write(b.array());
        }
        out.flush();
    }

    /** The size of the file {@link #write} makes for weights of these names and shapes. */
    static long bytes(Map<String, long[]> shapes) {
        long n = 8;
        for (var e : shapes.entrySet()) {
            n += 2 + e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 4 + 8L * e.getValue().length
                    + 4 * ModelShapes.count(e.getValue());
        }
        return n;
    }

    /**
     * The names and shapes the file declares, in order, reading past the values: run before the graph
     * is built, so that a file that disagrees with its config costs no allocation. Reads to the end.
     */
    static Map<String, long[]> readShapes(InputStream raw, String where) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        try {
            int count = header(in, where);
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                long[] shape = shape(in, name, where);
                if (shapes.put(name, shape) != null) {
                    throw new InputException(where + ": the weights file is corrupt (" + name + " appears twice)");
                }
                in.skipNBytes(4 * ModelShapes.count(shape));
            }
        } catch (EOFException e) {
            throw new InputException(where + ": the weights are truncated", e);
        }
        if (in.read() >= 0) {
            throw new InputException(where + ": the weights file is corrupt (bytes after its last array)");
        }
        return shapes;
    }

    private static int header(DataInputStream in, String where) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new InputException(where + ": the weights are not in this program's format");
        }
        int count = in.readInt();
        if (count < 0 || count > 100_000) {
            throw new InputException(where + ": the weights file is corrupt (" + count + " arrays)");
        }
        return count;
    }

    private static long[] shape(DataInputStream in, String name, String where) throws IOException {
        int rank = in.readInt();
        if (rank < 0 || rank > 8) {
            throw new InputException(where + ": weight " + name + " has an impossible rank " + rank);
        }
        long[] shape = new long[rank];
        long n = 1;
        for (int r = 0; r < rank; r++) {
            shape[r] = in.readLong();
            // Both factors at most 2^27 before the product: no overflow.
            if (shape[r] < 0 || shape[r] > ModelLimits.MAX_VALUES || (n *= shape[r]) > ModelLimits.MAX_VALUES) {
                throw new InputException(where + ": weight " + name + " has an impossible shape");
            }
        }
        return shape;
    }

    /**
     * Copies the file's arrays into the graph's variables, one array at a time, insisting that names
     * and shapes agree exactly (the caller has compared them with the config already, before building).
     */
    static void assign(SameDiff sd, InputStream raw, String where) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        var vars = sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE).toList();
        try {
            int count = header(in, where);
            if (vars.size() != count) {
                throw new InputException(where + ": the bundle holds " + count + " weight arrays but its config "
                        + "describes a model with " + vars.size());
            }
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                long[] shape = shape(in, name, where);
                SDVariable v = sd.getVariable(name);
                if (v == null || v.getVariableType() != VariableType.VARIABLE) {
                    throw new InputException(where + ": the bundle holds a weight " + name + " that its config does "
                            + "not describe");
                }
                if (!java.util.Arrays.equals(shape, v.getArr().shape())) {
                    throw new InputException(where + ": weight " + name + " has shape " + java.util.Arrays.toString(shape)
                            + " but the config describes " + java.util.Arrays.toString(v.getArr().shape()));
                }
                v.getArr().assign(org.nd4j.linalg.factory.Nd4j.create(floats(in, (int) ModelShapes.count(shape)), shape, 'c'));
            }
        } catch (EOFException e) {
            throw new InputException(where + ": the weights are truncated", e);
        }
        if (in.read() >= 0) {
            throw new InputException(where + ": the weights file is corrupt (bytes after its last array)");
        }
    }

    /** n little-endian floats, read in slices so that no second full-size byte copy is made. */
    private static float[] floats(DataInputStream in, int n) throws IOException {
        float[] f = new float[n];
        byte[] buf = new byte[1 << 16];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        for (int off = 0; off < n; ) {
            int k = Math.min(n - off, buf.length / 4);
            in.readFully(buf, 0, k * 4);
            bb.clear();
            bb.asFloatBuffer().get(f, off, k);
            off += k;
        }
        return f;
    }
}
