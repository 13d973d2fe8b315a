package uk.nhs.safety.campaign.model.internal.ods;

import java.time.LocalDate;

import uk.nhs.safety.campaign.api.OrganisationType;

/**
 * One organisation read from an ODS extract.
 *
 * @param line      1-based line of the file it came from
 * @param odsCode   ODS code, upper case
 * @param name      organisation name
 * @param type      organisation type (classified from the code and name)
 * @param region    region name from the region letter (GOR), or {@code null} when the row has none
 * @param postcode  postcode, or {@code null}
 * @param openDate  open date, or {@code null}
 * @param closeDate close date, or {@code null} while open
 */
public record OdsRecord(int line, String odsCode, String name, OrganisationType type, String region, String postcode,
                        LocalDate openDate, LocalDate closeDate) {
}
