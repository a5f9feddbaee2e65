package org.latentexplorer.ui.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * File names the Train dialog suggests for a model: named for what it is (mnist-gmvae-d10.lexb), in
 * the user's models folder, and never one that is taken, so a suggestion accepted twice does not
 * overwrite the first model.
 */
final class OutputNames {
    private static final String EXT = ".lexb";

    private OutputNames() {
    }

    /** {@code DATA-KIND-dD.lexb} in {@code folder}, numbered -2, -3, … past the names taken. */
    static String suggest(Path folder, String dataset, String kind, int latent) {
        String data = dataset == null ? "" : dataset.strip().replace('\\', '/');
        // The last part of a path, without its extension and a trailing slash: /data/faces/ -> faces.
        String name = data.substring(data.lastIndexOf('/', Math.max(0, data.length() - 2)) + 1).replaceFirst("/$", "");
        int dot = name.lastIndexOf('.');
        name = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]+", "-");
        String stem = (name.isEmpty() ? "model" : name) + "-" + kind + "-d" + latent;
        Path p = folder.resolve(stem + EXT);
        for (int i = 2; Files.exists(p); i++) {
            p = folder.resolve(stem + "-" + i + EXT);
        }
        return p.toString();
    }

    /** The next free name after {@code taken}: NAME.lexb or NAME-2.lexb gives NAME-2.lexb or NAME-3.lexb. */
    static String next(String taken) {
        String stem = taken.replaceFirst("(-\\d+)?\\.lexb$", "");
        for (int i = 2; ; i++) {
            String next = stem + "-" + i + EXT;
            if (!next.equals(taken) && !Files.exists(Path.of(next))) {
                return next;
            }
        }
    }

    /** {@code file}, with the extension added when a file dialog's answer lacks it. */
    static String withExtension(Path file) {
        String s = file.toString();
        return s.toLowerCase(Locale.ROOT).endsWith(EXT) ? s : s + EXT;
    }

    /** The file name of {@code output}, for a file dialog to suggest. */
    static String fileName(String output) {
        try {
            Path name = Path.of(output.strip()).getFileName();
            return name == null ? "model" + EXT : name.toString();
        } catch (RuntimeException e) {
            return "model" + EXT;
        }
    }

    /** The folder of {@code output} when it exists, for a file dialog to start in; else {@code fallback}. */
    static Path folder(String output, Path fallback) {
        try {
            Path parent = Path.of(output.strip()).toAbsolutePath().getParent();
            return parent != null && Files.isDirectory(parent) ? parent : fallback;
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
