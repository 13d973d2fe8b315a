package uk.nhs.safety.partner.nhsi.internal.alignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import uk.nhs.safety.campaign.api.ChangeIdea;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PrimaryDriver;
import uk.nhs.safety.campaign.api.SecondaryDriver;
import uk.nhs.safety.partner.nhsi.internal.alignment.Alignment.CollaborativeMatch;
import uk.nhs.safety.partner.nhsi.internal.alignment.Alignment.PriorityAlignment;
import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue;
import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue.Priority;

/**
 * The alignment rules ({@link Alignment#RULE}), as a pure function of the catalogue, the member, its published plan
 * and its incident counts. Thread-safe.
 */
public final class AlignmentRules {

    /** Most evidence items kept per priority. */
    static final int MAX_EVIDENCE = 5;

    private final Catalogue catalogue;

    public AlignmentRules(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The member as the rules read it. */
    public record MemberFacts(String odsCode, String name, OrganisationType type, String region) {
    }

    /**
     * Aligns one member.
     *
     * @param member        the member
     * @param planStatus    published, unpublished or none
     * @param planVersion   the published version number, 0 when none
     * @param plan          the published plan's content, or null when none is published
     * @param incidents     the member's incidents by category key over the alignment window (any harm)
     * @param collaborative its collaborative
     */
    public Alignment align(MemberFacts member, String planStatus, int planVersion, PlanContent plan,
                           Map<String, Long> incidents, CollaborativeMatch collaborative) {
        List<PriorityAlignment> rows = new ArrayList<>();
        int expected = 0;
        int addressed = 0;
        List<Text> texts = plan == null ? List.of() : texts(plan);
        for (Priority p : catalogue.priorities()) {
            boolean applies = p.appliesTo().contains(member.type());
            String why = applies ? why(p, member.type(), incidents) : null;
            List<String> evidence = plan == null ? List.of() : evidence(p, plan, texts);
            boolean isAddressed = !evidence.isEmpty();
            rows.add(new PriorityAlignment(p.key(), p.name(), applies, why != null, why, isAddressed, evidence));
            if (why != null) {
                expected++;
                if (isAddressed) {
                    addressed++;
                }
            }
        }
        Double coverage = expected == 0 ? null : Math.round(1000.0 * addressed / expected) / 10.0;
        return new Alignment(member.odsCode(), member.name(), member.type(), member.region(), planStatus,
                planVersion, collaborative, catalogue.version(), rows, expected, addressed, coverage, Alignment.RULE);
    }

    private static String why(Priority p, OrganisationType type, Map<String, Long> incidents) {
        if (p.expectedFor().contains(type)) {
            return "expected of every " + type.label().toLowerCase(Locale.ROOT);
        }
        if (p.trigger() != null) {
            long n = p.trigger().categories().stream().mapToLong(c -> incidents.getOrDefault(c, 0L)).sum();
            long all = incidents.values().stream().mapToLong(Long::longValue).sum();
            double share = all == 0 ? 0 : 100.0 * n / all;
            double minShare = p.trigger().minSharePercent();
            if (n >= p.trigger().minIncidents() && share >= minShare) {
                return n + " incident(s) in " + String.join(", ", p.trigger().categories())
                        + (minShare > 0 ? String.format(Locale.ROOT, ", %.1f%% of its incidents", share) : "")
                        + " (trigger " + p.trigger().minIncidents()
                        + (minShare > 0 ? String.format(Locale.ROOT, " and %s%%", trim(minShare)) : "") + ")";
            }
        }
        return null;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** A piece of the plan's text and where it is. */
    private record Text(String where, String text) {
    }

    private static List<Text> texts(PlanContent plan) {
        List<Text> t = new ArrayList<>();
        if (plan.diagram() != null) {
            t.add(new Text("aim", plan.diagram().aim()));
            for (PrimaryDriver d : plan.diagram().primaryDrivers()) {
                t.add(new Text("driver " + d.key(), d.text()));
            }
            for (SecondaryDriver d : plan.diagram().secondaryDrivers()) {
                t.add(new Text("driver " + d.key(), d.text()));
            }
            for (ChangeIdea c : plan.diagram().changeIdeas()) {
                t.add(new Text("change idea " + c.key(), c.text()));
            }
        }
        for (Measure m : plan.measures()) {
            t.add(new Text("measure " + m.key(), m.key().replace('-', ' ') + " " + m.name() + " "
                    + (m.definition() == null ? "" : m.definition())));
        }
        return t;
    }

    private static List<String> evidence(Priority p, PlanContent plan, List<Text> texts) {
        List<String> found = new ArrayList<>();
        for (String area : p.focusAreas()) {
            if (plan.focusAreas().contains(area)) {
                found.add("focus area " + area);
            }
        }
        for (String keyword : p.keywords()) {
            // A keyword counts at the start of a word; a hyphenated word is one word ("de-escalation" is not
            // "escalation").
            Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}-])" + Pattern.quote(keyword));
            for (Text t : texts) {
                if (found.size() >= MAX_EVIDENCE) {
                    return found;
                }
                if (t.text() != null && word.matcher(t.text().toLowerCase(Locale.ROOT)).find()) {
                    found.add(t.where() + ": '" + keyword + "'");
                    break; // one place per keyword is enough evidence
                }
            }
        }
        return found.size() > MAX_EVIDENCE ? found.subList(0, MAX_EVIDENCE) : found;
    }
}
