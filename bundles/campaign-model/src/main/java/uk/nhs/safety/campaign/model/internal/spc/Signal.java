package uk.nhs.safety.campaign.model.internal.spc;

import java.util.Objects;

import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.SpecialCause;
import uk.nhs.safety.campaign.api.spc.Variation;

/**
 * The special cause that flags a point and the side it points to.
 *
 * @param cause the highest-precedence rule that flagged the point
 * @param high  true for above the mean (or an increasing trend), false for below (or a decreasing trend)
 */
record Signal(SpecialCause cause, boolean high) {

    Signal {
        Objects.requireNonNull(cause, "cause");
    }

    Variation variation(ImprovementDirection direction) {
        return switch (direction) {
            case UP -> high ? Variation.IMPROVEMENT_HIGH : Variation.CONCERN_LOW;
            case DOWN -> high ? Variation.CONCERN_HIGH : Variation.IMPROVEMENT_LOW;
            case NEUTRAL -> high ? Variation.NEUTRAL_HIGH : Variation.NEUTRAL_LOW;
        };
    }
}
