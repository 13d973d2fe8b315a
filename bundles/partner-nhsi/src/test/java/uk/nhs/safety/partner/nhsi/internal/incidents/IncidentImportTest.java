package uk.nhs.safety.partner.nhsi.internal.incidents;

import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.partner.nhsi.internal.NhsiService;
import uk.nhs.safety.partner.testkit.H2PartnerDatabase;

/** The incident import on H2: batched writes. */
class IncidentImportTest extends IncidentImportCases {

    IncidentImportTest() {
        super(new H2PartnerDatabase("nhsi", ScriptSource.classpath(NhsiService.class, "db")));
    }
}
