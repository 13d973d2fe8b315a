package uk.nhs.safety.campaign.api;

import java.util.Locale;

/** The campaign's five pledges, a fixed catalogue. */
public enum Pledge {
    PUT_SAFETY_FIRST(1, "Put safety first",
            "Commit to reduce avoidable harm in the NHS by half and make public our locally developed goals and plans."),
    CONTINUALLY_LEARN(2, "Continually learn",
            "Make our organisations more resilient to risks, by acting on the feedback from patients and staff and by"
                    + " constantly measuring and monitoring how safe our services are."),
    BE_HONEST(3, "Be honest",
            "Be transparent with people about our progress to tackle patient safety issues and support staff to be"
                    + " candid with patients and their families if something goes wrong."),
    COLLABORATE(4, "Collaborate",
            "Take a lead role in supporting local collaborative learning, so that improvements are made across all of"
                    + " the local services that patients use."),
    BE_SUPPORTIVE(5, "Be supportive",
            "Help people understand why things go wrong and how to put them right. Give staff the time and support to"
                    + " improve and celebrate the progress.");

    private final int number;
    private final String title;
    private final String description;

    Pledge(int number, String title, String description) {
        this.number = number;
        this.title = title;
        this.description = description;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /**
     * Parses a pledge from its number (1–5), name or title, ignoring case, spaces and punctuation in names and titles.
     * A number is taken only as it is written: {@code -1} or {@code 1.0} is no pledge.
     */
    public static Pledge parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        boolean number = !trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit);
        String key = trimmed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (Pledge p : values()) {
            if (number ? trimmed.equals(String.valueOf(p.number))
                    : key.equals(p.name().toLowerCase(Locale.ROOT).replace("_", ""))
                    || key.equals(p.title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""))) {
                return p;
            }
        }
        throw new ValidationException(Violation.of("pledge", text, "unknown pledge; give 1 to 5 or a pledge title"));
    }
}
