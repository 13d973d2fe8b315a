package uk.nhs.safety.partner.cqc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the CQC partner (PID {@value CqcEvidenceService#PID}); changes apply live. */
@ObjectClassDefinition(name = "Sign up to Safety: CQC partner",
        description = "CQC inspection evidence: the assessment framework version packs are arranged by, their default"
                + " period and where packs are written")
public @interface CqcConfig {

    @AttributeDefinition(name = "Framework version",
            description = "The CQC assessment framework version: the bundle's frameworks/cqc-<version>.json")
    String frameworkVersion() default CqcEvidenceService.DEFAULT_FRAMEWORK;

    @AttributeDefinition(name = "Default period (months)",
            description = "How many months before 'to' an evidence pack starts when no 'from' is given", min = "1",
            max = "120")
    int defaultPeriodMonths() default CqcEvidenceService.DEFAULT_MONTHS;

    @AttributeDefinition(name = "Output directory",
            description = "Where cqc:evidence-bulk writes when no --out is given, and what a relative --out of"
                    + " cqc:evidence or cqc:evidence-bulk is resolved against: a folder inside the console's export"
                    + " folder (PID uk.nhs.safety.campaign.files); empty: cqc/evidence")
    String outputDirectory() default "";
}
