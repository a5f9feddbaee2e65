package org.latentexplorer.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.ui.fakes.FakeServices;
import org.latentexplorer.ui.fakes.Harness;
import org.latentexplorer.ui.shell.Workspace;

class LibraryViewModelTest {
    @TempDir
    Path dir;

    @Test
    void opensTheDefaultModelWithItsDataEncoded() {
        Harness h = new Harness(dir);
        h.services.defaultModel = FakeServices.writeBundle(dir.resolve("default.lexb"), 2);
        h.library.openInitial();
        Workspace w = h.session.workspace();
        assertThat(w).isNotNull();
        assertThat(w.dataset().id()).isEqualTo("synthetic");
        assertThat(w.codes()).hasNumberOfRows(500);
        assertThat(w.codes()[0]).hasSize(2);
        assertThat(h.errors.titles).isEmpty();
    }

    @Test
    void corruptModelShowsAnErrorNamingTheFileAndKeepsTheOpenModel() throws Exception {
        Harness h = new Harness(dir).withModel(2);
        Workspace before = h.session.workspace();
        Path bad = Files.writeString(dir.resolve("broken.lexb"), "PK\u0003\u0004 garbage");
        h.library.openModel(bad);
        assertThat(h.errors.titles).containsExactly("Could not open model");
        assertThat(h.errors.messages.getFirst()).contains("broken.lexb").contains("not a Latent Explorer model bundle");
        assertThat(h.session.workspace()).isSameAs(before);
    }

    @Test
    void dataSetWhoseImagesDoNotFitIsRejectedAndTheCurrentOneStays() {
        Harness h = new Harness(dir).withModel(2);
        Workspace before = h.session.workspace();
        h.library.readDataset("small");
        assertThat(h.library.pendingImportProperty().get()).isNotNull();
        h.library.confirmImport();
        assertThat(h.errors.messages).singleElement().asString().contains("small").contains("14x14").contains("28x28");
        assertThat(h.session.workspace()).isSameAs(before);
    }

    @Test
    void folderWithoutImagesIsReported() {
        Harness h = new Harness(dir).withModel(2);
        h.library.readDataset("empty");
        assertThat(h.errors.titles).containsExactly("Could not import data set");
        assertThat(h.errors.messages.getFirst()).contains("no images");
        assertThat(h.library.pendingImportProperty().get()).isNull();
    }

    @Test
    void importedDataSetReplacesTheShownOne() {
        Harness h = new Harness(dir).withModel(2);
        h.services.datasetSize = 120;
        h.library.readDataset("synthetic");
        h.library.confirmImport();
        assertThat(h.session.workspace().codes()).hasNumberOfRows(120);
    }

    @Test
    void lastModelAndRecentListSurviveARestart() {
        Harness first = new Harness(dir).withModel(2);
        first.library.openModel(FakeServices.writeBundle(dir.resolve("other.lexb"), 3));
        Harness second = new Harness(dir);
        assertThat(second.library.recentModels()).hasSize(2);
        assertThat(second.library.recentModels().getFirst()).endsWith("other.lexb");
        second.library.openInitial();
        assertThat(second.session.workspace().model().latentDim()).isEqualTo(3);
    }

    @Test
    void openingAnotherModelClosesThePreviousOne() {
        Harness h = new Harness(dir).withModel(2);
        var old = h.session.workspace().model();
        h.library.openModel(FakeServices.writeBundle(dir.resolve("b.lexb"), 4));
        assertThat(h.session.workspace().model()).isNotSameAs(old);
        assertThat(h.session.workspace().model().latentDim()).isEqualTo(4);
    }
}
