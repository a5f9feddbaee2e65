package org.latentexplorer.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.latentexplorer.common.InputException;

/**
 * Reads a numeric matrix from CSV or TSV text: one example per line, one value per column, an
 * optional header line and an optional label column; the shape is {@code 1 × 1 × columns}. Values
 * must lie in [0, 1], the range the models read; a file of whole numbers 0..255 only is 8-bit data
 * and is divided by 255; any other value outside [0, 1] is refused with its line, column and value.
 * NaN and infinities are rejected with their line and column; an empty cell is a missing entry (NaN)
 * only when {@link Options#allowMissing()} is set. Fields may be double-quoted ("a,b"); a doubled
 * quote inside quotes is a literal quote; a quoted field does not span lines.
 *
 * <p>The splitting is hand-written (thirty lines) rather than Commons CSV: the commons-csv 1.14.1 on
 * our class path (through Smile) needs commons-io 2.20, and ND4J's commons-io 2.7 wins the Maven
 * mediation, so the library fails to load; a one-line-per-row numeric format does not need more.
 */
public final class CsvReader {

    /** Whether the first line is a header. */
    public enum Header { AUTO, YES, NO }

    /**
     * @param delimiter    the separator, or 0 to choose: tab for .tsv, comma for .csv, else by the first line
     * @param header       whether the first line names the columns; AUTO: yes when it has a non-numeric cell
     * @param labelColumn  the label column by header name or by 0-based index, or null for no labels
     * @param allowMissing whether empty cells are missing entries (NaN) rather than errors
     */
    public record Options(char delimiter, Header header, String labelColumn, boolean allowMissing) {
        public static final Options DEFAULT = new Options((char) 0, Header.AUTO, null, false);

        public Options {
            header = header == null ? Header.AUTO : header;
            labelColumn = labelColumn == null || labelColumn.isBlank() ? null : labelColumn.trim();
        }
    }

    private CsvReader() {
    }

    public static Dataset read(String id, Path file, Options options) {
        DataStreams.requireFile(file);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(id, file, options, r);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read as UTF-8 text (" + e.getMessage() + ")", e);
        }
    }

    /** One pass, row by row into floats: memory is 4 bytes a value, not a string per cell. */
    private static Dataset read(String id, Path file, Options options, BufferedReader r) throws IOException {
        int no = 0;
        String line;
        while ((line = r.readLine()) != null && line.isBlank()) {
            no++;
        }
        if (line == null) {
            throw new InputException(file + ": is empty");
        }
        no++;
        char delim = options.delimiter() != 0 ? options.delimiter() : chooseDelimiter(file, line);
        String[] first = split(line, delim, file, no);
        int labelCol = labelIndex(options.labelColumn(), first, file);
        boolean header = switch (options.header()) {
            case YES -> true;
            case NO -> false;
            case AUTO -> looksLikeHeader(first, labelCol) || (labelCol >= 0 && !isInteger(options.labelColumn()));
        };
        String[] names = header ? first : null;
        int cols = first.length;
        int dim = labelCol >= 0 ? cols - 1 : cols;
        if (dim == 0) {
            throw new InputException(file + ": has no value columns besides the label column");
        }
        Values values = new Values(file);
        List<String> labelText = new ArrayList<>();
        String[] row = header ? null : first;
        while (true) {
            if (row != null) {
                if (row.length != cols) {
                    throw new InputException(file + ": line " + no + " has " + row.length + " columns, expected " + cols);
                }
                for (int c = 0; c < cols; c++) {
                    if (c == labelCol) {
                        String label = row[c].trim();
                        if (label.isEmpty()) {
                            throw new InputException(file + ": line " + no + ", column " + (c + 1) + ": empty label");
                        }
                        labelText.add(label);
                    } else {
                        values.add(parse(row[c], options.allowMissing(), file, no, c, names), row[c], no, c, names);
                    }
                }
            }
            line = r.readLine();
            if (line == null) {
                break;
            }
            no++;
            row = line.isBlank() ? null : split(line, delim, file, no);
        }
        int n = values.size / dim;
        if (n == 0) {
            throw new InputException(file + ": has a header but no data lines");
        }
        return toDataset(id, ImageShape.vector(dim), n, values.finish(), labelCol >= 0 ? labelText : null);
    }

    private static Dataset toDataset(String id, ImageShape shape, int n, float[] values, List<String> labelText) {
        if (labelText == null) {
            return new Dataset(id, shape, n, values, null, List.of());
        }
        TreeSet<String> distinct = new TreeSet<>(NaturalOrder.INSTANCE);
        distinct.addAll(labelText);
        List<String> labelNames = new ArrayList<>(distinct);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labelNames.size(); i++) {
            index.put(labelNames.get(i), i);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = index.get(labelText.get(i));
        }
        return new Dataset(id, shape, n, values, labels, labelNames);
    }

    /**
     * The values read so far, and the range rule: the models read [0, 1]. A file whose every value is
     * a whole number 0..255 is 8-bit data (pixel CSVs such as Kaggle's MNIST) and is divided by 255;
     * any other value outside [0, 1] is refused, naming its line, column and value, because a model
     * trained on it diverges.
     */
    private static final class Values {
        private final Path file;
        private float[] data = new float[1024];
        private int size;
        private String outside;   // where the first value outside [0, 1] is, or null
        private String not8bit;   // where the first value that is not a whole number 0..255 is, or null

        Values(Path file) {
            this.file = file;
        }

        void add(float v, String text, int line, int col, String[] names) {
            if (size == data.length) {
                if (size == Integer.MAX_VALUE - 8) {
                    throw new InputException(file + ": more than " + size + " values; split the file");
                }
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, 2L * size);
                HeapBudget.require(file.toString(), (long) grown * Float.BYTES * 3 / 2, "the values read so far");
                data = Arrays.copyOf(data, grown);
            }
            data[size++] = v;
            if (Float.isNaN(v)) {
                return;
            }
            if ((v < 0 || v > 1) && outside == null) {
                outside = where(file, line, col, names) + ": value " + text.trim() + " is outside [0, 1]";
            }
            if ((v != Math.rint(v) || v < 0 || v > 255) && not8bit == null) {
                not8bit = where(file, line, col, names).substring(file.toString().length() + 2) + " (" + text.trim() + ")";
            }
        }

        float[] finish() {
            float[] v = size == data.length ? data : Arrays.copyOf(data, size);
            data = null;
            if (outside == null) {
                return v;
            }
            if (not8bit == null) {
                for (int i = 0; i < v.length; i++) {
                    v[i] /= 255f;
                }
                return v;
            }
            throw new InputException(outside + "; the models read values in [0, 1]: scale the data first (a file of "
                    + "whole numbers 0-255 only is read as 8-bit pixels and divided by 255, but " + not8bit + " is not one)");
        }
    }

    private static float parse(String cell, boolean allowMissing, Path file, int line, int col, String[] names) {
        String t = cell.trim();
        String where = where(file, line, col, names);
        if (t.isEmpty()) {
            if (allowMissing) {
                return Float.NaN;
            }
            throw new InputException(where + ": empty cell; allow missing values to read empty cells as missing entries");
        }
        String lower = t.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
        if (lower.equals("nan") || lower.startsWith("inf")) {
            throw new InputException(where + ": '" + t + "' is not a finite number (NaN and infinities are not allowed)");
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new InputException(where + ": '" + t + "' is not a number");
        }
        if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
            throw new InputException(where + ": '" + t + "' is too large for a 32-bit float");
        }
        return (float) v;
    }

    private static String where(Path file, int line, int col, String[] names) {
        return file + ": line " + line + ", column " + (col + 1) + (names != null ? " (" + names[col].trim() + ")" : "");
    }

    private static int labelIndex(String labelColumn, String[] first, Path file) {
        if (labelColumn == null) {
            return -1;
        }
        if (isInteger(labelColumn)) {
            int i = Integer.parseInt(labelColumn);
            if (i < 0 || i >= first.length) {
                throw new InputException(file + ": label column " + i + " is outside 0.." + (first.length - 1));
            }
            return i;
        }
        for (int i = 0; i < first.length; i++) {
            if (first[i].trim().equals(labelColumn)) {
                return i;
            }
        }
        throw new InputException(file + ": no column named '" + labelColumn + "' in the header line");
    }

    private static boolean looksLikeHeader(String[] first, int labelCol) {
        for (int c = 0; c < first.length; c++) {
            String t = first[c].trim();
            if (c == labelCol || t.isEmpty()) {
                continue;
            }
            try {
                Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInteger(String s) {
        return s != null && s.matches("\\d+");
    }

    private static char chooseDelimiter(Path file, String firstLine) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return '\t';
        }
        if (name.endsWith(".csv")) {
            return ',';
        }
        if (firstLine.indexOf('\t') >= 0) {
            return '\t';
        }
        return firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
    }

    /** Splits one line, honouring double quotes. */
    static String[] split(String line, char delim, Path file, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delim) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new InputException(file + ": line " + lineNo + " has an unclosed quote");
        }
        out.add(cell.toString());
        return out.toArray(String[]::new);
    }
}
