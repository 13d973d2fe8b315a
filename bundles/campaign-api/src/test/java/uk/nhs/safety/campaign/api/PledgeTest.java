package uk.nhs.safety.campaign.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PledgeTest {

    @Test
    void parsesANumberNameOrTitle() {
        assertThat(Pledge.parse("1")).isEqualTo(Pledge.PUT_SAFETY_FIRST);
        assertThat(Pledge.parse(" 3 ")).isEqualTo(Pledge.BE_HONEST);
        assertThat(Pledge.parse("be honest")).isEqualTo(Pledge.BE_HONEST);
        assertThat(Pledge.parse("BE_HONEST")).isEqualTo(Pledge.BE_HONEST);
        assertThat(Pledge.parse("Continually learn")).isEqualTo(Pledge.CONTINUALLY_LEARN);
    }

    @Test
    void refusesNumbersThatAreNotOneToFiveAsWritten() {
        for (String text : new String[] {"-1", "0", "6", "1.0", "+2", "", null}) {
            assertThatThrownBy(() -> Pledge.parse(text)).as(String.valueOf(text))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("unknown pledge");
        }
    }
}
