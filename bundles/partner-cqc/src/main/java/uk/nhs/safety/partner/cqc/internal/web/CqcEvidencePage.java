package uk.nhs.safety.partner.cqc.internal.web;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.text.Texts;
import uk.nhs.safety.campaign.api.web.PageScope;
import uk.nhs.safety.campaign.api.web.PartnerPage;
import uk.nhs.safety.partner.cqc.internal.CqcEvidenceService;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;

/**
 * The CQC evidence summary of a member on the campaign's public web pages ({@code /members/{ods}/partners/cqc-evidence}):
 * for each CQC key question, its quality statements with the number of evidence items found and the gaps, over the
 * partner's default period. Built from published material only (the evidence pack reads nothing else), so it may be
 * public. Every text is escaped here.
 */
@Component(service = PartnerPage.class)
public final class CqcEvidencePage implements PartnerPage {

    /** The page's id, part of its address. */
    public static final String ID = "cqc-evidence";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final CqcEvidenceService evidence;

    @Activate
    public CqcEvidencePage(@Reference CqcEvidenceService evidence) {
        this.evidence = evidence;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String partnerId() {
        return "cqc";
    }

    @Override
    public String title() {
        return "CQC evidence summary";
    }

    @Override
    public PageScope scope() {
        return PageScope.MEMBER;
    }

    @Override
    public Optional<String> render(String odsCode) {
        EvidencePack pack;
        try {
            pack = evidence.pack(odsCode, null, null);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        return Optional.of(html(pack));
    }

    static String html(EvidencePack pack) {
        StringBuilder b = new StringBuilder(8192);
        int statements = pack.keyQuestions().stream().mapToInt(k -> k.statements().size()).sum();
        b.append("<p>How the member's published pledge actions and safety improvement plan map to the CQC assessment"
                + " framework (").append(Texts.html(pack.framework().title())).append(", version ")
                .append(Texts.html(pack.framework().version())).append("), from ").append(DAY.format(pack.period().from()))
                .append(" to ").append(DAY.format(pack.period().to())).append(".</p>");
        b.append("<p>");
        if (pack.plan() == null) {
            b.append("No plan version was published by the end of the period.");
        } else {
            b.append("Plan: version ").append(pack.plan().version()).append(", <em>").append(Texts.html(pack.plan().title()))
                    .append("</em>.");
        }
        b.append(" <strong class=\"cqc-gap-count\">").append(pack.gaps().size()).append(" of ").append(statements)
                .append(" quality statements</strong> have no evidence yet.</p>");
        for (EvidencePack.KeyQuestionEvidence k : pack.keyQuestions()) {
            String id = "cqc-" + k.id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
            int items = k.statements().stream().mapToInt(s -> s.items().size()).sum();
            b.append("<section aria-labelledby=\"").append(id).append("\" class=\"cqc-key-question\">")
                    .append("<h2 id=\"").append(id).append("\">").append(Texts.html(k.name())).append("</h2>")
                    .append("<p>").append(items).append(" evidence item").append(items == 1 ? "" : "s").append(" across ")
                    .append(k.statements().size()).append(" quality statements.</p>")
                    .append("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
                    .append(Texts.html(k.name())).append(" statements\"><table><caption class=\"sr-only\">").append(Texts.html(k.name()))
                    .append(": quality statements</caption><thead><tr><th scope=\"col\">Quality statement</th>")
                    .append("<th scope=\"col\" class=\"num\">Evidence items</th><th scope=\"col\">Gap</th></tr></thead>")
                    .append("<tbody>");
            for (EvidencePack.StatementEvidence s : k.statements()) {
                b.append("<tr data-statement=\"").append(Texts.html(s.id())).append("\"><td>").append(Texts.html(s.name()))
                        .append("</td><td class=\"num\">").append(s.items().size()).append("</td><td>")
                        .append(s.gap() ? "<span class=\"gap\">Gap: no evidence</span>" : "–").append("</td></tr>");
            }
            b.append("</tbody></table></div></section>");
        }
        b.append("<section aria-labelledby=\"cqc-gaps\"><h2 id=\"cqc-gaps\">Gaps</h2>");
        if (pack.gaps().isEmpty()) {
            b.append("<p>Every quality statement has evidence.</p>");
        } else {
            b.append("<ul class=\"cqc-gaps\">");
            for (EvidencePack.Gap g : pack.gaps()) {
                b.append("<li>").append(Texts.html(g.name())).append(" <span class=\"muted\">(").append(Texts.html(g.keyQuestion()))
                        .append(")</span></li>");
            }
            b.append("</ul>");
        }
        b.append("</section>");
        return b.toString();
    }
}
