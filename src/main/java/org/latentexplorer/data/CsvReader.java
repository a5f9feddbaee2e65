package org.latentexplorer.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.latentexplorer.common.InputException;

/**
 * Reads a numeric matrix from CSV or TSV text: one example per line, one value per column, an
 * optional header line and an optional label column. Values are kept as written (no rescaling); the
 * shape is {@code 1 × 1 × columns}. NaN and infinities are rejected with their line and column;
 * an empty cell is a missing entry (NaN) only when {@link Options#allowMissing()} is set.
 * Fields may be double-quoted ("a,b"); a doubled quote inside quotes is a literal quote.
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
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        char delim = options.delimiter();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                if (delim == 0) {
                    delim = chooseDelimiter(file, line);
                }
                rows.add(split(line, delim, file, no));
                lineNumbers.add(no);
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read as UTF-8 text (" + e.getMessage() + ")", e);
        }
        if (rows.isEmpty()) {
            throw new InputException(file + ": is empty");
        }
        String[] first = rows.get(0);
        int labelCol = labelIndex(options.labelColumn(), first, file);
        boolean header = switch (options.header()) {
            case YES -> true;
            case NO -> false;
            case AUTO -> looksLikeHeader(first, labelCol) || (labelCol >= 0 && !isInteger(options.labelColumn()));
        };
        String[] names = header ? first : null;
        int start = header ? 1 : 0;
        int cols = first.length;
        int dim = labelCol >= 0 ? cols - 1 : cols;
        int n = rows.size() - start;
        if (n == 0) {
            throw new InputException(file + ": has a header but no data lines");
        }
        if (dim == 0) {
            throw new InputException(file + ": has no value columns besides the label column");
        }
        float[] values = new float[Math.multiplyExact(n, dim)];
        String[] labelText = labelCol >= 0 ? new String[n] : null;
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(start + i);
            int line = lineNumbers.get(start + i);
            if (row.length != cols) {
                throw new InputException(file + ": line " + line + " has " + row.length + " columns, expected " + cols);
            }
            int k = 0;
            for (int c = 0; c < cols; c++) {
                if (c == labelCol) {
                    labelText[i] = row[c].trim();
                    if (labelText[i].isEmpty()) {
                        throw new InputException(file + ": line " + line + ", column " + (c + 1) + ": empty label");
                    }
                    continue;
                }
                values[i * dim + k++] = parse(row[c], options.allowMissing(), file, line, c, names);
            }
        }
        int[] labels = null;
        List<String> labelNames = List.of();
        if (labelText != null) {
            TreeSet<String> distinct = new TreeSet<>(NaturalOrder.INSTANCE);
            distinct.addAll(List.of(labelText));
            labelNames = new ArrayList<>(distinct);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < labelNames.size(); i++) {
                index.put(labelNames.get(i), i);
            }
            labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = index.get(labelText[i]);
            }
        }
        return new Dataset(id, ImageShape.vector(dim), n, values, labels, labelNames);
    }

    private static float parse(String cell, boolean allowMissing, Path file, int line, int col, String[] names) {
        String t = cell.trim();
        String where = file + ": line " + line + ", column " + (col + 1)
                + (names != null ? " (" + names[col].trim() + ")" : "");
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
