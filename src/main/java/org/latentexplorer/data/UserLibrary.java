package org.latentexplorer.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.InputException;

/**
 * The user's imported data sets: a small JSON file mapping a name to a path and the options to read
 * it with, so that the name works wherever a data set name does. Written atomically, so a crash never
 * leaves half a registry.
 */
public final class UserLibrary {

    /**
     * One imported data set.
     *
     * @param name    the name to use it by
     * @param path    the absolute path it reads from
     * @param format  the detected format
     * @param options how to read it
     * @param size    examples when imported
     * @param shape   shape of one example when imported ("28x28", "3x32x32")
     * @param classes number of classes, 0 when unlabelled
     * @param added   when it was imported (ISO-8601)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String name, String path, String format, ReadOptions options, int size, String shape,
                        int classes, String added) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Registry(int version, List<Entry> datasets) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    public UserLibrary(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** All entries, sorted by name; empty when the file does not exist yet. */
    public List<Entry> entries() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            Registry r = JSON.readValue(file.toFile(), Registry.class);
            List<Entry> list = new ArrayList<>(r.datasets() == null ? List.of() : r.datasets());
            list.sort(Comparator.comparing(Entry::name));
            return list;
        } catch (IOException e) {
            throw new InputException(file + ": the data set library is unreadable (" + e.getMessage()
                    + "); fix or delete the file", e);
        }
    }

    public Optional<Entry> find(String name) {
        return entries().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** Adds or replaces the entry with the same name. */
    public void put(Entry entry) {
        List<Entry> list = new ArrayList<>(entries());
        list.removeIf(e -> e.name().equals(entry.name()));
        list.add(entry);
        list.sort(Comparator.comparing(Entry::name));
        write(list);
    }

    /** Removes the named entry; false when there was none. */
    public boolean remove(String name) {
        List<Entry> list = new ArrayList<>(entries());
        boolean removed = list.removeIf(e -> e.name().equals(name));
        if (removed) {
            write(list);
        }
        return removed;
    }

    private void write(List<Entry> list) {
        try {
            AtomicFiles.write(file, out -> JSON.writeValue(out, new Registry(1, list)));
        } catch (IOException e) {
            throw new InputException(file + ": cannot write the data set library (" + e.getMessage() + ")", e);
        }
    }
}
