package uk.nhs.safety.partner.nhsi.internal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.OrganisationType;

class CatalogueLoaderTest {

    private static CatalogueLoader folder(String name) {
        return new CatalogueLoader(file -> CatalogueLoaderTest.class.getResourceAsStream(name + "/" + file));
    }

    @Test
    void bundledCatalogueHoldsTheNationalSystemAsDomainFactsDescribeIt() {
        Catalogue c = CatalogueLoader.bundled().select("");

        assertThat(c.version()).isEqualTo("2023.1");
        // The 2018 Never Events list: 16 entries, numbered 1-16, the first and last named as the list names them.
        assertThat(c.neverEvents()).hasSize(16);
        assertThat(c.neverEvents().get(0).name()).isEqualTo("Wrong site surgery");
        assertThat(c.neverEvents().get(15).name()).isEqualTo("Undetected oesophageal intubation");
        assertThat(c.neverEvents()).extracting(Catalogue.NeverEvent::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        // 15 Patient Safety Collaboratives, each hosted by an AHSN.
        assertThat(c.collaboratives()).hasSize(15);
        assertThat(c.components()).extracting(Catalogue.Component::key)
                .contains("strategy", "psirf", "reporting", "alerts", "never-events", "collaboratives");
        assertThat(c.priority("maternity-neonatal")).get().satisfies(p -> {
            assertThat(p.focusAreas()).containsExactly("maternity");
            assertThat(p.appliesTo()).containsExactly(OrganisationType.ACUTE);
            assertThat(p.trigger().categories()).containsExactly("maternity");
        });
        assertThat(c.category("Medication")).get().extracting(Catalogue.IncidentCategory::key)
                .isEqualTo("medication");
        assertThat(c.category("patient accident (including FALLS)")).isPresent();
    }

    @Test
    void newestPublishedVersionIsTheDefaultWhateverTheIndexOrder() {
        CatalogueLoader loader = folder("two");

        assertThat(loader.select(null).version()).isEqualTo("2024.1");
        assertThat(loader.select(" ").published()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(loader.select("2019.1").priority("new-priority")).isEmpty();
        assertThat(loader.all()).extracting(Catalogue::version).containsExactly("2024.1", "2019.1");
    }

    @Test
    void unknownVersionIsRefusedNamingTheBundledOnes() {
        assertThatThrownBy(() -> folder("two").select("2030.1")).isInstanceOf(CampaignException.class)
                .hasMessage("no catalogue version 2030.1; bundled: 2024.1, 2019.1");
    }

    @Test
    void misspeltFieldIsRefusedNamingFileFieldAndLine() {
        assertThatThrownBy(() -> folder("bad-field").select(null)).isInstanceOf(CampaignException.class)
                .hasMessageStartingWith("catalogue cat.json is not valid: ")
                .hasMessageContaining("\"focusArea\"")
                .hasMessageContaining("(line ");
    }

    @Test
    void inconsistentEntriesAreAllReportedNamingThePriority() {
        assertThatThrownBy(() -> folder("bad-trigger").select(null)).isInstanceOf(CampaignException.class)
                .hasMessageContaining("priorities[maternity-neonatal].trigger.categories: 'labour-ward' is not an"
                        + " incident category key")
                .hasMessageContaining("priorities[deterioration].expectedFor: ambulance is not in appliesTo");
    }

    @Test
    void fileListedButMissingIsNamed() {
        assertThatThrownBy(() -> folder("missing").all()).isInstanceOf(CampaignException.class)
                .hasMessage("catalogue gone.json is listed in index.txt but missing");
        assertThatThrownBy(() -> folder("nowhere").all()).hasMessage("the catalogue index (index.txt) is missing");
    }
}
