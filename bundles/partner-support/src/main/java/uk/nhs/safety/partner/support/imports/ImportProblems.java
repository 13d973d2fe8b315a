package uk.nhs.safety.partner.support.imports;

import java.util.ArrayList;
import java.util.List;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;

/**
 * What every partner import says about refused input, in one wording: at most {@link #MAX} problems in a report or a
 * refusal (the counts say how many in all), and the refusal of a whole file.
 */
public final class ImportProblems {

    /** How many problems a report or refusal carries at most. */
    public static final int MAX = 300;

    private ImportProblems() {
    }

    /** The first {@link #MAX} problems. */
    public static List<Violation> capped(List<Violation> problems) {
        return List.copyOf(problems.subList(0, Math.min(problems.size(), MAX)));
    }

    /**
     * The refusal of a file: its first problems, then one line saying how many {@code what} (rows, records) were
     * refused and that nothing was imported.
     *
     * @param rejectsFile whether a partial import of this kind writes the rejected ones to a file
     */
    public static ValidationException refusal(List<Violation> problems, long refused, String what,
                                              boolean rejectsFile) {
        List<Violation> list = new ArrayList<>(capped(problems));
        list.add(Violation.of("file", null, refused + " " + what + "(s) refused in all; nothing was imported"
                + " (import with --partial to import the valid " + what + "s"
                + (rejectsFile ? " and write the rejected ones to a file)" : ")")));
        return new ValidationException(list);
    }
}
