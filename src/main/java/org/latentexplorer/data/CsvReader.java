package org.latentexplorer.data;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.latentexplorer.common.InputException;

/**
 * Reads a numeric matrix from CSV or TSV text: one example per line, one value per column, an
 * optional header line and an optional label column; the shape is {@code 1 × 1 × columns}. Values
 * must lie in [0, 1], the range the models read; a file of whole numbers 0..255 only is 8-bit data
 * and is divided by 255; any other value outside [0, 1] is refused with its line, column and value.
 * NaN and infinities are rejected with their line and column; an empty cell is a missing entry (NaN)
 * only when {@link Options#allowMissing()} is set. Fields may be double-quoted ("a,b"); a doubled
 * quote inside quotes is a literal quote; a quoted field does not span lines. Blank lines and a
 * leading UTF-8 byte-order mark are skipped.
 *
 * <p>The splitting into records and fields (quotes, delimiters, line ends) is Apache Commons CSV, a
 * maintained parser, rather than our own (issue 19). What stays here is what the library does not
 * know: choosing the delimiter and whether the first line is a header, the conversion of each cell
 * to a float with a message naming file, line, column and value, the [0, 1] / 8-bit rule, and the
 * memory bounds: one record at a time goes into a float array whose growth is checked against the
 * heap ({@link HeapBudget}), labels are kept as one int per row, and a row is refused past
 * {@link #MAX_ROW_CHARS} characters, so an unclosed quote or a file without line breaks cannot make
 * the parser buffer the whole file.
 */
public final class CsvReader {

    /**
     * The most characters one row may have: 8 Mi, far above real rows (784 pixels take about 3 Ki,
     * 50 000 gene counts about 500 Ki) yet a bounded cost (the parser keeps a string per cell of the
     * row, about 50 bytes each).
     */
    static final int MAX_ROW_CHARS = 1 << 23;

    /** How much of the file is looked at to choose a delimiter when neither the caller nor the name says. */
    private static final int PEEK_CHARS = 1 << 16;

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
            if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
                throw new IllegalArgumentException("delimiter " + (int) delimiter + " is the quote or a line break");
            }
            header = header == null ? Header.AUTO : header;
            labelColumn = labelColumn == null || labelColumn.isBlank() ? null : labelColumn.trim();
        }
    }

    private CsvReader() {
    }

    public static Dataset read(String id, Path file, Options options) {
        DataStreams.requireFile(file);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            skipByteOrderMark(r);
            char delim = options.delimiter() != 0 ? options.delimiter() : chooseDelimiter(file, r);
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delim)
                    .setQuote('"')
                    .setEscape(null)
                    .setCommentMarker(null)
                    // Every line gives a record, so a record's line number is the previous one's + 1.
                    .setIgnoreEmptyLines(false)
                    .setIgnoreSurroundingSpaces(true)
                    .setTrim(true)
                    .get();
            RowBound bounded = new RowBound(r);
            try (CSVParser parser = CSVParser.builder().setReader(bounded).setFormat(format).get()) {
                return read(id, file, options, delim, parser, bounded);
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read as UTF-8 text (" + e.getMessage() + ")", e);
        }
    }

    /** One pass, record by record into floats: memory is 4 bytes a value, not a string per cell. */
    private static Dataset read(String id, Path file, Options options, char delim, CSVParser parser, RowBound bounded) {
        Rows rows = new Rows(file, parser, delim, bounded);
        String[] first = rows.next();
        if (first == null) {
            throw new InputException(file + ": is empty");
        }
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
        Labels labels = labelCol >= 0 ? new Labels(file) : null;
        String[] row = header ? rows.next() : first;
        for (; row != null; row = rows.next()) {
            long no = rows.line;
            if (row.length != cols) {
                throw new InputException(file + ": line " + no + " has " + row.length + " columns, expected " + cols);
            }
            for (int c = 0; c < cols; c++) {
                if (c == labelCol) {
                    if (row[c].isEmpty()) {
                        throw new InputException(file + ": line " + no + ", column " + (c + 1) + ": empty label");
                    }
                    labels.add(row[c]);
                } else {
                    values.add(parse(row[c], options.allowMissing(), file, no, c, names), row[c], no, c, names);
                }
            }
        }
        int n = values.size / dim;
        if (n == 0) {
            throw new InputException(file + ": has a header but no data lines");
        }
        float[] v = values.finish();
        return labels == null ? new Dataset(id, ImageShape.vector(dim), n, v, null, List.of())
                : new Dataset(id, ImageShape.vector(dim), n, v, labels.indices(), labels.names());
    }

    /**
     * The parser's records as trimmed cells, blank lines skipped, each with the number of its line;
     * the parser's complaints and a too-long row become {@link InputException}s naming that line.
     */
    private static final class Rows {
        private final Path file;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final boolean whitespaceDelimiter;
        private final RowBound bounded;
        long line;   // the line of the row last returned

        Rows(Path file, CSVParser parser, char delim, RowBound bounded) {
            this.file = file;
            this.parser = parser;
            this.records = parser.iterator();
            this.whitespaceDelimiter = Character.isWhitespace(delim);
            this.bounded = bounded;
        }

        /** The next non-blank row, or null at the end. */
        String[] next() {
            while (true) {
                String[] cells = record();
                if (cells == null || !isBlank(cells)) {
                    return cells;
                }
            }
        }

        private String[] record() {
            long start = line + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                throw refusal(e.getCause(), start);
            }
            bounded.rowRead();
            line = parser.getCurrentLineNumber();
            if (line > start) {
                throw new InputException(file + ": line " + start + " has a quote that is not closed on that line");
            }
            return record.values();
        }

        private InputException refusal(IOException cause, long start) {
            if (cause instanceof RowTooLong) {
                return new InputException(file + ": line " + start + " is longer than " + MAX_ROW_CHARS
                        + " characters; not a file of rows of values (an unclosed quote?)");
            }
            if (cause instanceof CSVException csv) {
                // Commons CSV's own words name a character position, not the row; say it per line.
                String m = String.valueOf(csv.getMessage());
                String what = m.contains("EOF reached before encapsulated token finished") ? " has an unclosed quote"
                        : m.contains("Invalid character between encapsulated token and delimiter")
                        ? ": text after a closing quote (quote the whole cell, or none of it)"
                        : " is not valid CSV (" + m + ")";
                return new InputException(file + ": line " + start + what, csv);
            }
            return new InputException(file + ": cannot be read as UTF-8 text (" + cause.getMessage() + ")", cause);
        }

        /** A line of spaces: one blank cell, or, with a tab delimiter, blank cells only. */
        private boolean isBlank(String[] cells) {
            if (cells.length > 1 && !whitespaceDelimiter) {
                return false;
            }
            for (String c : cells) {
                if (!c.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Counts the characters handed to the parser since its last record, and stops past {@link #MAX_ROW_CHARS}. */
    private static final class RowBound extends FilterReader {
        private long sinceRow;

        RowBound(Reader in) {
            super(in);
        }

        void rowRead() {
            sinceRow = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws RowTooLong {
            sinceRow += n;
            // The parser reads ahead by its buffer (8 Ki), so allow that beyond the bound.
            if (sinceRow > MAX_ROW_CHARS + (1 << 16)) {
                throw new RowTooLong();
            }
        }
    }

    private static final class RowTooLong extends IOException {
        RowTooLong() {
            super("row too long");
        }
    }

    /** The label of each row as an index into the distinct labels seen, so memory is an int a row. */
    private static final class Labels {
        private final Path file;
        private final Map<String, Integer> seen = new HashMap<>();
        private final List<String> inOrderSeen = new ArrayList<>();
        private int[] codes = new int[1024];
        private int size;

        Labels(Path file) {
            this.file = file;
        }

        void add(String label) {
            if (size == codes.length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, 2L * size);
                if (grown == size) {
                    throw new InputException(file + ": more than " + size + " rows; split the file");
                }
                HeapBudget.require(file.toString(), (long) grown * Integer.BYTES * 3 / 2, "the labels read so far");
                codes = Arrays.copyOf(codes, grown);
            }
            Integer code = seen.get(label);
            if (code == null) {
                code = inOrderSeen.size();
                seen.put(label, code);
                inOrderSeen.add(label);
            }
            codes[size++] = code;
        }

        /** The distinct labels in natural order ("2" before "10"). */
        List<String> names() {
            TreeMap<String, Integer> sorted = new TreeMap<>(NaturalOrder.INSTANCE);
            sorted.putAll(seen);
            return new ArrayList<>(sorted.keySet());
        }

        /** Each row's index into {@link #names()}. */
        int[] indices() {
            List<String> names = names();
            int[] rank = new int[inOrderSeen.size()];
            for (int i = 0; i < names.size(); i++) {
                rank[seen.get(names.get(i))] = i;
            }
            int[] out = new int[size];
            for (int i = 0; i < size; i++) {
                out[i] = rank[codes[i]];
            }
            return out;
        }
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

        void add(float v, String text, long line, int col, String[] names) {
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
                outside = where(file, line, col, names) + ": value " + text + " is outside [0, 1]";
            }
            if ((v != Math.rint(v) || v < 0 || v > 255) && not8bit == null) {
                not8bit = where(file, line, col, names).substring(file.toString().length() + 2) + " (" + text + ")";
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

    /** One trimmed cell as a float; hand-written because the message must say where and why. */
    private static float parse(String t, boolean allowMissing, Path file, long line, int col, String[] names) {
        if (t.isEmpty()) {
            if (allowMissing) {
                return Float.NaN;
            }
            throw new InputException(where(file, line, col, names)
                    + ": empty cell; allow missing values to read empty cells as missing entries");
        }
        // Without a regular expression: this runs once a cell (784 a row in a pixel file).
        int s = t.charAt(0) == '+' || t.charAt(0) == '-' ? 1 : 0;
        if (t.length() == s + 3 && t.regionMatches(true, s, "nan", 0, 3) || t.regionMatches(true, s, "inf", 0, 3)) {
            throw new InputException(where(file, line, col, names)
                    + ": '" + t + "' is not a finite number (NaN and infinities are not allowed)");
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new InputException(where(file, line, col, names) + ": '" + t + "' is not a number");
        }
        if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
            throw new InputException(where(file, line, col, names) + ": '" + t + "' is too large for a 32-bit float");
        }
        return (float) v;
    }

    private static String where(Path file, long line, int col, String[] names) {
        return file + ": line " + line + ", column " + (col + 1) + (names != null ? " (" + names[col] + ")" : "");
    }

    private static int labelIndex(String labelColumn, String[] first, Path file) {
        if (labelColumn == null) {
            return -1;
        }
        if (isInteger(labelColumn)) {
            int i;
            try {
                i = Integer.parseInt(labelColumn);
            } catch (NumberFormatException e) {
                i = Integer.MAX_VALUE;
            }
            if (i >= first.length) {
                throw new InputException(file + ": label column " + labelColumn + " is outside 0.." + (first.length - 1));
            }
            return i;
        }
        for (int i = 0; i < first.length; i++) {
            if (first[i].equals(labelColumn)) {
                return i;
            }
        }
        throw new InputException(file + ": no column named '" + labelColumn + "' in the header line");
    }

    private static boolean looksLikeHeader(String[] first, int labelCol) {
        for (int c = 0; c < first.length; c++) {
            String t = first[c];
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

    /** Excel writes UTF-8 with a byte-order mark; it is not part of the first cell. */
    private static void skipByteOrderMark(BufferedReader r) throws IOException {
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
    }

    /** Tab for .tsv/.tab, comma for .csv; otherwise by the first non-blank line (looked at, then unread). */
    private static char chooseDelimiter(Path file, BufferedReader r) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return '\t';
        }
        if (name.endsWith(".csv")) {
            return ',';
        }
        r.mark(PEEK_CHARS);
        char[] buf = new char[PEEK_CHARS];
        int n = 0;
        for (int k; n < buf.length && (k = r.read(buf, n, buf.length - n)) > 0; ) {
            n += k;
        }
        r.reset();
        String firstLine = "";
        for (String line : new String(buf, 0, n).split("\r\n|\r|\n")) {
            if (!line.isBlank()) {
                firstLine = line;
                break;
            }
        }
        if (firstLine.indexOf('\t') >= 0) {
            return '\t';
        }
        return firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
    }
}
