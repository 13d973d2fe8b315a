package uk.nhs.safety.campaign.api;

import java.util.List;

/**
 * A secondary driver, serving one or more primary drivers.
 *
 * @param key         identifier unique within the diagram (e.g. {@code S1})
 * @param text        the driver
 * @param primaryKeys keys of the primary drivers it serves (at least one, all existing)
 */
public record SecondaryDriver(String key, String text, List<String> primaryKeys) {
    public SecondaryDriver {
        primaryKeys = primaryKeys == null ? List.of() : List.copyOf(primaryKeys);
    }
}
