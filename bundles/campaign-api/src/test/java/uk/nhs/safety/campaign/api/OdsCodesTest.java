package uk.nhs.safety.campaign.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OdsCodesTest {

    @Test
    void normalisesToTrimmedUpperCase() {
        assertThat(OdsCodes.normalise(" rgt\t")).isEqualTo("RGT");
        assertThat(OdsCodes.normalise("a81001")).isEqualTo("A81001");
        assertThat(OdsCodes.normalise("RX1")).isEqualTo("RX1");
        assertThat(OdsCodes.normalise("\u2003r1f\u2003")).isEqualTo("R1F");
        assertThat(OdsCodes.normalise("")).isEmpty();
        assertThat(OdsCodes.normalise(null)).isNull();
    }
}
