package uk.nhs.safety.partner.cqc.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.partner.testkit.PartnerStoreKind;
import uk.nhs.safety.partner.testkit.StoreTest;
import uk.nhs.safety.partner.testkit.TestPartnerDatabase;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.partner.cqc.internal.CqcEvidenceService;

class CqcDataTest {

    private final TestPartnerDatabase db;
    private final CqcData data;

    CqcDataTest(PartnerStoreKind store) {
        this.db = store.open("cqc", ScriptSource.classpath(CqcEvidenceService.class, "db"));
        this.data = new CqcData(db, Set.of("RGT", "RJZ")::contains,
                Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC));
    }

    private ImportReport importResource(String name, boolean partial) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/cqc/" + name)) {
            return data.importData(new ImportRequest(name, in, partial, null, "tester"));
        }
    }

    private ImportReport importText(String json, boolean partial) {
        return data.importData(new ImportRequest("test.json",
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), partial, null, "tester"));
    }

    @StoreTest
    void linksProvidersAndTrustSitesToMembersAndReportsTheRest() throws IOException {
        ImportReport provider = importResource("provider-rgt.json", false);
        ImportReport locations = importResource("locations-page.json", false);

        assertThat(provider.created()).isEqualTo(1);
        assertThat(locations.created()).isEqualTo(3);
        // RGT01 is a site of member RGT; RJZ01 of RJZ; NX1 is not a member (nor a trust site): kept, reported.
        assertThat(data.registrations("RGT")).extracting(Registration::cqcId).containsExactly("RGT", "1-101");
        assertThat(data.registrations("RJZ")).extracting(Registration::cqcId).containsExactly("1-103");
        assertThat(locations.problems()).extracting(Violation::value).containsExactly("NX1");
        assertThat(db.count("SELECT COUNT(*) FROM cqc_registration WHERE member_ods = ''")).isEqualTo(1);
        assertThat(data.registrations("RGT").get(0).keyQuestions()).hasSize(5);
    }

    @StoreTest
    void importingTheSameDataAgainChangesNothingAndAChangedRatingUpdates() throws IOException {
        importResource("provider-rgt.json", false);
        ImportReport again = importResource("provider-rgt.json", false);
        assertThat(List.of(again.created(), again.updated(), again.unchanged())).containsExactly(0L, 0L, 1L);

        ImportReport changed = importText("{\"providerId\":\"RGT\",\"name\":\"Cambridge University Hospitals NHS"
                + " Foundation Trust\",\"odsCode\":\"RGT\",\"currentRatings\":{\"overall\":{\"rating\":\"Outstanding\","
                + "\"keyQuestionRatings\":[{\"name\":\"Safe\",\"rating\":\"Good\"}]}}}", false);
        assertThat(changed.updated()).isEqualTo(1);
        Registration rgt = data.registrations("RGT").get(0);
        assertThat(rgt.overallRating()).isEqualTo("Outstanding");
        assertThat(rgt.keyQuestions()).extracting(Registration.KeyQuestionRating::rating).containsExactly("Good");
        assertThat(db.count("SELECT COUNT(*) FROM cqc_registration")).isEqualTo(1);
    }

    @StoreTest
    void oneBadRecordImportsNothingUnlessPartial() throws IOException {
        importResource("provider-rgt.json", false);
        String mixed = "[{\"providerId\":\"RJZ\",\"name\":\"King's\",\"odsCode\":\"RJZ\"},"
                + "{\"providerId\":\"RGT\",\"name\":\"changed\",\"odsCode\":\"RGT\",\"registrationStatus\":\"Open\"}]";

        assertThatThrownBy(() -> importText(mixed, false)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations().get(0))
                        .isEqualTo(Violation.of("[1].registrationStatus", "Open",
                                "expected Registered or Deregistered")));
        assertThat(data.registrations("RJZ")).isEmpty();
        assertThat(data.registrations("RGT").get(0).name())
                .isEqualTo("Cambridge University Hospitals NHS Foundation Trust");

        ImportReport partial = importText(mixed, true);
        assertThat(List.of(partial.read(), partial.created(), partial.rejected())).containsExactly(2L, 1L, 1L);
        assertThat(data.registrations("RJZ")).extracting(Registration::cqcId).containsExactly("RJZ");
    }

    @StoreTest
    void overridesAreSetReplacedAndCleared() {
        data.setOverride(new CqcData.MappingOverride("RGT", "action", "12", List.of("safe.safeguarding"), "ann"));
        data.setOverride(new CqcData.MappingOverride("RGT", "action", "12",
                List.of("safe.safeguarding", "caring.kindness-compassion-and-dignity"), "bob"));
        data.setOverride(new CqcData.MappingOverride("RGT", "change-idea", "C1", List.of(), "bob"));

        assertThat(data.overrides("RGT")).containsOnlyKeys("action:12", "change-idea:C1");
        assertThat(data.overrides("RGT").get("action:12").statements())
                .containsExactly("safe.safeguarding", "caring.kindness-compassion-and-dignity");
        assertThat(data.overrides("RGT").get("change-idea:C1").statements()).isEmpty();
        assertThat(data.clearOverride("RGT", "action", "12", "bob")).isTrue();
        assertThat(data.clearOverride("RGT", "action", "12", "bob")).isFalse();
        assertThat(data.overrides("RGT")).containsOnlyKeys("change-idea:C1");
    }
}
