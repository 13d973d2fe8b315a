package uk.nhs.safety.partner.nhsi.internal.alignment;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import uk.nhs.safety.partner.nhsi.internal.alignment.Alignment.CollaborativeMatch;
import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue;
import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue.Collaborative;

/**
 * Finds a member's Patient Safety Collaborative: a configured choice for its ODS code first; else the
 * collaborative whose postcode areas hold the member's postcode area (the letters before the first digit); else
 * the one collaborative covering its region; else none, naming the candidates. Thread-safe.
 */
public final class CollaborativeFinder {

    private final Catalogue catalogue;
    private final Map<String, String> configured;

    /**
     * @param catalogue  the catalogue's collaboratives
     * @param configured collaborative key by ODS code, from the configuration
     */
    public CollaborativeFinder(Catalogue catalogue, Map<String, String> configured) {
        this.catalogue = catalogue;
        this.configured = Map.copyOf(configured);
    }

    /** The collaborative of a member with this ODS code, postcode and region (either may be null). */
    public CollaborativeMatch find(String ods, String postcode, String region) {
        String key = configured.get(ods);
        if (key != null) {
            Collaborative c = catalogue.collaborative(key).orElse(null);
            if (c != null) {
                return new CollaborativeMatch(c.key(), c.name(), "configured for " + ods, List.of());
            }
        }
        String area = area(postcode);
        if (area != null) {
            for (Collaborative c : catalogue.collaboratives()) {
                if (c.postcodeAreas().contains(area)) {
                    return new CollaborativeMatch(c.key(), c.name(), "postcode area " + area, List.of());
                }
            }
        }
        if (region != null) {
            List<Collaborative> covering = catalogue.collaboratives().stream()
                    .filter(c -> c.regions().stream().anyMatch(r -> r.equalsIgnoreCase(region.strip()))).toList();
            if (covering.size() == 1) {
                return new CollaborativeMatch(covering.get(0).key(), covering.get(0).name(), "region " + region,
                        List.of());
            }
            if (covering.size() > 1) {
                return new CollaborativeMatch(null, null, "region " + region + " is covered by "
                        + covering.size() + " collaboratives; configure the member's one",
                        covering.stream().map(Collaborative::key).toList());
            }
        }
        return new CollaborativeMatch(null, null, "no collaborative covers postcode " + postcode + " or region "
                + region, List.of());
    }

    /** The postcode area: the letters before the first digit, upper case; null when there are none. */
    static String area(String postcode) {
        if (postcode == null) {
            return null;
        }
        String p = postcode.strip().toUpperCase(Locale.ROOT);
        int i = 0;
        while (i < p.length() && i < 2 && Character.isLetter(p.charAt(i))) {
            i++;
        }
        return i == 0 || i == p.length() || !Character.isDigit(p.charAt(i)) ? null : p.substring(0, i);
    }
}
