package uk.nhs.safety.partner.nhsla.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.partner.nhsla.internal.incentive.IncentiveRules;
import uk.nhs.safety.partner.nhsla.internal.profile.AreaRule;
import uk.nhs.safety.partner.nhsla.internal.profile.LinkageRules;

/**
 * The partner's configuration, checked and typed.
 *
 * @param areaRule     the high-area rule
 * @param linkage      the linkage rules
 * @param profileYears how many financial years a profile covers by default
 * @param incentive    the incentive scheme rules
 * @param schemes      the scheme codes a claims file may use
 */
public record Settings(AreaRule areaRule, LinkageRules linkage, int profileYears, IncentiveRules incentive,
                       Set<String> schemes) {
    public Settings {
        schemes = Set.copyOf(schemes);
    }

    /** Reads the configuration; a bad value is refused naming its attribute. */
    public static Settings of(NhslaConfig config) {
        AreaRule rule;
        try {
            rule = AreaRule.of(config.areaRule(), config.areaThreshold());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(Violation.of("areaRule", config.areaRule() + "/" + config.areaThreshold(),
                    "the rule is cumulative, share (threshold 1-100 %) or top (threshold at least 1)"));
        }
        if (config.budgetPounds() < 0 || config.maxSharePercent() < 1 || config.maxSharePercent() > 100) {
            throw new ValidationException(Violation.of("maxSharePercent/budgetPounds", config.maxSharePercent() + "/"
                    + config.budgetPounds(), "the share is 1-100 % and the budget not negative"));
        }
        return new Settings(rule, LinkageRules.parse(config.linkageRules()), Math.max(1, config.profileYears()),
                new IncentiveRules(config.maxSharePercent(), config.budgetPounds() * 100,
                        Arrays.stream(config.schemeYears()).boxed().collect(Collectors.toSet())),
                Arrays.stream(config.schemes()).map(s -> s.trim().toUpperCase(Locale.ROOT))
                        .collect(Collectors.toSet()));
    }

    /** The defaults, as the configuration interface declares them (for tests and the benchmark). */
    public static Settings defaults() {
        return new Settings(new AreaRule(AreaRule.Kind.CUMULATIVE, 80), LinkageRules.parse(LinkageRules.DEFAULTS), 5,
                new IncentiveRules(10, 18_000_000L * 100, Set.of(2014)),
                Set.copyOf(List.of("CNST", "ELS", "CNSGP", "ELSGP", "LTPS", "PES", "DHSC")));
    }
}
