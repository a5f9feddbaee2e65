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

    /** Named arrays as shapes and values; the caller checks them against the rebuilt graph. */
    static Map<String, Object[]> read(InputStream raw, String where) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        try {
            if (in.readInt() != MAGIC) {
                throw new InputException(where + ": the weights are not in this program's format");
            }
            int count = in.readInt();
            if (count < 0 || count > 100_000) {
                throw new InputException(where + ": the weights file is corrupt (" + count + " arrays)");
            }
            Map<String, Object[]> arrays = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int rank = in.readInt();
                if (rank < 0 || rank > 8) {
                    throw new InputException(where + ": weight " + name + " has an impossible rank " + rank);
                }
                long[] shape = new long[rank];
                long n = 1;
                for (int r = 0; r < rank; r++) {
                    shape[r] = in.readLong();
                    n *= shape[r];
                    if (shape[r] < 0 || n > 500_000_000L) {
                        throw new InputException(where + ": weight " + name + " has an impossible shape");
                    }
                }
                byte[] bytes = in.readNBytes((int) n * 4);
                if (bytes.length != n * 4) {
                    throw new EOFException();
                }
                float[] f = new float[(int) n];
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
                arrays.put(name, new Object[]{shape, f});
            }
            return arrays;
        } catch (EOFException e) {
            throw new InputException(where + ": the weights are truncated", e);
        }
    }

    /** Copies {@code arrays} into the graph's variables, insisting that names and shapes agree exactly. */
    static void assign(SameDiff sd, Map<String, Object[]> arrays, String where) {
        var vars = sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE).toList();
        if (vars.size() != arrays.size()) {
            throw new InputException(where + ": the bundle holds " + arrays.size() + " weight arrays but its config "
                    + "describes a model with " + vars.size());
        }
        for (SDVariable v : vars) {
            Object[] a = arrays.get(v.name());
            if (a == null) {
                throw new InputException(where + ": weight " + v.name() + " is missing");
            }
            long[] shape = (long[]) a[0];
            if (!java.util.Arrays.equals(shape, v.getArr().shape())) {
                throw new InputException(where + ": weight " + v.name() + " has shape " + java.util.Arrays.toString(shape)
                        + " but the config describes " + java.util.Arrays.toString(v.getArr().shape()));
            }
            v.getArr().assign(org.nd4j.linalg.factory.Nd4j.create((float[]) a[1], shape, 'c'));
        }
    }
}
