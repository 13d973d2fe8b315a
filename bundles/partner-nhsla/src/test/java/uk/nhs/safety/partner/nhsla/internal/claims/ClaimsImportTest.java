package uk.nhs.safety.partner.nhsla.internal.claims;

import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.partner.nhsla.internal.NhslaService;
import uk.nhs.safety.partner.testkit.H2PartnerDatabase;

/** The claims import on H2: direct batched writes, as measured fastest there. */
public class ClaimsImportTest extends ClaimsImportCases {

    ClaimsImportTest() {
        super(new H2PartnerDatabase("nhsla", ScriptSource.classpath(NhslaService.class, "db")));
    }
}
