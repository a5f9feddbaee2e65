package org.latentexplorer.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.latentexplorer.common.InputException;

/**
 * Reads MovieLens ratings ({@code u.data} of <a href="https://grouplens.org/datasets/movielens/100k/">
 * MovieLens 100k</a>: "user TAB item TAB rating TAB timestamp", ids from 1) as a user × item matrix:
 * one example per user (in id order), one column per item id (column = item id − 1), shape
 * {@code 1 × 1 × items}. Unrated entries are missing (NaN). A rating r in 1..5 is stored as
 * (r − 1) / 4, so 1 star is 0, 3 stars 0.5 and 5 stars 1, the [0, 1] range the models expect.
 * Accepts the file itself, a folder holding it, or {@code ml-100k.zip}.
 */
public final class MovieLensReader {
    private MovieLensReader() {
    }

    /** Reads {@code u.data}, a folder containing it (directly or in ml-100k/), or a zip archive containing it. */
    public static Dataset read(String id, Path path) {
        if (Files.isDirectory(path)) {
            for (Path p : List.of(path.resolve("u.data"), path.resolve("ml-100k").resolve("u.data"))) {
                if (Files.isRegularFile(p)) {
                    return read(id, p);
                }
            }
            throw new InputException(path + ": has no u.data");
        }
        try (InputStream in = DataStreams.open(path)) {
            byte[] head = DataStreams.peek(in, 4);
            if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                ZipInputStream zip = new ZipInputStream(in);
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (e.getName().equals("u.data") || e.getName().endsWith("/u.data")) {
                        return parse(id, new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8)),
                                path + "!" + e.getName());
                    }
                }
                throw new InputException(path + ": zip archive holds no u.data");
            }
            return parse(id, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), path.toString());
        } catch (IOException e) {
            throw new InputException(path + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static Dataset parse(String id, BufferedReader r, String name) throws IOException {
        // user id -> (item id, rating) pairs; TreeMap keeps users in id order.
        TreeMap<Integer, List<int[]>> byUser = new TreeMap<>();
        int maxItem = 0;
        int maxItemLine = 0;
        int ratingCount = 0;
        String line;
        int no = 0;
        while ((line = r.readLine()) != null) {
            no++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length < 3) {
                throw new InputException(name + ": line " + no + " has " + f.length
                        + " fields; expected user, item, rating and timestamp separated by tabs");
            }
            int user = positive(f[0], name, no, "user id");
            int item = positive(f[1], name, no, "item id");
            int rating = positive(f[2], name, no, "rating");
            if (rating > 5) {
                throw new InputException(name + ": line " + no + ": rating " + rating + " is outside 1..5");
            }
            if (item > maxItem) {
                maxItem = item;
                maxItemLine = no;
            }
            ratingCount++;
            byUser.computeIfAbsent(user, u -> new ArrayList<>()).add(new int[] {item, rating, no});
        }
        if (byUser.isEmpty()) {
            throw new InputException(name + ": holds no ratings");
        }
        // Item ids become columns: ids run 1..items without gaps in MovieLens, and every item has a
        // rating, so an id above the number of ratings is damage, not data (it would size the matrix).
        if (maxItem > ratingCount) {
            throw new InputException(name + ": line " + maxItemLine + ": item id " + maxItem + " is larger than the number "
                    + "of ratings (" + ratingCount + "); MovieLens item ids run from 1 to the number of items");
        }
        HeapBudget.require(name, (long) byUser.size() * maxItem * Float.BYTES,
                "a matrix of " + byUser.size() + " users x " + maxItem + " items");
        float[] values = new float[byUser.size() * maxItem];
        Arrays.fill(values, Float.NaN);
        int row = 0;
        for (List<int[]> ratings : byUser.values()) {
            for (int[] t : ratings) {
                int at = row * maxItem + t[0] - 1;
                if (!Float.isNaN(values[at])) {
                    throw new InputException(name + ": line " + t[2] + " rates item " + t[0] + " a second time for the same user");
                }
                values[at] = (t[1] - 1) / 4f;
            }
            row++;
        }
        return new Dataset(id, ImageShape.vector(maxItem), byUser.size(), values, null, List.of());
    }

    private static int positive(String s, String name, int line, String what) {
        try {
            int v = Integer.parseInt(s);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new InputException(name + ": line " + line + ": " + what + " '" + s + "' is not a positive whole number");
    }
}
