package uk.nhs.safety.partner.cqc.internal.evidence;

import java.util.List;

/**
 * The quality statements a member has no evidence for.
 *
 * @param odsCode   the member
 * @param framework the framework version
 * @param gaps      the statements, in the framework's order
 */
public record GapReport(String odsCode, String framework, List<EvidencePack.Gap> gaps) {
    public GapReport {
        gaps = List.copyOf(gaps);
    }

    /** The gaps of a pack. */
    public static GapReport of(EvidencePack pack) {
        return new GapReport(pack.odsCode(), pack.framework().version(), pack.gaps());
    }
}
