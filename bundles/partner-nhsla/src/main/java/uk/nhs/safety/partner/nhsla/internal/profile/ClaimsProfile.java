package uk.nhs.safety.partner.nhsla.internal.profile;

import java.util.List;

/**
 * A claims profile, of one member or national, over a range of scheme (financial) years.
 *
 * @param scope        the member's ODS code, or {@code national}
 * @param fromYear     first financial year (2014 = 2014/15), inclusive
 * @param toYear       last financial year, inclusive
 * @param claims       claims in all
 * @param valuePence   their value (damages and costs) in pence
 * @param bySpecialty  by specialty, largest value first
 * @param byCause      by cause, largest value first
 * @param byScheme     by scheme, largest value first
 * @param highVolume   the high-volume specialties under {@code rule}
 * @param highValue    the high-value specialties under {@code rule}
 * @param rule         the area rule used, in words
 */
public record ClaimsProfile(String scope, int fromYear, int toYear, long claims, long valuePence,
                            List<Slice> bySpecialty, List<Slice> byCause, List<Slice> byScheme,
                            List<String> highVolume, List<String> highValue, String rule) {
    public ClaimsProfile {
        bySpecialty = List.copyOf(bySpecialty);
        byCause = List.copyOf(byCause);
        byScheme = List.copyOf(byScheme);
        highVolume = List.copyOf(highVolume);
        highValue = List.copyOf(highValue);
    }
}
