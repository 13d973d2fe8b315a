package uk.nhs.safety.partner.nhsi.internal.national;

import java.time.YearMonth;

/**
 * The roll-up's configurable assumptions.
 *
 * @param baselineFrom    first month of each member's baseline
 * @param baselineTo      last month of the baseline
 * @param windowMonths    the "current" period: this many months up to the latest month with data
 * @param deathFraction   share of a fall in incidents reported as death counted as lives saved (0-1)
 * @param severeFraction  share of a fall in severe-harm incidents counted as lives saved (0-1)
 * @param harmGoalPercent the campaign's reduction goal for avoidable harm (50: halve it)
 * @param livesGoal       the campaign's lives-saved goal (6,000)
 */
public record Assumptions(YearMonth baselineFrom, YearMonth baselineTo, int windowMonths, double deathFraction,
                          double severeFraction, double harmGoalPercent, long livesGoal) {
}
