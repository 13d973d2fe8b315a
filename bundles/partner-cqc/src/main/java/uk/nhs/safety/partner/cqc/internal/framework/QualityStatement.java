package uk.nhs.safety.partner.cqc.internal.framework;

/**
 * A quality statement of the assessment framework.
 *
 * @param id   stable id: the key question's id, a dot, then the statement's slug (e.g. {@code safe.learning-culture})
 * @param name the statement's name as CQC words it
 */
public record QualityStatement(String id, String name) {
}
