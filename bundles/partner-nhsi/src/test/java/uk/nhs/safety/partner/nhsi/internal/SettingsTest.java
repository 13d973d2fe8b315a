package uk.nhs.safety.partner.nhsi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.partner.nhsi.internal.catalogue.CatalogueLoader;
import uk.nhs.safety.partner.testkit.H2PartnerDatabase;
import uk.nhs.safety.campaign.api.partner.ScriptSource;

class SettingsTest {

    /** A configuration with the given values and the declared defaults for the rest. */
    static NhsiConfig config(Map<String, Object> values) {
        return (NhsiConfig) Proxy.newProxyInstance(NhsiConfig.class.getClassLoader(), new Class<?>[] {NhsiConfig.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue());
    }

    @Test
    void declaredDefaultsAreTheDocumentedOnes() {
        assertThat(Settings.of(config(Map.of()))).isEqualTo(Settings.defaults());
    }

    @Test
    void everyBadValueIsNamed() {
        assertThatThrownBy(() -> Settings.of(config(Map.of("baselineFrom", "2013-13", "severeFraction", 1.5,
                "collaborativeOverrides", new String[] {"RX7"}))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::toString).containsExactly(
                                "baselineFrom '2013-13': a month as yyyy-mm",
                                "severeFraction '1.5': a share from 0 to 1",
                                "collaborativeOverrides 'RX7': ODS=collaborative-key"));
    }

    @Test
    void badReconfigurationKeepsTheSettingsInForceAndAGoodOneAppliesAtOnce() {
        NhsiService service = new NhsiService(new H2PartnerDatabase("nhsi", ScriptSource.classpath(NhsiService.class, "db")), new Fakes.FakeCampaign(), Fakes.meanOnly(),
                Clock.systemUTC(), Settings.defaults(), CatalogueLoader.bundled());

        service.modified(config(Map.of("baselineTo", "2014-13")));
        assertThat(service.settings()).isEqualTo(Settings.defaults());
        service.modified(config(Map.of("catalogueVersion", "1999.1")));
        assertThat(service.catalogue().version()).isEqualTo("2023.1");

        service.modified(config(Map.of("baselineTo", "2014-06", "collaborativeOverrides",
                new String[] {" rx7 = north-west-coast "})));
        assertThat(service.settings().assumptions().baselineTo()).isEqualTo(YearMonth.of(2014, 6));
        assertThat(service.settings().collaboratives()).containsExactly(Map.entry("RX7", "north-west-coast"));
    }
}
