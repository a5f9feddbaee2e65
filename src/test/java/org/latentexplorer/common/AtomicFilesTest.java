package org.latentexplorer.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.lexb");
        AtomicFiles.writeString(file, "good");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("good");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aWriterThatClosesItsStreamStillGetsItsFileFlushedAndMoved(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bundle.zip");
        AtomicFiles.write(file, out -> {
            try (var zip = new java.util.zip.ZipOutputStream(out)) {
                zip.putNextEntry(new java.util.zip.ZipEntry("config.json"));
                zip.write("{}".getBytes());
            }
        });
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            assertThat(zip.getEntry("config.json")).isNotNull();
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void anExistingFileKeepsItsPermissions(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("shared.csv");
        AtomicFiles.writeString(file, "a");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.writeString(file, "b");
        assertThat(Files.readString(file)).isEqualTo("b");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw----");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aSymbolicLinkStaysALinkAndItsTargetIsReplaced(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("store"));
        Path real = dir.resolve("store/model-v3.lexb");
        AtomicFiles.writeString(real, "v3");
        Path link = Files.createSymbolicLink(dir.resolve("current.lexb"), Path.of("store/model-v3.lexb"));
        AtomicFiles.writeString(link, "v4");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("v4");
    }

    @Test
    void staleTemporaryFilesOfAKilledWriterAreSweptNotFreshOnes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.lexb");
        Path stale = Files.writeString(dir.resolve(".model.lexb.1a2b3c.tmp"), "left by a kill");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Path fresh = Files.writeString(dir.resolve(".model.lexb.4d5e6f.tmp"), "being written now");
        Path other = Files.writeString(dir.resolve(".other.lexb.1a2b3c.tmp"), "someone else's");
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        AtomicFiles.writeString(file, "new");
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(other).exists();
    }
}
