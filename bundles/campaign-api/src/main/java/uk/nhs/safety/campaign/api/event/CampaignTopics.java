package uk.nhs.safety.campaign.api.event;

/** Topic names and event property keys. Events are posted asynchronously after the write has committed. */
public final class CampaignTopics {

    /** Prefix of every campaign topic. */
    public static final String PREFIX = "uk/nhs/safety/campaign/";

    /** An organisation signed up (by hand or by ODS import). Properties: odsCode, actor. */
    public static final String MEMBER_JOINED = PREFIX + "member/JOINED";

    /** A member published a pledge action. Properties: odsCode, actor, actionId, pledge. */
    public static final String ACTIONS_PUBLISHED = PREFIX + "pledge/ACTIONS_PUBLISHED";

    /** A member published a plan version. Properties: odsCode, actor, planVersion. */
    public static final String PLAN_PUBLISHED = PREFIX + "plan/PUBLISHED";

    /** A measurement was recorded. Properties: odsCode, actor, measureKey, period (ISO date), value. */
    public static final String MEASUREMENT_RECORDED = PREFIX + "measure/RECORDED";

    public static final String ODS_CODE = "odsCode";
    public static final String ACTOR = "actor";
    public static final String ACTION_ID = "actionId";
    public static final String PLEDGE = "pledge";
    public static final String PLAN_VERSION = "planVersion";
    public static final String MEASURE_KEY = "measureKey";
    public static final String PERIOD = "period";
    public static final String VALUE = "value";

    private CampaignTopics() {
    }
}
