package uk.nhs.safety.campaign.api.partner;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Evidence a partner offers about members, registered as an OSGi service. Core lists the contributors installed
 * now ({@link PartnerRegistry#evidenceContributors()}); evidence consumers (the CQC evidence pack) ask each of them
 * and name the source of every item.
 *
 * <p>Implementations must be thread-safe and answer from the partner's own data without remote calls. A
 * contributor that fails throws; the consumer reports that source as unavailable and goes on with the others.
 */
@ConsumerType
public interface EvidenceContributor {

    /** The contributing partner's id. */
    String source();

    /**
     * The evidence about one member dated within a period.
     *
     * @param odsCode the member's ODS code
     * @param from    first day of the period, inclusive
     * @param to      last day of the period, inclusive
     * @return the items, in the order a reader should see them; empty when there are none
     */
    List<EvidenceItem> evidence(String odsCode, LocalDate from, LocalDate to);
}
