package uk.nhs.safety.partner.cqc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.partner.PartnerHealth;

class CqcPartnerTest {

    private final CqcEvidenceService service = Fixtures.service(Fixtures.campaign(), "2023");
    private final CqcPartner partner = new CqcPartner("1.2.3", service);

    @Test
    void identifiesItselfAsTheCareQualityCommissionWithItsBundleVersion() {
        assertThat(partner.id()).isEqualTo("cqc");
        assertThat(partner.name()).isEqualTo("Care Quality Commission");
        assertThat(partner.version()).isEqualTo("1.2.3");
    }

    @Test
    void isUpNamingTheFrameworkVersionLoaded() {
        assertThat(partner.health().status()).isEqualTo(PartnerHealth.Status.UP);
        assertThat(partner.health().detail()).contains("2023");
    }

    @Test
    void isDownWithTheReasonWhenTheConfiguredVersionDoesNotLoadAndUpAgainOnceFixed() {
        service.configure("2019", 12);

        PartnerHealth down = partner.health();
        assertThat(down.status()).isEqualTo(PartnerHealth.Status.DOWN);
        assertThat(down.detail()).contains("2019").contains("frameworks/cqc-2019.json");
        assertThat(service.frameworkVersion()).isEqualTo("2019");

        service.configure("2023", 12);

        assertThat(partner.health().status()).isEqualTo(PartnerHealth.Status.UP);
    }

    @Test
    void aNewDefaultPeriodAppliesToTheNextPack() {
        service.configure("2023", 3);

        assertThat(service.pack("RGT", null, "2025-03-31").period().from()).isEqualTo("2024-12-31");
    }
}
