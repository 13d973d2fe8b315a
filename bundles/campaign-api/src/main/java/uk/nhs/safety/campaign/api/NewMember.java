package uk.nhs.safety.campaign.api;

import java.time.LocalDate;

/** What is needed to sign an organisation up by hand (trusts usually come from an ODS import instead). */
public record NewMember(String odsCode, String name, OrganisationType type, String region, String postcode,
                        LocalDate joined) {
}
