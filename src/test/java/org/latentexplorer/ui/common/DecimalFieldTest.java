package org.latentexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The decimal field's check on its own, and the field committed by hand (the toolkit started, no window shown). */
@ExtendWith(ApplicationExtension.class)
class DecimalFieldTest {
    @Test
    void plainDecimalsAndExponentsInRangeAreTaken() {
        assertThat(DecimalField.check("Learning rate", " 0.001 ", 0, 1, false).value()).isEqualTo(0.001);
        assertThat(DecimalField.check("Learning rate", "1e-3", 0, 1, false).value()).isEqualTo(0.001);
        assertThat(DecimalField.check("Learning rate", ".5", 0, 1, false).value()).isEqualTo(0.5);
        assertThat(DecimalField.check("Learning rate", "1", 0, 1, false).value()).isEqualTo(1.0);
        assertThat(DecimalField.check("Joint rate", "", 0, 1, true)).isEqualTo(new DecimalField.Checked(null, null, true));
    }

    @Test
    void lettersJavaOnlyNumbersEmptyTextAndNumbersOutOfRangeAreRefusedWithAMessage() {
        assertThat(DecimalField.check("Learning rate", "fast", 0, 1, false).problem())
                .isEqualTo("Learning rate takes a number from 0 to 1, not 'fast'");
        for (String bad : new String[] {"NaN", "Infinity", "1d", "0x1p3", "1,5", "1.2.3", "e5"}) {
            assertThat(DecimalField.check("β", bad, 0, 1000, false).ok()).as(bad).isFalse();
        }
        assertThat(DecimalField.check("β", "", 0, 1000, false).problem()).endsWith("the field was empty");
        assertThat(DecimalField.check("β", "1001", 0, 1000, false).problem()).endsWith("1001 is out of range");
        assertThat(DecimalField.check("β", "-1", 0, 1000, false).problem()).endsWith("-1 is out of range");
        assertThat(DecimalField.check("β", "1e999", 0, 1000, false).problem()).endsWith("1e999 is out of range");
        assertThat(DecimalField.check("Joint rate", "x", 0, 1, true).problem())
                .isEqualTo("Joint rate takes a number from 0 to 1 (or nothing), not 'x'");
    }

    @Test
    void numbersAreShownAsPeopleWriteThem() {
        assertThat(DecimalField.format(0.001)).isEqualTo("0.001");
        assertThat(DecimalField.format(1.0)).isEqualTo("1");
        assertThat(DecimalField.format(0.0)).isEqualTo("0");
        assertThat(DecimalField.format(1e-5)).isEqualTo("0.00001");
        assertThat(DecimalField.format(null)).isEmpty();
    }

    @Test
    void committingBadTextKeepsTheValuePutsItsTextBackAndNeverThrows(FxRobot robot) {
        robot.interact(() -> {
            DecimalField f = new DecimalField("Learning rate", 0, 1, 0.001, false);
            for (String bad : new String[] {"abc", "", "NaN", "2", "1d"}) {
                f.setText(bad);
                f.commit();
                assertThat(f.valueProperty().get()).isEqualTo(0.001);
                assertThat(f.getText()).isEqualTo("0.001");
                assertThat(f.problemProperty().get()).startsWith("Learning rate takes a number from 0 to 1");
                assertThat(f.getStyle()).contains("#b00020");
            }
            f.setText("0.01");
            f.commit();
            assertThat(f.valueProperty().get()).isEqualTo(0.01);
            assertThat(f.problemProperty().get()).isNull();
            assertThat(f.getStyle()).isEmpty();

            DecimalField optional = new DecimalField("Joint rate", 0, 1, null, true);
            assertThat(optional.getText()).isEmpty();
            optional.setText("1e-4");
            optional.commit();
            assertThat(optional.valueProperty().get()).isEqualTo(1e-4);
            optional.setText(" ");
            optional.commit();
            assertThat(optional.valueProperty().get()).isNull();
        });
    }
}
