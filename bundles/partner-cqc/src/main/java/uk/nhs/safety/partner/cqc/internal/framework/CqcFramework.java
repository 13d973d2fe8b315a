package uk.nhs.safety.partner.cqc.internal.framework;

/**
 * A framework version together with the mapping rules checked against it: what the evidence pack is built from.
 *
 * @param framework the framework
 * @param rules     the mapping rules, every statement and category id of which exists in {@code framework}
 */
public record CqcFramework(Framework framework, MappingRules rules) {
}
