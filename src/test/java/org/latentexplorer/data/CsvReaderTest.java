package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.InputException;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void headerIsDetectedAndLabelColumnFoundByName() throws IOException {
        Path f = write("d.csv", "x,class,y\n0.125,b,0.25\n0.375,a,0.5\n0.625,\"b\",0.75\n");
        Dataset d = CsvReader.read("d", f, new CsvReader.Options((char) 0, CsvReader.Header.AUTO, "class", false));
        assertThat(d.shape()).isEqualTo(ImageShape.vector(2));
        assertThat(d.values()).containsExactly(0.125f, 0.25f, 0.375f, 0.5f, 0.625f, 0.75f);
        assertThat(d.labelNames()).containsExactly("a", "b");
        assertThat(d.labels()).containsExactly(1, 0, 1);
    }

    @Test
    void tsvWithoutHeaderAndLabelByIndexInNaturalOrder() throws IOException {
        Path f = write("d.tsv", "0.5\t10\n0.75\t2\n");
        Dataset d = CsvReader.read("d", f, new CsvReader.Options((char) 0, CsvReader.Header.AUTO, "1", false));
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.values()).containsExactly(0.5f, 0.75f);
        assertThat(d.labelNames()).containsExactly("2", "10");
        assertThat(d.labels()).containsExactly(1, 0);
    }

    @Test
    void nanInCsvIsRejectedWithLineAndColumn() throws IOException {
        Path f = write("n.csv", "a,b\n1,2\n3,NaN\n");
        assertThatThrownBy(() -> CsvReader.read("n", f, CsvReader.Options.DEFAULT))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(f + ": line 3, column 2 (b)").hasMessageContaining("not a finite number");
    }

    @Test
    void infinityInCsvIsRejectedWithLineAndColumn() throws IOException {
        Path f = write("i.csv", "1,2\n-Inf,4\n");
        assertThatThrownBy(() -> CsvReader.read("i", f, CsvReader.Options.DEFAULT))
                .isInstanceOf(InputException.class).hasMessageContaining("line 2, column 1");
        Path big = write("big.csv", "1e999,2\n");
        assertThatThrownBy(() -> CsvReader.read("b", big, CsvReader.Options.DEFAULT))
                .isInstanceOf(InputException.class).hasMessageContaining("line 1, column 1");
    }

    @Test
    void emptyCellsAreMissingOnlyWhenAllowed() throws IOException {
        Path f = write("m.csv", "1,,3\n4,5,6\n");
        assertThatThrownBy(() -> CsvReader.read("m", f, CsvReader.Options.DEFAULT))
                .isInstanceOf(InputException.class).hasMessageContaining("line 1, column 2: empty cell");
        Dataset d = CsvReader.read("m", f, new CsvReader.Options((char) 0, CsvReader.Header.NO, null, true));
        assertThat(Float.isNaN(d.values()[1])).isTrue();
        assertThat(d.hasMissing()).isTrue();
    }

    @Test
    void raggedRowsAndWordsAreRejected() throws IOException {
        Path ragged = write("r.csv", "1,2\n3\n");
        assertThatThrownBy(() -> CsvReader.read("r", ragged, CsvReader.Options.DEFAULT))
                .isInstanceOf(InputException.class).hasMessageContaining("line 2 has 1 columns, expected 2");
        Path word = write("w.csv", "1,2\n3,four\n");
        assertThatThrownBy(() -> CsvReader.read("w", word, CsvReader.Options.DEFAULT))
                .isInstanceOf(InputException.class).hasMessageContaining("'four' is not a number");
    }

    @Test
    void unknownLabelColumnIsNamed() throws IOException {
        Path f = write("u.csv", "a,b\n1,2\n");
        assertThatThrownBy(() -> CsvReader.read("u", f, new CsvReader.Options((char) 0, CsvReader.Header.AUTO, "c", false)))
                .isInstanceOf(InputException.class).hasMessageContaining("no column named 'c'");
    }

    @Test
    void quotedFieldsHoldDelimitersAndQuotes() throws IOException {
        Path f = write("q.csv", "v,\"name, with comma\"\n0.5, \"a \"\"b\"\"\"\n0.25,c\n");
        Dataset d = CsvReader.read("q", f, new CsvReader.Options((char) 0, CsvReader.Header.AUTO, "name, with comma", false));
        assertThat(d.values()).containsExactly(0.5f, 0.25f);
        assertThat(d.labelNames()).containsExactly("a \"b\"", "c");
    }

    @Test
    void unclosedQuotesAndQuotesSpanningLinesNameTheLine() throws IOException {
        Path open = write("o.csv", "1,2\n3,\"4\n5,6\n");
        assertThatThrownBy(() -> CsvReader.read("o", open, CsvReader.Options.DEFAULT))
                .isInstanceOf(InputException.class).hasMessage(open + ": line 2 has an unclosed quote");
        Path spans = write("s.csv", "1,2\n3,\"4\n\",5\n");
        assertThatThrownBy(() -> CsvReader.read("s", spans, CsvReader.Options.DEFAULT))
                .isInstanceOf(InputException.class).hasMessageContaining(spans + ": line 2 has a quote that is not closed");
        Path after = write("a.csv", "1,2\n\"3\"x,4\n");
        assertThatThrownBy(() -> CsvReader.read("a", after, CsvReader.Options.DEFAULT))
                .isInstanceOf(InputException.class).hasMessageStartingWith(after + ": line 2: text after a closing quote");
    }

    @Test
    void aRowLongerThanTheBoundIsRefusedBeforeTheParserBuffersIt() throws IOException {
        Path f = dir.resolve("long.csv");
        Files.writeString(f, "0.5,\"" + "1".repeat(CsvReader.MAX_ROW_CHARS + (1 << 17)) + "\"\n");
        assertThatThrownBy(() -> CsvReader.read("l", f, CsvReader.Options.DEFAULT))
                .isInstanceOf(InputException.class).hasMessageContaining(f + ": line 1 is longer than");
    }

    @Test
    void blankLinesAndAByteOrderMarkAreSkippedAndLinesStillCounted() throws IOException {
        Path f = write("b.csv", "\uFEFFx,y\n\n  \n0.5,0.25\r\n\n0.1,7\n");
        assertThatThrownBy(() -> CsvReader.read("b", f, CsvReader.Options.DEFAULT))
                .isInstanceOf(InputException.class).hasMessageStartingWith(f + ": line 6, column 2 (y): value 7 is outside");
        Path tabs = write("t.tsv", "\t\n0.5\t0.25\n");
        assertThat(CsvReader.read("t", tabs, CsvReader.Options.DEFAULT).values()).containsExactly(0.5f, 0.25f);
    }

    @Test
    void delimiterIsChosenFromTheFirstLineWhenTheNameDoesNotSay() throws IOException {
        Path semi = write("d.txt", "\n0,5;0.5\n".replace("0,5", "0.25"));
        assertThat(CsvReader.read("s", semi, CsvReader.Options.DEFAULT).values()).containsExactly(0.25f, 0.5f);
        Path tab = write("d.dat", "0.25\t0.5\n");
        assertThat(CsvReader.read("t", tab, CsvReader.Options.DEFAULT).values()).containsExactly(0.25f, 0.5f);
    }

    @Test
    void invalidUtf8IsRefused() throws IOException {
        Path f = Files.write(dir.resolve("bad.csv"), new byte[] {'1', ',', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> CsvReader.read("u", f, CsvReader.Options.DEFAULT))
                .isInstanceOf(InputException.class).hasMessageContaining("cannot be read as UTF-8 text");
    }
}
