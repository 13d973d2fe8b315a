package uk.nhs.safety.campaign.api.web;

/** Where a {@link PartnerPage} belongs. */
public enum PageScope {
    /** One page per member, linked from the member's public page ({@code /members/{ods}/partners/{page id}}). */
    MEMBER,
    /** One national page, linked from the national dashboard ({@code /partners/{page id}}). */
    NATIONAL
}
