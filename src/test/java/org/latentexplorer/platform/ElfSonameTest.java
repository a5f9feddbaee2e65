package org.latentexplorer.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/** The SONAME rewrite on the real ARPACK library of the class path, and on files that are not libraries. */
@EnabledIf("linuxLibraryPresent")
class ElfSonameTest {
    private static final String ARPACK = "/org/bytedeco/arpackng/" + Platforms.current() + "/libarpack.so.2";

    static boolean linuxLibraryPresent() {
        return Platforms.current().startsWith("linux") && ElfSonameTest.class.getResource(ARPACK) != null;
    }

    private static Path copy(Path dir) throws IOException {
        Path file = dir.resolve("libarpack.so.2");
        try (InputStream in = ElfSonameTest.class.getResourceAsStream(ARPACK)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void shortensTheSonameAndLeavesTheRestOfTheFileAlone(@TempDir Path dir) throws IOException {
        Path file = copy(dir);
        byte[] before = Files.readAllBytes(file);
        assertThat(ElfSoname.read(file)).isEqualTo("libarpack.so.2");
        ElfSoname.write(file, "libarpack.so");
        assertThat(ElfSoname.read(file)).isEqualTo("libarpack.so");
        byte[] after = Files.readAllBytes(file);
        assertThat(after).hasSameSizeAs(before);
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            changed += before[i] != after[i] ? 1 : 0;
        }
        assertThat(changed).as("bytes changed: the trailing '.2' becomes NULs").isEqualTo(2);
    }

    @Test
    void refusesALongerNameAndFilesThatAreNotLibraries(@TempDir Path dir) throws IOException {
        Path file = copy(dir);
        assertThatThrownBy(() -> ElfSoname.write(file, "libarpack.so.2.longer")).isInstanceOf(IOException.class)
                .hasMessageContaining("longer than libarpack.so.2");
        Path text = Files.writeString(dir.resolve("notes.so"), "not a library");
        assertThatThrownBy(() -> ElfSoname.read(text)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not an ELF file");
        Path cut = dir.resolve("cut.so");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(file), 200));
        assertThatThrownBy(() -> ElfSoname.read(cut)).isInstanceOf(IOException.class)
                .hasMessageContaining("truncated or malformed");
    }
}
