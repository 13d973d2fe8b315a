package uk.nhs.safety.campaign.model.internal.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.model.internal.testing.RecordingEvents;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

/**
 * The ODS code rule per organisation type: validation, so on H2 only (MemberServiceTest runs a join's SQL on both).
 */
class OdsCodeShapeTest {

    private final MemberServiceImpl members = new MemberServiceImpl(new TestDatabase().database,
            new RecordingEvents(), TestDatabase.CLOCK);

    @ParameterizedTest(name = "{0} {1} accepted: {2}")
    @CsvSource({
            "ACUTE, RGT, true", "ACUTE, TAF, true", "ACUTE, A81001, false", "ACUTE, RGT01, false",
            "MENTAL_HEALTH, RXT, true", "AMBULANCE, QAB, false",
            "CCG_ICB, 00L, true", "CCG_ICB, QHG, true", "CCG_ICB, RGT, false",
            "GP_PRACTICE, A81001, true", "GP_PRACTICE, A8100, false",
            "NATIONAL_BODY, X24, true", "ROYAL_COLLEGE, RCOG, true", "ACADEMIC, AB, false"})
    void checksTheOdsCodeShapeForTheOrganisationType(OrganisationType type, String code, boolean accepted) {
        NewMember request = new NewMember(code, "Some organisation", type, null, null, null);

        if (accepted) {
            assertThat(members.join("alice", request).odsCode()).isEqualTo(code);
        } else {
            assertThatThrownBy(() -> members.join("alice", request))
                    .asInstanceOf(type(ValidationException.class))
                    .extracting(ValidationException::violations).asList()
                    .containsExactly(Violation.of("odsCode", code, type.codeRule()));
            assertThat(members.find(code)).isEmpty();
        }
    }
}
