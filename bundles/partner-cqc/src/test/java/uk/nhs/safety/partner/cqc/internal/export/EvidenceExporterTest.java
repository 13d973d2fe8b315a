package uk.nhs.safety.partner.cqc.internal.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.partner.ExportRequest;
import uk.nhs.safety.partner.cqc.internal.Fixtures;

class EvidenceExporterTest {

    private final EvidenceExporter exporter = new EvidenceExporter(Fixtures.service(Fixtures.campaign(), "2023"));

    @Test
    void offersEveryPackFormatWithItsMediaType() {
        assertThat(exporter.formats()).containsExactly("json", "csv", "html", "zip");
        assertThat(exporter.mediaType("zip")).isEqualTo("application/zip");
    }

    @Test
    void writesAMembersPackForThePeriodAsked() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(new ExportRequest("csv", "RGT", Fixtures.FROM, Fixtures.TO, Map.of()), out);

        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("Key question,Statement id,");
        assertThat(csv).contains("Publish our goal to halve avoidable falls harm");
    }

    @Test
    void refusesAnExportWithoutAMemberOrInAnUnknownFormatWritingNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> exporter.export(new ExportRequest("json", null, null, null, Map.of()), out))
                .isInstanceOf(ValidationException.class).hasMessageContaining("member");
        assertThatThrownBy(() -> exporter.export(new ExportRequest("pdf", "RGT", null, null, Map.of()), out))
                .isInstanceOf(ValidationException.class).hasMessageContaining("format");
        assertThat(out.size()).isZero();
    }
}
