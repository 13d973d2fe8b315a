package uk.nhs.safety.partner.support.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.ExportRequest;
import uk.nhs.safety.partner.support.json.PartnerJson;

class CsvOrJsonExporterTest {

    record Count(String area, Long claims) {
    }

    /** Counts what it computed, so a test can tell the format was checked first. */
    static final class CountExporter extends CsvOrJsonExporter<Count> {
        final List<ExportRequest> computed = new ArrayList<>();

        CountExporter() {
            super("nhsla", PartnerJson.leavingOutNulls());
        }

        @Override
        public String name() {
            return "nhsla-count";
        }

        @Override
        public String description() {
            return "a count";
        }

        @Override
        protected Count compute(ExportRequest request) {
            computed.add(request);
            return new Count("Dental é", null);
        }

        @Override
        protected void csv(Count value, Writer w) throws IOException {
            w.write("area\n" + value.area() + "\n");
        }
    }

    private static String export(CountExporter exporter, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(new ExportRequest(format, null, null, null, Map.of()), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesCsvByDefaultAndJsonInAnyCaseAsUtf8() throws IOException {
        CountExporter exporter = new CountExporter();

        assertThat(export(exporter, null)).isEqualTo("area\nDental é\n");
        assertThat(export(exporter, "JSON")).contains("\"area\" : \"Dental é\"").doesNotContain("claims");
        assertThat(exporter.mediaType("JSON")).isEqualTo("application/json");
        assertThat(exporter.mediaType("csv")).isEqualTo("text/csv");
        assertThat(exporter.formats()).containsExactly("csv", "json");
        assertThat(exporter.partnerId()).isEqualTo("nhsla");
    }

    @Test
    void refusesAnotherFormatBeforeComputingOrWritingAnything() {
        CountExporter exporter = new CountExporter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> exporter.export(new ExportRequest("xml", null, null, null, Map.of()), out))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .containsExactly(Violation.of("format", "xml", "one of csv, json")));
        assertThat(exporter.computed).isEmpty();
        assertThat(out.size()).isZero();
    }
}
