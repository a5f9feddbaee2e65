package org.latentexplorer.ui.map;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.ui.services.Projection;

/**
 * The map's points as CSV, one row per point: {@code index,label[,cluster],x,y,z1..zd}. The label is the
 * class name (empty without labels), the cluster the point's most responsible cluster (a column only when
 * the clusters are known), x and y its place on the map (empty for a point the layout did not place: a
 * selection laid out alone), z its posterior mean. Both the map's and the selection's exports write this.
 */
final class PointsCsv {
    private PointsCsv() {
    }

    /**
     * @param clusters each point's cluster, or null for no cluster column
     * @param rows     the points to write in this order, or null for all in index order
     */
    static void write(OutputStream out, Dataset data, float[][] codes, Projection p, int[] clusters, int[] rows)
            throws IOException {
        BufferedWriter b = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        int d = codes.length == 0 ? 0 : codes[0].length;
        b.write("index,label" + (clusters != null ? ",cluster" : "") + ",x,y");
        for (int k = 0; k < d; k++) {
            b.write(",z" + (k + 1));
        }
        b.write('\n');
        int n = rows == null ? data.size() : rows.length;
        for (int t = 0; t < n; t++) {
            int i = rows == null ? t : rows[t];
            b.write(Integer.toString(i));
            b.write(',');
            b.write(data.hasLabels() && data.labels()[i] >= 0 ? quoted(data.labelNames().get(data.labels()[i])) : "");
            if (clusters != null) {
                b.write("," + clusters[i]);
            }
            b.write("," + number(p.x()[i]) + "," + number(p.y()[i]));
            for (int k = 0; k < d; k++) {
                b.write("," + codes[i][k]);
            }
            b.write('\n');
        }
        b.flush();
    }

    private static String number(float v) {
        return Float.isFinite(v) ? Float.toString(v) : "";
    }

    /** A label with a comma, quote or line break in quotes, quotes doubled (RFC 4180, §2). */
    private static String quoted(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
