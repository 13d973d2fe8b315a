package uk.nhs.safety.campaign.api.event;

/**
 * Topic names and event property keys. Every event is written to the durable log ({@link CampaignEventLog},
 * delivered to {@link CampaignEventSubscriber}s) in the change's own transaction, and posted through EventAdmin on the
 * node that made the change, asynchronously, after the write has committed.
 *
 * <p>Property types are the same on EventAdmin and in the log: text is {@link String}, whole numbers are
 * {@link Long}, decimal numbers are {@link Double}, dates are ISO-8601 text.
 */
public final class CampaignTopics {

    /** Prefix of every campaign topic. */
    public static final String PREFIX = "uk/nhs/safety/campaign/";

    /**
 * An organisation signed up (by hand or by ODS import: one event per member joined). Properties: {@code odsCode}
 * (String), {@code actor} (String).
 */
    public static final String MEMBER_JOINED = PREFIX + "member/JOINED";
    /**
     * A member's record changed: it withdrew, or an ODS import refreshed its details (name, region, postcode, dates).
     * Properties: {@code odsCode} (String), {@code actor} (String).
     */
    public static final String MEMBER_UPDATED = PREFIX + "member/UPDATED";

    /**
 * A member published a pledge action. Properties: {@code odsCode} (String), {@code actor} (String),
 * {@code actionId} (Long), {@code pledge} (String, the {@code Pledge} constant's name).
 */
    public static final String ACTIONS_PUBLISHED = PREFIX + "pledge/ACTIONS_PUBLISHED";
    /**
     * A member changed the content of a pledge action, published or draft (a published one stays published).
     * Properties: {@code odsCode} (String), {@code actor} (String), {@code actionId} (Long).
     */
    public static final String ACTION_UPDATED = PREFIX + "pledge/ACTION_UPDATED";

    /**
 * A member published a plan version. Properties: {@code odsCode} (String), {@code actor} (String),
 * {@code planVersion} (Long, the number of the version published: 1, 2, …).
 */
    public static final String PLAN_PUBLISHED = PREFIX + "plan/PUBLISHED";

    /**
 * A measurement was recorded. Properties: {@code odsCode} (String), {@code actor} (String), {@code measureKey}
 * (String), {@code period} (String, ISO date of the month's first day, e.g. {@code 2015-04-01}), {@code value}
 * (Double).
 */
    public static final String MEASUREMENT_RECORDED = PREFIX + "measure/RECORDED";

    /** The member's ODS code (String). */
    public static final String ODS_CODE = "odsCode";
    /** Who made the change (String). */
    public static final String ACTOR = "actor";
    /** The pledge action's id (Long). */
    public static final String ACTION_ID = "actionId";
    /** The pledge's name (String). */
    public static final String PLEDGE = "pledge";
    /** The published plan version number (Long). */
    public static final String PLAN_VERSION = "planVersion";
    /** The measure's key (String). */
    public static final String MEASURE_KEY = "measureKey";
    /** The measurement's month, as an ISO date (String). */
    public static final String PERIOD = "period";
    /** The measured value (Double). */
    public static final String VALUE = "value";

    private CampaignTopics() {
    }
}
