package org.latentexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodesCacheTest {
    @TempDir
    Path dir;

    @Test
    void keptCodesComeBackForTheSameKeyAndShapeOnly() throws Exception {
        CodesCache cache = new CodesCache(dir);
        float[][] codes = {{1, 2, 3}, {4, 5, 6}};
        cache.store("model A|data B", codes);
        assertThat(cache.load("model A|data B", 2, 3)).hasValueSatisfying(c -> assertThat(c).isDeepEqualTo(codes));
        assertThat(cache.load("model A|data C", 2, 3)).isEmpty();
        assertThat(cache.load("model A|data B", 3, 3)).isEmpty();
        assertThat(cache.load("model A|data B", 2, 2)).isEmpty();
        // A truncated file (a crash while copying, a full disk) is a miss, not an error.
        Path file = cache.path("model A|data B");
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), (int) Files.size(file) - 3));
        assertThat(cache.load("model A|data B", 2, 3)).isEmpty();
    }
}
