package uk.nhs.safety.campaign.api;

import java.util.List;

/** Input was refused; nothing was changed. Carries every violation found, not only the first. */
public final class ValidationException extends CampaignException {
    private static final long serialVersionUID = 1L;
    private final List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public ValidationException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        String first = violations.get(0).toString();
        return violations.size() == 1 ? first : first + " (and " + (violations.size() - 1) + " more)";
    }
}
