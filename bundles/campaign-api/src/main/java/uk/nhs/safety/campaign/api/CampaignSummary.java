package uk.nhs.safety.campaign.api;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The campaign at a glance, as the national dashboard shows it: how many members there are, how many signed up in
 * each month, and every member's latest published plan version. Read by {@link MemberService#summary()} with a
 * handful of aggregate queries, whatever the number of members.
 *
 * @param members        every member, withdrawn and closed ones included
 * @param active         the members whose status is {@link MemberStatus#ACTIVE}
 * @param joinedByMonth  members by the month they joined, oldest first; months nobody joined are absent
 * @param publishedPlans each member with a published plan: its latest version, by ODS code
 */
public record CampaignSummary(int members, int active, SortedMap<YearMonth, Integer> joinedByMonth,
                              List<PublishedPlan> publishedPlans) {

    public CampaignSummary {
        joinedByMonth = Collections.unmodifiableSortedMap(new TreeMap<>(joinedByMonth));
        publishedPlans = List.copyOf(publishedPlans);
    }

    /**
     * A member's latest published plan version, without its content.
     *
     * @param odsCode     the member
     * @param name        the member's name
     * @param title       the plan's title as published
     * @param version     the version number (1, 2, …)
     * @param publishedAt when that version was published
     */
    public record PublishedPlan(String odsCode, String name, String title, int version, Instant publishedAt) {
    }
}
