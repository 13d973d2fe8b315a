package uk.nhs.safety.partner.nhsi.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the NHS Improvement partner (PID {@value NhsiService#PID}); changes apply live. */
@ObjectClassDefinition(name = "Sign up to Safety: NHS Improvement partner",
        description = "National priorities catalogue, alignment of plans, incident data and the national roll-up")
public @interface NhsiConfig {

    @AttributeDefinition(name = "Catalogue version",
            description = "The bundled catalogue version to use; empty for the newest")
    String catalogueVersion() default "";

    @AttributeDefinition(name = "Alignment window (months)",
            description = "Incident triggers count the member's incidents over this many months up to the latest"
                    + " month with data; the harm reduction compares the same window with the baseline",
            min = "1", max = "60")
    int windowMonths() default 12;

    @AttributeDefinition(name = "Baseline: first month", description = "yyyy-mm; default the 2013/14 financial"
            + " year, the year before the campaign launched (June 2014)")
    String baselineFrom() default "2013-04";

    @AttributeDefinition(name = "Baseline: last month", description = "yyyy-mm")
    String baselineTo() default "2014-03";

    @AttributeDefinition(name = "Lives saved: share of avoided deaths",
            description = "Share (0-1) of the fall in incidents reported as death counted as lives saved")
    double deathFraction() default 1.0;

    @AttributeDefinition(name = "Lives saved: share of avoided severe harm",
            description = "Share (0-1) of the fall in severe-harm incidents counted as lives saved (check)")
    double severeFraction() default 0.1;

    @AttributeDefinition(name = "Goal: avoidable harm reduction (%)", description = "50: halve avoidable harm")
    double harmGoalPercent() default 50;

    @AttributeDefinition(name = "Goal: lives saved", description = "The campaign's three-year ambition")
    long livesGoal() default 6000;

    @AttributeDefinition(name = "Collaboratives by member",
            description = "ODS=collaborative-key for members whose collaborative the postcode and region do not"
                    + " decide, e.g. RX7=north-west-coast")
    String[] collaborativeOverrides() default {};
}
