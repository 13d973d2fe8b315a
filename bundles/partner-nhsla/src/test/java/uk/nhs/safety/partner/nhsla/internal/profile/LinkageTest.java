package uk.nhs.safety.partner.nhsla.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.ValidationException;

class LinkageTest {

    private final LinkageRules rules = LinkageRules.parse(new String[] {"obstetrics=maternity",
        "Emergency Medicine|Failure/Delay Diagnosis=diagnosis-in-ae", "*|failure to monitor=deteriorating-patient"});

    // Obstetrics: 10 claims £900 (60 + 840 pence-free figures); Emergency medicine: 20 claims £100 of which
    // delayed diagnosis 12 claims £70; Dental: 70 claims £0.
    private final List<Group> groups = List.of(
            new Group("Obstetrics", "Failure to Monitor", "CNST", 4, 60),
            new Group("Obstetrics", "Intraoperative Problems", "CNST", 6, 840),
            new Group("Emergency Medicine", "Failure/Delay Diagnosis", "CNST", 12, 70),
            new Group("Emergency Medicine", "Wrong Diagnosis", "CNST", 8, 30),
            new Group("Dental", "Other", "CNST", 70, 0));

    @Test
    void saysWhichHighAreasThePlanAddressesWithTheValueBehindEach() {
        ClaimsProfile p = Profiles.profile("RGT", 2010, 2014, groups, new AreaRule(AreaRule.Kind.CUMULATIVE, 80));
        // count 100: Dental 70, +EM 20 = 90 >= 80 -> high-volume Dental, EM; value 1,000: Obstetrics 900 -> high-value
        assertThat(p.highVolume()).containsExactly("Dental", "Emergency Medicine");
        assertThat(p.highValue()).containsExactly("Obstetrics");

        Linkage l = Linkage.of("RGT", 3, List.of("diagnosis-in-ae", "falls"), p, groups, rules);
        assertThat(l.areas()).extracting(Linkage.AreaLink::specialty)
                .containsExactly("Obstetrics", "Emergency Medicine", "Dental");
        Linkage.AreaLink obstetrics = l.areas().get(0);
        assertThat(obstetrics.addressed()).isFalse();
        // maternity: all 10 obstetric claims (900); deteriorating-patient: the 4 failure-to-monitor ones (60)
        assertThat(obstetrics.links()).containsExactly(new Linkage.FocusLink("maternity", 10, 900, false),
                new Linkage.FocusLink("deteriorating-patient", 4, 60, false));
        Linkage.AreaLink em = l.areas().get(1);
        assertThat(em.addressed()).isTrue();
        assertThat(em.links()).containsExactly(new Linkage.FocusLink("diagnosis-in-ae", 12, 70, true));
        assertThat(l.areas().get(2).links()).isEmpty();
        // addressed: the 70 of EM behind diagnosis-in-ae; not: EM's other 30 + Obstetrics 900 + Dental 0 = 930
        assertThat(em.addressedPence()).isEqualTo(70);
        assertThat(l.addressedPence()).isEqualTo(70);
        assertThat(l.unaddressedPence()).isEqualTo(930);
    }

    @Test
    void refusesMalformedRulesNamingEach() {
        assertThatThrownBy(() -> LinkageRules.parse(new String[] {"obstetrics", "x|=maternity", "a=Bad Code"}))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(3));
    }
}
