package uk.nhs.safety.partner.nhsla.internal.claims;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes realistic synthetic NHS LA claims files of any size, for demonstrations, tests and the benchmark. The mix
 * follows the real one (DOMAIN.md): obstetrics about 12% of claims by number but about 60% by value; emergency
 * medicine and orthopaedic surgery about 12% each by number. Obstetric claims are on average eleven times as costly
 * as the rest (12k / (12k + 88) = 0.6 gives k = 11). Deterministic for a seed; streams (constant memory).
 */
public final class ClaimsGenerator {

    /** Specialty, share of claims by number (per mille), relative mean value, and its usual causes. */
    private record Specialty(String name, int perMille, double meanValue, String[] causes) {
    }

    private static final String[] COMMON = {"Failure/Delay Diagnosis", "Fail/Delay Treatment", "Wrong Diagnosis",
        "Failure to Warn - Informed Consent", "Intraoperative Problems", "Failure to Recognise Complications",
        "Medication Error", "Failure to Monitor"};

    private static final List<Specialty> SPECIALTIES = List.of(
            new Specialty("Obstetrics", 120, 11.0, new String[] {"Fail to Respond to Abnormal Fetal Heart Rate",
                "Failure to Monitor", "Failure/Delay Treatment", "Intraoperative Problems",
                "Failure to Recognise Complications"}),
            new Specialty("Emergency Medicine", 120, 1.0, new String[] {"Failure/Delay Diagnosis", "Wrong Diagnosis",
                "Fail/Delay Treatment", "Failure to Recognise Complications"}),
            new Specialty("Orthopaedic Surgery", 120, 1.0, COMMON),
            new Specialty("General Surgery", 100, 1.0, COMMON),
            new Specialty("General Medicine", 80, 1.0, COMMON),
            new Specialty("Nursing", 60, 1.0, new String[] {"Fall", "Pressure Ulcer", "Failure to Monitor",
                "Medication Error"}),
            new Specialty("Gynaecology", 50, 1.0, COMMON),
            new Specialty("Mental Health", 50, 1.0, new String[] {"Failure to Monitor", "Fail/Delay Treatment",
                "Medication Error"}),
            new Specialty("Radiology", 40, 1.0, new String[] {"Failure/Delay Diagnosis", "Wrong Diagnosis"}),
            new Specialty("Paediatrics", 40, 1.0, COMMON),
            new Specialty("Urology", 40, 1.0, COMMON),
            new Specialty("Cardiology", 30, 1.0, COMMON),
            new Specialty("Ophthalmology", 30, 1.0, COMMON),
            new Specialty("Oncology", 30, 1.0, COMMON),
            new Specialty("Anaesthesia", 20, 1.0, COMMON),
            new Specialty("Neurosurgery", 20, 1.0, COMMON),
            new Specialty("Dental", 50, 1.0, COMMON));

    private static final String[] INJURIES = {"Unnecessary Pain", "Additional Surgery", "Fatality", "Brain Damage",
        "Loss of Movement", "Psychiatric/Psychological Damage", "Scarring", "Poor Outcome"};

    /** Mean value of a non-obstetric claim, pounds (damages and both sides' costs, paid claims and nil ones). */
    private static final double MEAN_POUNDS = 60_000;

    private final List<String> odsCodes;
    private final SplittableRandom random;
    private final int lastYear;

    /**
     * @param odsCodes the members the claims are spread over
     * @param seed     the random seed (same seed, same file)
     * @param lastYear the latest financial year notified (claims spread over the ten years up to it)
     */
    public ClaimsGenerator(List<String> odsCodes, long seed, int lastYear) {
        this.odsCodes = List.copyOf(odsCodes);
        this.random = new SplittableRandom(seed);
        this.lastYear = lastYear;
    }

    /** Writes a header and {@code rows} claims; references are {@code prefix} and a number from 1. */
    public void write(Writer out, long rows, String prefix) throws IOException {
        out.write(String.join(",", ClaimsCsv.COLUMNS));
        out.write('\n');
        StringBuilder b = new StringBuilder(256);
        for (long i = 1; i <= rows; i++) {
            b.setLength(0);
            Specialty s = pick();
            String cause = s.causes()[random.nextInt(s.causes().length)];
            LocalDate notified = LocalDate.of(lastYear - 9, 4, 1).plusDays(random.nextInt(3650));
            LocalDate incident = notified.minusDays(30 + random.nextInt(s.name().equals("Obstetrics") ? 3000 : 1000));
            String scheme = incident.isBefore(ClaimsCsv.CNST_START) ? "ELS" : "CNST";
            int st = random.nextInt(100);
            // About a third open, a third closed without damages, a third settled.
            String status = st < 30 ? "open" : st < 65 ? "closed" : "settled";
            // An exponential spread around the specialty's mean; nil claims still carry defence costs.
            double total = -Math.log(1 - random.nextDouble()) * MEAN_POUNDS * s.meanValue();
            long defence = (long) (total * 0.12 * 100);
            long claimant = status.equals("closed") ? 0 : (long) (total * 0.18 * 100);
            long damages = status.equals("settled") ? Math.max(100, (long) (total * 0.70 * 100))
                    : status.equals("open") && random.nextInt(10) == 0 ? (long) (total * 0.2 * 100) : 0;
            if (status.equals("closed")) {
                defence = (long) (total * 100); // nil claims cost the defence only; keeps the value share right
            }
            b.append(prefix).append(i).append(',')
                    .append(odsCodes.get(random.nextInt(odsCodes.size()))).append(',')
                    .append(scheme).append(',').append(s.name()).append(',').append(cause).append(',')
                    .append(INJURIES[random.nextInt(INJURIES.length)]).append(',')
                    .append(incident).append(',').append(notified).append(',').append(status).append(',');
            money(b, damages).append(',');
            money(b, defence).append(',');
            money(b, claimant).append('\n');
            out.append(b);
        }
        out.flush();
    }

    private Specialty pick() {
        int r = random.nextInt(1000);
        for (Specialty s : SPECIALTIES) {
            r -= s.perMille();
            if (r < 0) {
                return s;
            }
        }
        return SPECIALTIES.get(SPECIALTIES.size() - 1);
    }

    private static StringBuilder money(StringBuilder b, long pence) {
        b.append(pence / 100).append('.');
        long p = pence % 100;
        return b.append(p < 10 ? "0" : "").append(p);
    }
}
