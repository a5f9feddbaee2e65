package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DatasetsCommandTest {
    @TempDir
    Path cache;
    @TempDir
    Path work;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new DatasetsCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--cache";
        all[1] = cache.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }

    @Test
    void listShowsNamesStatusAndSizes() {
        assertThat(run("list")).isZero();
        assertThat(out.toString()).contains("mnist ").contains("local").contains("cifar-10").contains("downloadable")
                .contains("162.2 MiB").contains("movielens-100k");
    }

    @Test
    void infoShowsShapeCountsLabelsLicenceAndLocation() {
        assertThat(run("info", "fashion-mnist")).isZero();
        assertThat(out.toString()).contains("28x28").contains("train 60000, test 10000").contains("Ankle boot")
                .contains("MIT").contains("embedded /assets/fashion-mnist/");
    }

    @Test
    void importRegistersUnderANameThatListAndInfoFind() throws IOException {
        Path csv = Files.writeString(work.resolve("Iris Data.csv"), "a,b,species\n1,2,x\n3,4,y\n5,6,x\n");
        assertThat(run("import", csv.toString(), "--label-column", "species")).isZero();
        assertThat(out.toString()).contains("examples: 3").contains("2 classes: x, y").contains("imported as 'iris-data'");
        assertThat(Files.readString(cache.resolve("library.json"))).contains("iris-data");
        out.getBuffer().setLength(0);
        assertThat(run("list")).isZero();
        assertThat(out.toString()).contains("iris-data").contains("imported");
        assertThat(run("info", "iris-data")).isZero();
        assertThat(run("import", csv.toString(), "--label-column", "species")).isEqualTo(2);
        assertThat(err.toString()).contains("already imported");
    }

    @Test
    void badInputPrintsOneLineAndExitsTwo() {
        assertThat(run("import", work.resolve("missing.csv").toString())).isEqualTo(2);
        assertThat(err.toString().strip()).contains("file not found").doesNotContain("\n").doesNotContain("Exception");
        err.getBuffer().setLength(0);
        assertThat(run("info", "nope")).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("unknown data set 'nope'").doesNotContain("\n");
    }

    @Test
    void builtInNamesCannotBeTaken() throws IOException {
        Path csv = Files.writeString(work.resolve("m.csv"), "1,2\n");
        assertThat(run("import", csv.toString(), "--name", "mnist")).isEqualTo(2);
        assertThat(err.toString()).contains("built-in");
    }

    @Test
    void helpWorksAndWrongArgumentsFail() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("list").contains("import");
        assertThat(run("info")).isNotZero();
        assertThat(run("frobnicate")).isNotZero();
        StringWriter e = new StringWriter();
        CommandLine cl = DatasetsCommand.newCommandLine(new DatasetsCommand());
        cl.setErr(new PrintWriter(e, true));
        assertThat(cl.execute("list", "--bogus")).isEqualTo(2);
        assertThat(e.toString().strip()).contains("--bogus").doesNotContain("\n");
    }
}
