package uk.nhs.safety.campaign.api;

import java.util.List;

/**
 * A driver diagram: one aim, primary drivers, secondary drivers and change ideas. Keys are unique across the
 * whole diagram; the reserved key {@value #AIM} names the aim itself (measures link to it).
 *
 * @param aim              the aim: specific, measurable, time-bound (required)
 * @param primaryDrivers   primary drivers
 * @param secondaryDrivers secondary drivers, each linked to existing primary drivers
 * @param changeIdeas      change ideas, each linked to existing secondary drivers
 */
public record DriverDiagram(String aim, List<PrimaryDriver> primaryDrivers, List<SecondaryDriver> secondaryDrivers,
                            List<ChangeIdea> changeIdeas) {

    /** The key a measure uses to link to the aim. */
    public static final String AIM = "aim";

    public DriverDiagram {
        primaryDrivers = primaryDrivers == null ? List.of() : List.copyOf(primaryDrivers);
        secondaryDrivers = secondaryDrivers == null ? List.of() : List.copyOf(secondaryDrivers);
        changeIdeas = changeIdeas == null ? List.of() : List.copyOf(changeIdeas);
    }
}
