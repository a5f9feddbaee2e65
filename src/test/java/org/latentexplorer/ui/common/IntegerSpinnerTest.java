package org.latentexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The helper's check on its own, and its spinner committed by hand (the toolkit started, no window shown). */
@ExtendWith(ApplicationExtension.class)
class IntegerSpinnerTest {
    @Test
    void aWholeNumberInRangeIsTakenWithBlanksAroundIt() {
        IntegerSpinner.Checked c = IntegerSpinner.check("Grid size", " 12 ", 5, 40);
        assertThat(c.ok()).isTrue();
        assertThat(c.value()).isEqualTo(12);
        assertThat(c.problem()).isNull();
        assertThat(IntegerSpinner.check("Grid size", "+40", 5, 40).value()).isEqualTo(40);
        assertThat(IntegerSpinner.check("Grid size", "5", 5, 40).value()).isEqualTo(5);
    }

    @Test
    void lettersAreRefusedWithAMessageNamingTheFieldItsRangeAndTheText() {
        IntegerSpinner.Checked c = IntegerSpinner.check("Grid size", "abc", 5, 40);
        assertThat(c.ok()).isFalse();
        assertThat(c.problem()).isEqualTo("Grid size takes a whole number from 5 to 40, not 'abc'");
    }

    @Test
    void emptyDecimalNanAndOutOfRangeTextAreRefused() {
        assertThat(IntegerSpinner.check("N", "", 5, 40).problem()).endsWith("the field was empty");
        assertThat(IntegerSpinner.check("N", null, 5, 40).problem()).endsWith("the field was empty");
        assertThat(IntegerSpinner.check("N", "12.5", 5, 40).problem()).endsWith("not '12.5'");
        assertThat(IntegerSpinner.check("N", "NaN", 5, 40).problem()).endsWith("not 'NaN'");
        assertThat(IntegerSpinner.check("N", "1,000", 1, 5000).problem()).endsWith("not '1,000'");
        assertThat(IntegerSpinner.check("N", "4", 5, 40).problem()).endsWith("4 is out of range");
        assertThat(IntegerSpinner.check("N", "-3", 5, 40).problem()).endsWith("-3 is out of range");
        // Past int: still reported as too large, not as "not a number".
        assertThat(IntegerSpinner.check("N", "99999999999999", 5, 40).problem()).endsWith("99999999999999 is out of range");
    }

    @Test
    void aLongTypedTextIsShortenedInTheMessage() {
        String p = IntegerSpinner.check("N", "x".repeat(200), 5, 40).problem();
        assertThat(p).hasSizeLessThan(80).endsWith("…'");
    }

    @Test
    void committingBadTextKeepsTheValuePutsItsTextBackAndNeverThrows(FxRobot robot) {
        robot.interact(() -> {
            IntegerSpinner s = new IntegerSpinner("Grid size", 5, 40, 20);
            for (String bad : new String[] {"abc", "", "NaN", "41", "2.5"}) {
                s.getEditor().setText(bad);
                s.commitValue();
                assertThat(s.getValue()).isEqualTo(20);
                assertThat(s.getEditor().getText()).isEqualTo("20");
                assertThat(s.problemProperty().get()).startsWith("Grid size takes a whole number from 5 to 40");
                assertThat(s.getStyle()).contains("#b00020");
            }
            s.getEditor().setText("33");
            s.commitValue();
            assertThat(s.getValue()).isEqualTo(33);
            assertThat(s.problemProperty().get()).isNull();
            assertThat(s.getStyle()).isEmpty();
        });
    }

    @Test
    void theRangeIsTheOneAtCommitTimeSoAMaximumThatFollowsTheDataIsChecked(FxRobot robot) {
        robot.interact(() -> {
            IntegerSpinner s = new IntegerSpinner("Example", 0, Integer.MAX_VALUE, 0);
            s.bounds().setMax(99);
            s.getEditor().setText("150");
            s.commitValue();
            assertThat(s.getValue()).isZero();
            assertThat(s.problemProperty().get()).isEqualTo("Example takes a whole number from 0 to 99; 150 is out of range");
        });
    }

    @Test
    void aValueSetFromOutsideClearsTheComplaint(FxRobot robot) {
        robot.interact(() -> {
            IntegerSpinner s = new IntegerSpinner("Iterations", 1, 100, 10, 5);
            s.getEditor().setText("lots");
            s.commitValue();
            assertThat(s.problemProperty().get()).isNotNull();
            s.increment();
            assertThat(s.getValue()).isEqualTo(15);
            assertThat(s.problemProperty().get()).isNull();
        });
    }
}
