package uk.nhs.safety.partner.nhsi.internal.national;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import uk.nhs.safety.partner.nhsi.internal.incidents.MonthCounts;

/**
 * Avoidable harm against each member's baseline, and the lives-saved estimate: the roll-up's arithmetic, pure.
 *
 * <p><b>Harm reduction.</b> For each member with data both in the baseline months and in the current window (the
 * {@code windowMonths} months up to the latest month with data, after the baseline): B = its mean monthly
 * moderate-or-worse harm over the baseline months it reported, C = the same over the window. Reduction =
 * (ΣB − ΣC) / ΣB × 100 over those members.
 *
 * <p><b>Lives saved.</b> For each member with baseline data, for every month after the baseline up to the latest
 * month that it reported: deathFraction × (its baseline mean monthly deaths − that month's deaths) + severeFraction
 * × (its baseline mean monthly severe harm − that month's severe harm). Summed over months and members. A month
 * worse than the baseline counts against the estimate; months a member did not report count neither way.
 *
 * @param members        members in the harm reduction (with baseline and window data)
 * @param baselineMonthly ΣB, moderate-or-worse incidents a month at baseline
 * @param currentMonthly ΣC, the same over the current window
 * @param reductionPercent (ΣB − ΣC) / ΣB × 100, null when no member has both
 * @param window         the current window's first and last month, or null when there is no data after the baseline
 * @param livesMembers   members in the lives-saved estimate
 * @param deathsAvoided  Σ (baseline monthly deaths − month's deaths) over months after the baseline
 * @param severeAvoided  Σ (baseline monthly severe − month's severe) over months after the baseline
 * @param livesSaved     deathFraction × deathsAvoided + severeFraction × severeAvoided
 */
public record HarmRollup(int members, double baselineMonthly, double currentMonthly, Double reductionPercent,
                         List<YearMonth> window, int livesMembers, double deathsAvoided, double severeAvoided,
                         double livesSaved) {
    public HarmRollup {
        window = window == null ? null : List.copyOf(window);
    }

    /** The roll-up of every member's months (oldest first) up to {@code latest}. */
    public static HarmRollup of(Map<String, List<MonthCounts>> byMember, Assumptions a, YearMonth latest) {
        YearMonth windowFrom = latest == null ? null : latest.minusMonths(a.windowMonths() - 1L);
        if (windowFrom != null && !windowFrom.isAfter(a.baselineTo())) {
            windowFrom = a.baselineTo().plusMonths(1);
        }
        boolean hasWindow = latest != null && !windowFrom.isAfter(latest);
        int members = 0;
        double sumB = 0;
        double sumC = 0;
        int livesMembers = 0;
        double deaths = 0;
        double severe = 0;
        for (List<MonthCounts> months : byMember.values()) {
            double[] base = new double[3]; // moderate-or-worse, severe, death
            int baseMonths = 0;
            double current = 0;
            int currentMonths = 0;
            for (MonthCounts m : months) {
                if (!m.month().isBefore(a.baselineFrom()) && !m.month().isAfter(a.baselineTo())) {
                    base[0] += m.moderateOrWorse();
                    base[1] += m.severe();
                    base[2] += m.death();
                    baseMonths++;
                } else if (hasWindow && !m.month().isBefore(windowFrom) && !m.month().isAfter(latest)) {
                    current += m.moderateOrWorse();
                    currentMonths++;
                }
            }
            if (baseMonths == 0) {
                continue;
            }
            if (currentMonths > 0) {
                members++;
                sumB += base[0] / baseMonths;
                sumC += current / currentMonths;
            }
            boolean after = false;
            for (MonthCounts m : months) {
                if (m.month().isAfter(a.baselineTo()) && (latest == null || !m.month().isAfter(latest))) {
                    deaths += base[2] / baseMonths - m.death();
                    severe += base[1] / baseMonths - m.severe();
                    after = true;
                }
            }
            livesMembers += after ? 1 : 0;
        }
        Double reduction = members == 0 || sumB == 0 ? null : (sumB - sumC) / sumB * 100;
        return new HarmRollup(members, sumB, sumC, reduction, hasWindow ? List.of(windowFrom, latest) : null,
                livesMembers, deaths, severe, a.deathFraction() * deaths + a.severeFraction() * severe);
    }
}
