package uk.nhs.safety.campaign.api.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PartnerResponseTest {

    @Test
    void cacheForSetsAPublicMaxAgeInWholeSecondsReplacingAnyEarlierValue() {
        PartnerResponse response = new PartnerResponse(200, "text/html", new byte[0],
                Map.of("cache-control", "no-store", "Content-Disposition", "inline"));

        assertThat(response.cacheFor(Duration.ofMinutes(5)).headers()).containsExactlyInAnyOrderEntriesOf(
                Map.of("Cache-Control", "public, max-age=300", "Content-Disposition", "inline"));
    }

    @Test
    void refusesANegativeMaxAge() {
        assertThatThrownBy(() -> PartnerResponse.json(200, "{}").cacheFor(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
    }
}
