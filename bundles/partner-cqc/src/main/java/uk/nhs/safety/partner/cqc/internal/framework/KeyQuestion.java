package uk.nhs.safety.partner.cqc.internal.framework;

import java.util.List;

/**
 * One of CQC's five key questions with its quality statements.
 *
 * @param id         stable id (e.g. {@code well-led})
 * @param name       the name exactly as CQC spells it (e.g. {@code Well-led})
 * @param statements its quality statements, in CQC's order
 */
public record KeyQuestion(String id, String name, List<QualityStatement> statements) {
    public KeyQuestion {
        statements = statements == null ? List.of() : List.copyOf(statements);
    }
}
