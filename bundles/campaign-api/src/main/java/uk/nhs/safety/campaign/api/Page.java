package uk.nhs.safety.campaign.api;

import java.util.List;

/** One page of a longer list: the items, and how many there are in all. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }
}
