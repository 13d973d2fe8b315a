package uk.nhs.safety.partner.cqc.internal.framework;

import java.util.List;
import java.util.Optional;

/**
 * A version of CQC's assessment framework, as loaded from {@code frameworks/cqc-<version>.json}.
 *
 * @param version            the version (e.g. {@code 2023}); matches the file name
 * @param title              a human title
 * @param source             where the framework is published
 * @param keyQuestions       the key questions with their quality statements, in CQC's order
 * @param evidenceCategories the evidence categories
 */
public record Framework(String version, String title, String source, List<KeyQuestion> keyQuestions,
                        List<EvidenceCategory> evidenceCategories) {
    public Framework {
        keyQuestions = keyQuestions == null ? List.of() : List.copyOf(keyQuestions);
        evidenceCategories = evidenceCategories == null ? List.of() : List.copyOf(evidenceCategories);
    }

    /** Every quality statement, key question by key question. */
    public List<QualityStatement> statements() {
        return keyQuestions.stream().flatMap(k -> k.statements().stream()).toList();
    }

    /** The key question a statement belongs to. */
    public Optional<KeyQuestion> keyQuestionOf(String statementId) {
        return keyQuestions.stream()
                .filter(k -> k.statements().stream().anyMatch(s -> s.id().equals(statementId)))
                .findFirst();
    }

    /** A statement by id. */
    public Optional<QualityStatement> statement(String id) {
        return statements().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** An evidence category by id. */
    public Optional<EvidenceCategory> category(String id) {
        return evidenceCategories.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
