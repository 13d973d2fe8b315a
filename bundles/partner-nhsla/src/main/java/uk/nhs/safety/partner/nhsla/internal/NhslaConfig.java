package uk.nhs.safety.partner.nhsla.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;


/** Configuration of the NHS LA partner (PID {@value NhslaService#PID}); changes apply live. */
@ObjectClassDefinition(name = "Sign up to Safety: NHS LA partner",
        description = "NHS LA (NHS Resolution) claims: high-volume/high-value rule, linkage to focus areas,"
                + " incentive scheme rules")
public @interface NhslaConfig {

    @AttributeDefinition(name = "High-area rule",
            description = "cumulative: smallest set of specialties covering threshold % of claims; share: every"
                    + " specialty holding threshold % on its own; top: the threshold largest specialties",
            options = {
                @org.osgi.service.metatype.annotations.Option(label = "Cumulative share", value = "cumulative"),
                @org.osgi.service.metatype.annotations.Option(label = "Share each", value = "share"),
                @org.osgi.service.metatype.annotations.Option(label = "Top N", value = "top")})
    String areaRule() default "cumulative";

    @AttributeDefinition(name = "High-area threshold",
            description = "Percent for cumulative and share rules, number of areas for top", min = "1")
    int areaThreshold() default 80;

    @AttributeDefinition(name = "Linkage rules",
            description = "specialty[|cause]=focus-area-code; * as the specialty matches any")
    String[] linkageRules() default {
        "obstetrics=maternity",
        "emergency medicine|failure/delay diagnosis=diagnosis-in-ae",
        "emergency medicine|wrong diagnosis=diagnosis-in-ae",
        "orthopaedic surgery=surgical-safety",
        "general surgery=surgical-safety",
        "urology=surgical-safety",
        "*|failure to recognise complications=deteriorating-patient",
        "*|failure to monitor=deteriorating-patient",
        "*|medication error=medication-safety",
        "nursing|fall=falls",
        "nursing|pressure ulcer=pressure-ulcers",
        "mental health=mental-health-safety"};

    @AttributeDefinition(name = "Claims years for profiles",
            description = "How many financial years, up to the current one, a profile covers when none are given",
            min = "1", max = "50")
    int profileYears() default 5;

    @AttributeDefinition(name = "Incentive: maximum share of CNST contribution (%)", min = "1", max = "100")
    int maxSharePercent() default 10;

    @AttributeDefinition(name = "Incentive: budget cap (pounds)", min = "0")
    long budgetPounds() default 18_000_000L;

    @AttributeDefinition(name = "Incentive: open scheme years",
            description = "Financial years open for bids (2014 = 2014/15)")
    int[] schemeYears() default {2014};

    @AttributeDefinition(name = "Schemes", description = "Scheme codes a claims file may use")
    String[] schemes() default {"CNST", "ELS", "CNSGP", "ELSGP", "LTPS", "PES", "DHSC"};

}
