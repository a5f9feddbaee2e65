package org.latentexplorer.ui.inpaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.ui.fakes.FakeServices;
import org.latentexplorer.ui.fakes.Harness;
import org.latentexplorer.ui.services.ModelHandle;

/** A VAEAC picked as the completion model of a model that is not one (issue 22), without a screen. */
class InpaintCompanionTest {
    @TempDir
    Path dir;

    private final Debouncer.Manual debounce = new Debouncer.Manual();
    private Path shipped;
    private Path mine;

    /**
     * The shipped folder (the default model's) holds a VAEAC; the user's folder a VAEAC, a VAEAC of 16×16
     * images, a plain model and a damaged file. A plain model of 28×28 images is open.
     */
    private Harness harness() throws IOException {
        Harness h = new Harness(dir);
        shipped = Files.createDirectories(dir.resolve("shipped"));
        mine = Files.createDirectories(dir.resolve("mine"));
        h.services.defaultModel = FakeServices.writeBundle(shipped.resolve("default.lexb"), 2);
        h.services.modelsFolder = mine;
        FakeServices.writeVaeacBundle(shipped.resolve("shipped-vaeac.lexb"), 3);
        FakeServices.writeVaeacBundle(mine.resolve("my-vaeac.lexb"), 2);
        FakeServices.writeVaeacBundle(mine.resolve("small-vaeac.lexb"), 2, 16);
        FakeServices.writeBundle(mine.resolve("plain.lexb"), 2);
        Files.writeString(mine.resolve("damaged.lexb"), "PK\u0003\u0004 cut short");
        return h.withModel(2);
    }

    private InpaintViewModel editor(Harness h) {
        InpaintViewModel vm = new InpaintViewModel(h.services, h.executor, h.session, h.errors, debounce);
        debounce.flush();
        vm.companion().refresh(); // as the View does when the list opens
        return vm;
    }

    private static Companion.Choice named(InpaintViewModel vm, String file) {
        return vm.companion().choices().stream().filter(c -> c.path() != null && c.path().endsWith(file))
                .findFirst().orElseThrow();
    }

    @Test
    void theVaeacsOfTheModelsShapeInBothFoldersAreOfferedAndNothingElse() throws IOException {
        Harness h = harness();
        InpaintViewModel vm = editor(h);
        assertThat(vm.companion().availableProperty().get()).isTrue();
        assertThat(vm.companion().choices()).extracting(Companion.Choice::text).containsExactly("none",
                "my-vaeac.lexb · synthetic", "shipped-vaeac.lexb · synthetic", "Choose file…");
        assertThat(vm.companion().chosenProperty().get()).isEqualTo(Companion.Choice.NONE);
        assertThat(vm.methods()).doesNotContain("vaeac:32");
        // Only configs were read: no candidate was opened.
        assertThat(h.services.opened).extracting(ModelHandle::name).containsExactly("model-d2.lexb");
        assertThat(h.services.configsRead).hasSizeGreaterThanOrEqualTo(6);
        assertThat(h.errors.messages).isEmpty();
    }

    @Test
    void pickingOneOffersVaeacSelectedAndCompletesThroughItKeepingTheObservedPixels() throws IOException {
        Harness h = harness();
        InpaintViewModel vm = editor(h);
        vm.companion().pick(named(vm, "my-vaeac.lexb"));
        assertThat(vm.methods()).first().isEqualTo("vaeac:32");
        assertThat(vm.methodProperty().get()).isEqualTo("vaeac:32");
        assertThat(vm.companion().noteProperty().get()).startsWith("VAEAC completes with my-vaeac.lexb;");
        debounce.flush();
        Outcome o = vm.outcomeProperty().get();
        // The open fake model is no VAEAC (its inpainter refuses vaeac): the completion came from the companion.
        assertThat(o.completion().method().toString()).isEqualTo("vaeac:32");
        assertThat(vm.statusProperty().get()).startsWith("VAEAC (S = 32)").endsWith("completed by my-vaeac.lexb");
        float[] image = vm.image();
        boolean[] missing = vm.missing();
        for (int i = 0; i < image.length; i++) {
            if (!missing[i]) {
                assertThat(o.completion().mean()[i]).as("observed pixel %d", i).isEqualTo(image[i]);
            }
        }
        // Every other method still completes with the open model.
        vm.methodProperty().set("pseudo-gibbs");
        debounce.flush();
        assertThat(vm.statusProperty().get()).doesNotContain("completed by");
        assertThat(h.errors.messages).isEmpty();
    }

    @Test
    void aVaeacOfAnotherShapeOrAModelThatIsNoVaeacIsRefusedByName() throws IOException {
        Harness h = harness();
        InpaintViewModel vm = editor(h);
        vm.companion().pick(mine.resolve("small-vaeac.lexb"));
        assertThat(h.errors.messages).hasSize(1);
        assertThat(h.errors.messages.getFirst()).contains("small-vaeac.lexb").contains("16x16");
        assertThat(vm.companion().noteProperty().get()).isEqualTo(h.errors.messages.getFirst());
        assertThat(vm.companion().chosenProperty().get()).isEqualTo(Companion.Choice.NONE);
        assertThat(vm.companion().handle()).isNull();
        vm.companion().pick(mine.resolve("plain.lexb"));
        assertThat(h.errors.messages).hasSize(2);
        assertThat(h.errors.messages.get(1)).contains("plain.lexb").contains("not a VAEAC");
        vm.companion().pick(mine.resolve("damaged.lexb"));
        assertThat(h.errors.messages).hasSize(3);
        assertThat(h.errors.messages.get(2)).contains("damaged.lexb");
        assertThat(vm.methods()).doesNotContain("vaeac:32");
        // The refused models were opened to be checked, and closed again.
        assertThat(h.services.opened).filteredOn(m -> !m.name().equals("model-d2.lexb"))
                .hasSize(2).allMatch(ModelHandle::isClosed);
    }

    @Test
    void anotherModelOfTheSameShapeKeepsTheCompanionAndAVaeacDropsAndClosesIt() throws IOException {
        Harness h = harness();
        InpaintViewModel vm = editor(h);
        vm.companion().pick(named(vm, "shipped-vaeac.lexb"));
        ModelHandle companion = vm.companion().handle();
        assertThat(companion).isNotNull();
        h.withModel(3);
        // Looked for again for the new model, since the screen has asked for the list once.
        assertThat(vm.companion().choices()).extracting(Companion.Choice::text).containsExactly("none",
                "my-vaeac.lexb · synthetic", "shipped-vaeac.lexb · synthetic", "Choose file…");
        assertThat(vm.companion().handle()).isSameAs(companion);
        assertThat(companion.isClosed()).isFalse();
        assertThat(vm.methods()).first().isEqualTo("vaeac:32");
        assertThat(vm.companion().chosenProperty().get().text()).isEqualTo("shipped-vaeac.lexb · synthetic");
        debounce.flush();
        assertThat(vm.statusProperty().get()).endsWith("completed by shipped-vaeac.lexb");

        h.withVaeac(2); // brings its own vaeac
        assertThat(companion.isClosed()).isTrue();
        assertThat(vm.companion().handle()).isNull();
        assertThat(vm.companion().availableProperty().get()).isFalse();
        assertThat(vm.methods()).first().isEqualTo("vaeac:32");
        debounce.flush();
        assertThat(vm.statusProperty().get()).doesNotContain("completed by");
    }

    @Test
    void replacingDroppingAndClosingTheWindowCloseTheCompanions() throws IOException {
        Harness h = harness();
        InpaintViewModel vm = editor(h);
        vm.companion().pick(named(vm, "my-vaeac.lexb"));
        ModelHandle first = vm.companion().handle();
        vm.companion().pick(named(vm, "shipped-vaeac.lexb"));
        ModelHandle second = vm.companion().handle();
        assertThat(first.isClosed()).isTrue();
        assertThat(second).isNotSameAs(first);
        assertThat(second.isClosed()).isFalse();

        vm.companion().pick(Companion.Choice.NONE);
        assertThat(second.isClosed()).isTrue();
        assertThat(vm.methods()).doesNotContain("vaeac:32");
        assertThat(vm.methodProperty().get()).isEqualTo("pseudo-gibbs");
        assertThat(vm.companion().noteProperty().get()).isEmpty();

        // A file chosen outside the folders joins the list once it is in use.
        Path elsewhere = FakeServices.writeVaeacBundle(dir.resolve("elsewhere.lexb"), 2);
        vm.companion().pick(elsewhere);
        assertThat(vm.companion().chosenProperty().get().text()).isEqualTo("elsewhere.lexb · synthetic");
        assertThat(vm.companion().choices()).contains(vm.companion().chosenProperty().get());
        assertThat(vm.companion().choices().getLast()).isEqualTo(Companion.Choice.CHOOSE_FILE);
        ModelHandle third = vm.companion().handle();
        vm.dispose();
        assertThat(third.isClosed()).isTrue();
    }
}
