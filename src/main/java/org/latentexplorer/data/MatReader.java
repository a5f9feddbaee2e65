package org.latentexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.latentexplorer.common.InputException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Reads a numeric matrix from a MATLAB 5 {@code .mat} file with the MFL library. The Frey faces file
 * ({@code frey_rawface.mat}, Roweis' page) holds {@code ff}: uint8, 560 × 1965, one 28-row × 20-column
 * face per column, pixels row by row. Other files: the named variable (or the first numeric matrix)
 * with one example per row; integer types are scaled by their maximum, floating point values must
 * already lie in [0, 1] (NaN = missing). MATLAB 7.3 files are HDF5 and are not read.
 */
public final class MatReader {
    /** Frey faces: 28 rows × 20 columns. */
    public static final ImageShape FREY_SHAPE = ImageShape.grey(28, 20);

    private MatReader() {
    }

    /** Reads the Frey faces layout: variable {@code ff}, one 560-pixel image per column. */
    public static Dataset readFreyFaces(String id, Path file) {
        try (Mat5File mat = open(file)) {
            Matrix ff = matrix(mat, "ff", file);
            if (ff.getNumRows() != FREY_SHAPE.size()) {
                throw new InputException(file + ": variable 'ff' has " + ff.getNumRows() + " rows; Frey faces have "
                        + FREY_SHAPE.size() + " (28x20 pixels) per column");
            }
            return toDataset(id, file, ff, FREY_SHAPE, true);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads any .mat file: {@code ff} in the Frey layout when present, else {@code variable} (or the
     * first numeric matrix when null) with one example per row. Square row lengths (784 = 28²) are read
     * as square grey images, others as vectors.
     */
    public static Dataset read(String id, Path file, String variable) {
        try (Mat5File mat = open(file)) {
            if (variable == null && hasVariable(mat, "ff")) {
                return readFreyFaces(id, file);
            }
            Matrix m = variable != null ? matrix(mat, variable, file) : firstMatrix(mat, file);
            int d = m.getNumCols();
            int side = (int) Math.round(Math.sqrt(d));
            ImageShape shape = side > 1 && side * side == d ? ImageShape.grey(side, side) : ImageShape.vector(d);
            return toDataset(id, file, m, shape, false);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final String V7 = "in MATLAB, save it again with save('file.mat', 'var', '-v7'); in Python, "
            + "scipy.io.savemat writes that format";

    /** True when the bytes start with the HDF5 signature (a MATLAB 7.3 file saved without its text header). */
    static boolean isHdf5(byte[] head) {
        return head.length >= 8 && java.util.Arrays.equals(head, 0, 8, HDF5_MAGIC, 0, 8);
    }

    private static Mat5File open(Path file) {
        DataStreams.requireFile(file);
        try (InputStream in = DataStreams.open(file)) {
            byte[] first = in.readNBytes(520);
            String head = new String(first, 0, Math.min(first.length, 19), StandardCharsets.ISO_8859_1);
            // MATLAB 7.3 files are HDF5 with a 512-byte user block that starts with the text header.
            boolean hdf5 = isHdf5(first) || (first.length >= 520 && isHdf5(java.util.Arrays.copyOfRange(first, 512, 520)));
            if (head.startsWith("MATLAB 7.3") || hdf5) {
                throw new InputException(file + ": is a MATLAB 7.3 file (the HDF5-based -v7.3 format), which is not supported; " + V7);
            }
            if (first.length == 0) {
                throw new InputException(file + ": empty file");
            }
            if (!head.startsWith("MATLAB 5.0 MAT-file")) {
                throw new InputException(file + ": not a MATLAB .mat file of the v5-v7 kind (no 'MATLAB 5.0 MAT-file' "
                        + "header; MATLAB v4 files are not supported); if it is MATLAB data, " + V7);
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        MatElements.check(file);
        try {
            return Mat5.readFromFile(file.toFile());
        } catch (IOException | RuntimeException e) {
            // MFL reports corrupt content with assorted unchecked exceptions.
            throw new InputException(file + ": corrupt .mat file (" + e.getMessage() + ")", e);
        }
    }

    private static boolean hasVariable(MatFile mat, String name) {
        for (MatFile.Entry e : mat.getEntries()) {
            if (e.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Matrix matrix(MatFile mat, String name, Path file) {
        if (!hasVariable(mat, name)) {
            throw new InputException(file + ": has no variable '" + name + "' (variables: " + names(mat) + ")");
        }
        Array a = mat.getArray(name);
        if (!(a instanceof Matrix m) || a.getNumDimensions() != 2 || m.isComplex()) {
            throw new InputException(file + ": variable '" + name + "' is a " + a.getType() + ", not a real 2-D matrix");
        }
        return m;
    }

    private static Matrix firstMatrix(MatFile mat, Path file) {
        for (MatFile.Entry e : mat.getEntries()) {
            if (e.getValue() instanceof Matrix m && m.getNumDimensions() == 2 && !m.isComplex()) {
                return m;
            }
        }
        throw new InputException(file + ": holds no numeric matrix (variables: " + names(mat) + ")");
    }

    private static String names(MatFile mat) {
        StringBuilder sb = new StringBuilder();
        for (MatFile.Entry e : mat.getEntries()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(e.getName());
        }
        return sb.isEmpty() ? "none" : sb.toString();
    }

    private static Dataset toDataset(String id, Path file, Matrix m, ImageShape shape, boolean columns) {
        int n = columns ? m.getNumCols() : m.getNumRows();
        int d = shape.size();
        double scale = switch (m.getType()) {
            case UInt8 -> 255;
            case Int8 -> 127;
            case UInt16 -> 65535;
            case Int16 -> 32767;
            case UInt32, Int32, UInt64, Int64 -> 0;
            default -> 1;
        };
        if (scale == 0) {
            throw new InputException(file + ": 32/64-bit integer matrices are not supported; convert to uint8 or double");
        }
        boolean isFloat = m.getType() == MatlabType.Double || m.getType() == MatlabType.Single;
        float[] values = new float[Math.multiplyExact(n, d)];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                double v = columns ? m.getDouble(k, i) : m.getDouble(i, k);
                if (isFloat && !Double.isNaN(v) && (v < 0 || v > 1)) {
                    throw new InputException(file + ": value " + v + " at example " + i + ", entry " + k
                            + " is outside [0, 1]; scale floating-point data to [0, 1] first");
                }
                values[i * d + k] = (float) (v / scale);
            }
        }
        return new Dataset(id, shape, n, values, null, List.of());
    }
}
