package uk.nhs.safety.partner.nhsla.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import uk.nhs.safety.campaign.api.partner.ExportRequest;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.partner.nhsla.internal.NhslaService;
import uk.nhs.safety.partner.nhsla.internal.Settings;
import uk.nhs.safety.partner.nhsla.internal.claims.ClaimsImportTest;
import uk.nhs.safety.partner.testkit.PartnerStoreKind;
import uk.nhs.safety.partner.testkit.StoreTest;

class ProfileExporterTest {

    private final NhslaService service;

    ProfileExporterTest(PartnerStoreKind store) {
        this.service = new NhslaService(store.open("nhsla",
                ScriptSource.classpath(NhslaService.class, "db")), ods -> Set.of("RGT").contains(ods),
                ods -> Optional.empty(), Clock.fixed(Instant.parse("2015-06-01T00:00:00Z"), ZoneOffset.UTC),
                Settings.defaults(), null);
    }

    /** Specialties and causes come from the imported claims file: a formula there must reach the export as text. */
    @StoreTest
    void writesImportedTextsASpreadsheetWouldRunAsFormulasAsTextAndNumbersAsThemselves() throws IOException {
        String file = ClaimsImportTest.HEADER
                + "F1,RGT,CNST,=HYPERLINK(\"http://x\"),@SUM(1+1),Pain,2014-05-01,2014-06-01,closed,,100,\n"
                + "F2,RGT,CNST,Nursing,-2+3,Fracture,2014-05-02,2014-06-01,settled,10000,1000,2000\n";
        service.importClaims(new ImportRequest("test", new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                false, null, "tester"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new ProfileExporter(service).export(new ExportRequest("csv", "RGT", LocalDate.of(2014, 4, 1),
                LocalDate.of(2015, 3, 31), Map.of()), out);

        List<String> cells = new ArrayList<>();
        for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(out.toString(StandardCharsets.UTF_8)))) {
            r.forEach(cells::add);
        }
        assertThat(cells).contains("'=HYPERLINK(\"http://x\")", "'@SUM(1+1)", "'-2+3", "Nursing", "2014");
        assertThat(cells).noneMatch(c -> !c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0);
    }
}
