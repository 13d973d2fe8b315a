package uk.nhs.safety.partner.cqc.internal.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;
import uk.nhs.safety.partner.support.json.PartnerJson;

/** The formats an evidence pack can be produced in, shared by the HTTP route and the console command. */
public enum EvidenceFormat {
    JSON("application/json", false),
    CSV("text/csv; charset=utf-8", false),
    HTML("text/html; charset=utf-8", false),
    ZIP("application/zip", true);

    private final String contentType;
    private final boolean binary;

    EvidenceFormat(String contentType, boolean binary) {
        this.contentType = contentType;
        this.binary = binary;
    }

    /** The HTTP content type. */
    public String contentType() {
        return contentType;
    }

    /** Whether the output is binary (not for a console). */
    public boolean binary() {
        return binary;
    }

    /** The name used in {@code format=} and {@code --format}, and as the file extension. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A file name for a pack in this format: {@code cqc-evidence-<ods>-<from>-<to>.<ext>}. */
    public String fileName(EvidencePack pack) {
        return "cqc-evidence-" + pack.odsCode() + "-" + pack.period().from() + "-" + pack.period().to() + "." + id();
    }

    /** The pack in this format. */
    public byte[] render(EvidencePack pack, PartnerJson json) {
        return switch (this) {
            case JSON -> json.write(pack).getBytes(StandardCharsets.UTF_8);
            case CSV -> EvidenceCsv.write(pack).getBytes(StandardCharsets.UTF_8);
            case HTML -> EvidenceHtml.write(pack).getBytes(StandardCharsets.UTF_8);
            case ZIP -> new EvidenceZip(json).write(pack);
        };
    }

    /**
     * The format named (case-insensitive; absent or blank means JSON).
     *
     * @param field the field to name in the error ({@code format} or {@code --format})
     * @throws ValidationException naming the field and value when no format has that name
     */
    public static EvidenceFormat parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return JSON;
        }
        for (EvidenceFormat f : values()) {
            if (f.id().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new ValidationException(Violation.of(field, value, "unknown format; use one of "
                + Arrays.stream(values()).map(EvidenceFormat::id).collect(Collectors.joining(", "))));
    }
}
