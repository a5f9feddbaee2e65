package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.inpaint.InpaintTestAccess;
import org.latentexplorer.model.ModelBundle;
import picocli.CommandLine;

/** Uses a tiny model trained for a few seconds (shared by the tests of one run). */
@Tag("slow")
class InpaintCommandTest {
    @TempDir
    static Path dir;
    static Path model, images, small;

    @BeforeAll
    static void files() throws IOException {
        model = dir.resolve("tiny.lexb");
        new ModelBundle(InpaintTestAccess.trainedTinyModel(), null, null, null).save(model);
        images = dir.resolve("tiny-images-idx3-ubyte.gz");
        writeIdx(images, InpaintTestAccess.prototypeValues(8), 8, 4, 4);
        small = dir.resolve("small-idx3-ubyte");
        writeIdx(small, new float[2 * 9], 2, 3, 3);
    }

    private static void writeIdx(Path file, float[] values, int n, int h, int w) throws IOException {
        try (var raw = Files.newOutputStream(file);
             var out = new DataOutputStream(file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw)) {
            out.writeInt(0x803);
            out.writeInt(n);
            out.writeInt(h);
            out.writeInt(w);
            for (float v : values) {
                out.writeByte(Math.round(v * 255));
            }
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new InpaintCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void reportsErrorsAndTimeAsTextOrJson() {
        Run text = run("--model", model.toString(), "--dataset", images.toString(), "--mask", "top-half",
                "--method", "replace", "--iterations", "20", "--limit", "4");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("RMSE missing").contains("RMSE whole").contains("time per image")
                .contains("4 images");
        Run json = run("--model", model.toString(), "--dataset", images.toString(), "--mask", "left-half",
                "--method", "mwg", "--iterations", "20", "--json");
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"rmseMissing\"").contains("\"maeWhole\"").contains("\"acceptanceRate\"");
        Run iw = run("--model", model.toString(), "--dataset", images.toString(), "--reference", images.toString(),
                "--mask", "top-half", "--method", "iw:200", "--limit", "4");
        assertThat(iw.code()).as(iw.err()).isZero();
        assertThat(iw.out()).contains("inpaint iw:200").contains("effective sample size");
    }

    @Test
    void knnNeedsNoModelAndWritesASheet() {
        Path png = dir.resolve("sheet.png");
        Run r = run("--dataset", images.toString(), "--reference", images.toString(), "--method", "knn:2",
                "--mask", "square:2", "--out", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(png).exists();
    }

    @Test
    void badInputGetsOneLineAndExitCodeTwo() {
        assertBad(run("--model", model.toString(), "--dataset", images.toString(), "--method", "mwg", "--iterations", "0"),
                "--iterations");
        assertBad(run("--dataset", images.toString(), "--reference", images.toString(), "--method", "knn:100"),
                "K = 100");
        assertBad(run("--dataset", images.toString(), "--method", "mwg"), "needs --model");
        assertBad(run("--model", model.toString(), "--dataset", small.toString(), "--method", "replace"), "expects 4x4");
        assertBad(run("--model", model.toString(), "--dataset", images.toString(), "--method", "replace", "--mask",
                "random:0"), "nothing to complete");
        assertBad(run("--model", model.toString(), "--dataset", images.toString(), "--method", "magic"), "--method");
        assertBad(run("--model", model.toString(), "--dataset", images.toString(), "--method", "iw:0"), "got 0");
        assertBad(run("--dataset", images.toString(), "--method", "iw"), "needs --model");
        assertBad(run("--model", dir.resolve("none.lexb").toString(), "--dataset", images.toString(), "--method",
                "replace"), "no such model file");
    }

    private static void assertBad(Run r, String fragment) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(fragment).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
