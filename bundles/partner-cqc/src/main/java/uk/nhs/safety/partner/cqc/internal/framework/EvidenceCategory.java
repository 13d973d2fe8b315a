package uk.nhs.safety.partner.cqc.internal.framework;

/**
 * One of CQC's evidence categories (e.g. "Processes", "Outcomes").
 *
 * @param id   stable id, lower case with hyphens
 * @param name the name CQC uses
 */
public record EvidenceCategory(String id, String name) {
}
