package uk.nhs.safety.campaign.model.internal.demo;

import static uk.nhs.safety.campaign.model.internal.demo.SeriesBuilder.ramp;
import static uk.nhs.safety.campaign.model.internal.demo.SeriesBuilder.step;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.ChangeIdea;
import uk.nhs.safety.campaign.api.DriverDiagram;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureType;
import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.NewAction;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PrimaryDriver;
import uk.nhs.safety.campaign.api.SecondaryDriver;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;

/**
 * The demo content: six real trusts from the ODS extract with complete safety improvement plans, monthly
 * measurements and pledge actions, as a member of each kind might have written them in 2014. Pure and
 * deterministic: the same content on every call and every start. Everything is labelled as demo.
 */
public final class DemoContent {

    /** The actor every demo write is made by. */
    public static final String ACTOR = "system:demo";
    /** Every demo plan title starts with this. */
    public static final String TITLE_PREFIX = "[DEMO] ";
    /** Every demo action text ends with this. */
    public static final String ACTION_SUFFIX = " (demo)";
    /** The campaign launched in June 2014; plans ran from the start of the 2014/15 financial year. */
    public static final LocalDate PERIOD_START = LocalDate.of(2014, 4, 1);
    public static final LocalDate PERIOD_END = PERIOD_START.plusYears(3).minusDays(1);

    /**
     * An action to add, and whether to publish it.
     *
     * @param action  the action's content
     * @param publish true to publish it, false to leave it a draft
     */
    public record DemoAction(NewAction action, boolean publish) {
    }

    /**
     * One demo member's content.
     *
     * @param odsCode      the trust's ODS code (a trust in the bundled extract)
     * @param type         the type the extract's classification gives the trust
     * @param plan         the plan to save and publish
     * @param actions      pledge actions, in the order to add them
     * @param measurements monthly values per measure key, oldest first
     */
    public record DemoMember(String odsCode, OrganisationType type, PlanContent plan, List<DemoAction> actions,
                             Map<String, List<Measurement>> measurements) {
    }

    /** The demo members, in seeding order. */
    public List<DemoMember> members() {
        return List.of(deterioratingPatient(), olderPeople(), maternity(), medicines(), ambulance(), mentalHealth());
    }

    // --- Cambridge University Hospitals: deteriorating patient and sepsis -----------------------------------

    private static DemoMember deterioratingPatient() {
        String ods = "RGT";
        DriverDiagram diagram = new DriverDiagram(
                "Reduce cardiac arrests outside critical care by 50% by March 2017 (from 1.6 to 0.8 per 1,000 adult"
                        + " admissions)",
                List.of(primary("P1", "Reliable recognition of the deteriorating adult"),
                        primary("P2", "Timely escalation and a senior response"),
                        primary("P3", "Early recognition and treatment of sepsis"),
                        primary("P4", "A ward culture in which every member of staff escalates concerns")),
                List.of(secondary("S1", "Complete, timely observations with a NEWS score on every adult ward", "P1"),
                        secondary("S2", "An escalation protocol linked to the NEWS score, known by every nurse and"
                                + " doctor", "P1", "P2"),
                        secondary("S3", "Critical care outreach response within 30 minutes, 24 hours a day", "P2"),
                        secondary("S4", "Sepsis screening for every patient with NEWS 5 or more or a suspected"
                                + " infection", "P1", "P3"),
                        secondary("S5", "The Sepsis Six delivered within one hour of red-flag sepsis", "P3"),
                        secondary("S6", "Structured handover (SBAR) and daily safety huddles", "P2", "P4")),
                List.of(idea("C1", "Electronic observations with automatic NEWS calculation and alerts to the"
                                + " nurse in charge", "S1"),
                        idea("C2", "NEWS escalation card on every observation machine", "S2"),
                        idea("C3", "Outreach review of every patient with NEWS 7 or more within 30 minutes", "S3"),
                        idea("C4", "Sepsis screening tool in the emergency department and on the acute medical"
                                + " unit", "S4"),
                        idea("C5", "Sepsis grab bags with antibiotics and blood culture sets on every ward", "S5"),
                        idea("C6", "Twice-daily ward safety huddles", "S6"),
                        idea("C7", "SBAR training for all registered nurses and foundation doctors", "S2", "S6")));
        List<Measure> measures = List.of(
                measure("cardiac-arrests-per-1000", "Cardiac arrests outside critical care", MeasureType.OUTCOME,
                        "Adult in-patients outside ICU, HDU, theatres and the emergency department who had a"
                                + " cardiac arrest call (2222) and CPR, divided by adult admissions in the month,"
                                + " times 1,000",
                        "per 1,000 admissions", ImprovementDirection.DOWN, 1.6, 0.8, DriverDiagram.AIM),
                measure("news-obs-on-time", "Observations on time with NEWS", MeasureType.PROCESS,
                        "Audited adult in-patients whose last set of observations was complete, scored with NEWS"
                                + " and done on time for their NEWS frequency, as a percentage of those audited"
                                + " (20 patients per ward per month)",
                        "%", ImprovementDirection.UP, 72.0, 95.0, "P1"),
                measure("sepsis-antibiotics-1h", "Antibiotics within one hour for red-flag sepsis",
                        MeasureType.PROCESS,
                        "Adults with red-flag sepsis given intravenous antibiotics within 60 minutes of the"
                                + " red flag, as a percentage of adults with red-flag sepsis",
                        "%", ImprovementDirection.UP, 48.0, 90.0, "P3"),
                measure("outreach-response-30min", "Outreach response within 30 minutes", MeasureType.PROCESS,
                        "Calls to critical care outreach for NEWS 7 or more answered by a review within 30"
                                + " minutes, as a percentage of such calls",
                        "%", ImprovementDirection.UP, 78.0, 95.0, "S3"),
                measure("unplanned-icu-admissions", "Unplanned admissions to critical care", MeasureType.BALANCING,
                        "Unplanned admissions from the wards to ICU or HDU per 1,000 adult admissions: earlier"
                                + " escalation must not simply fill critical care",
                        "per 1,000 admissions", ImprovementDirection.NEUTRAL, 4.2, null, DriverDiagram.AIM));
        int months = 36;
        Map<String, List<Measurement>> series = series(
                new SeriesBuilder(ods + "/cardiac-arrests-per-1000", PERIOD_START, months)
                        .level(i -> step(i, 1.6, 12, 0.95) - (i >= 24 ? 0.1 : 0)).noise(0.12).decimals(2)
                        .note(12, "Electronic observations with NEWS alerts live on all adult wards"),
                new SeriesBuilder(ods + "/news-obs-on-time", PERIOD_START, months)
                        .level(i -> ramp(i, 72, 94, 3, 24)).noise(1.5).range(0, 100)
                        .note(3, "Electronic observations pilot on two wards"),
                new SeriesBuilder(ods + "/sepsis-antibiotics-1h", PERIOD_START, months)
                        .level(i -> i < 9 ? 48 : ramp(i, 63, 86, 9, 30)).noise(3).range(0, 100)
                        .note(9, "Sepsis grab bags on every ward"),
                new SeriesBuilder(ods + "/outreach-response-30min", PERIOD_START, months)
                        .level(i -> step(i, 78, 15, 89)).noise(2.5).range(0, 100)
                        .note(15, "Outreach team extended to 24 hours"),
                new SeriesBuilder(ods + "/unplanned-icu-admissions", PERIOD_START, months)
                        .level(i -> 4.2).noise(0.3).decimals(2)
                        .outlier(21, 6.4, "Winter pressures: escalation beds open"));
        return new DemoMember(ods, OrganisationType.ACUTE, plan(
                "Recognising and responding to the deteriorating patient 2014-2017",
                List.of("deteriorating-patient", "sepsis", "aki"), diagram, measures),
                actions("deterioration and sepsis", "halve cardiac arrests outside critical care by March 2017",
                        "Roll out electronic observations with NEWS alerts to every adult ward", "Chief Nurse",
                        "East of England Patient Safety Collaborative", "ward"),
                series);
    }

    // --- Royal Wolverhampton: falls and pressure ulcers ------------------------------------------------------

    private static DemoMember olderPeople() {
        String ods = "RL4";
        DriverDiagram diagram = new DriverDiagram(
                "Reduce in-patient falls by 25% (from 6.8 to 5.1 per 1,000 bed days) and hospital-acquired grade 2+"
                        + " pressure ulcers by 50% (from 1.4 to 0.7 per 1,000 bed days) by March 2017",
                List.of(primary("P1", "Every patient's risk of falling is assessed and acted on"),
                        primary("P2", "Every patient's skin is assessed and protected"),
                        primary("P3", "Staff have the skills, time and equipment to prevent harm"),
                        primary("P4", "Patients and families are partners in preventing harm")),
                List.of(secondary("S1", "Multifactorial falls risk assessment within 24 hours of admission", "P1"),
                        secondary("S2", "Lying and standing blood pressure and a medicines review for patients at"
                                + " risk of falls", "P1"),
                        secondary("S3", "The SSKIN bundle for every patient at risk of pressure damage", "P2"),
                        secondary("S4", "Pressure-relieving equipment at the bedside within 4 hours", "P2", "P3"),
                        secondary("S5", "Intentional rounding and enhanced observation for high-risk patients", "P1",
                                "P2", "P3"),
                        secondary("S6", "Patients and carers know their risks and how to help", "P4")),
                List.of(idea("C1", "Falls risk assessment built into the admission document", "S1"),
                        idea("C2", "Lying and standing blood pressure prompt on the observation chart", "S2"),
                        idea("C3", "Pharmacist review of sedatives and antihypertensives for patients over 65",
                                "S2"),
                        idea("C4", "SSKIN bundle with daily skin inspection shown on the ward board", "S3"),
                        idea("C5", "Equipment library with mattress delivery 24 hours a day", "S4"),
                        idea("C6", "Hourly intentional rounding on wards caring for older people", "S5"),
                        idea("C7", "Bay watch: a member of staff always present in bays of high-risk patients", "S5"),
                        idea("C8", "Bedside information for families on falls and pressure ulcers", "S6")));
        List<Measure> measures = List.of(
                measure("falls-per-1000", "In-patient falls", MeasureType.OUTCOME,
                        "In-patient falls reported on the incident system, divided by occupied bed days in the"
                                + " month, times 1,000",
                        "per 1,000 bed days", ImprovementDirection.DOWN, 6.8, 5.1, DriverDiagram.AIM),
                measure("pressure-ulcers-grade2-per-1000", "Hospital-acquired pressure ulcers grade 2+",
                        MeasureType.OUTCOME,
                        "New pressure ulcers of grade 2 or above that developed 72 hours or more after admission,"
                                + " confirmed by a tissue viability nurse, per 1,000 occupied bed days",
                        "per 1,000 bed days", ImprovementDirection.DOWN, 1.4, 0.7, DriverDiagram.AIM),
                measure("falls-risk-assessed-24h", "Falls risk assessed within 24 hours", MeasureType.PROCESS,
                        "Audited in-patients aged 65 or over with a completed multifactorial falls risk"
                                + " assessment within 24 hours of admission, as a percentage of those audited",
                        "%", ImprovementDirection.UP, 61.0, 95.0, "S1"),
                measure("sskin-compliance", "SSKIN bundle compliance", MeasureType.PROCESS,
                        "Audited at-risk in-patients with every SSKIN element documented in the last 24 hours,"
                                + " as a percentage of those audited",
                        "%", ImprovementDirection.UP, 70.0, 95.0, "S3"),
                measure("enhanced-observation-hours", "Enhanced observation hours", MeasureType.BALANCING,
                        "Nursing hours of one-to-one enhanced observation per 1,000 occupied bed days: the cost"
                                + " of keeping high-risk patients safe",
                        "hours per 1,000 bed days", ImprovementDirection.NEUTRAL, 38.0, null, "S5"));
        int months = 33;
        Map<String, List<Measurement>> series = series(
                new SeriesBuilder(ods + "/falls-per-1000", PERIOD_START, months)
                        .level(i -> ramp(i, 6.8, 5.0, 8, 14)).noise(0.12).decimals(2)
                        .note(8, "Falls risk assessment in the admission document; bay watch on two wards"),
                new SeriesBuilder(ods + "/pressure-ulcers-grade2-per-1000", PERIOD_START, months)
                        .level(i -> step(i, 1.4, 10, 0.75)).noise(0.1).decimals(2)
                        .note(10, "SSKIN bundle launched on all wards"),
                new SeriesBuilder(ods + "/falls-risk-assessed-24h", PERIOD_START, months)
                        .level(i -> ramp(i, 61, 92, 3, 20)).noise(2).range(0, 100),
                new SeriesBuilder(ods + "/sskin-compliance", PERIOD_START, months)
                        .level(i -> i < 10 ? 70 : ramp(i, 86, 94, 10, 24)).noise(2).range(0, 100)
                        .note(10, "SSKIN bundle launched on all wards"),
                new SeriesBuilder(ods + "/enhanced-observation-hours", PERIOD_START, months)
                        .level(i -> ramp(i, 38, 45, 6, 20)).noise(3));
        return new DemoMember(ods, OrganisationType.ACUTE, plan(
                "Harm-free care for older people: falls and pressure ulcers 2014-2017",
                List.of("falls", "pressure-ulcers"), diagram, measures),
                actions("falls and pressure ulcer", "cut falls by a quarter and halve grade 2+ pressure ulcers",
                        "Introduce the SSKIN bundle and intentional rounding on every adult in-patient ward",
                        "Director of Nursing", "West Midlands Patient Safety Collaborative", "ward"),
                series);
    }

    // --- Liverpool Women's: maternity ------------------------------------------------------------------------

    private static DemoMember maternity() {
        String ods = "REP";
        DriverDiagram diagram = new DriverDiagram(
                "Halve avoidable harm at term birth by March 2017: unexpected admissions of term babies to the"
                        + " neonatal unit from 6.2% to 3.1% of term births",
                List.of(primary("P1", "Reliable fetal monitoring in labour"),
                        primary("P2", "Safe escalation and multidisciplinary decisions"),
                        primary("P3", "A team that trains together"),
                        primary("P4", "Learning from every unexpected term admission")),
                List.of(secondary("S1", "Hourly fresh-eyes review of every CTG", "P1"),
                        secondary("S2", "Risk assessment at every contact in labour", "P1", "P2"),
                        secondary("S3", "Consultant presence on the labour ward 98 hours a week", "P2"),
                        secondary("S4", "A supernumerary labour ward coordinator with a clear escalation policy",
                                "P2"),
                        secondary("S5", "Multidisciplinary obstetric emergency (PROMPT) training for all staff", "P3"),
                        secondary("S6", "Rapid review of every term admission to the neonatal unit", "P4")),
                List.of(idea("C1", "Fresh-eyes sticker in the labour notes", "S1"),
                        idea("C2", "Yearly CTG competency assessment for midwives and obstetricians", "S1", "S5"),
                        idea("C3", "Multidisciplinary labour ward safety huddle at 08:00 and 20:00", "S3", "S4"),
                        idea("C4", "A PROMPT training day every month", "S5"),
                        idea("C5", "Weekly review of term neonatal admissions with a shared learning bulletin", "S6"),
                        idea("C6", "Risk-assessment prompt on the intrapartum record", "S2")));
        List<Measure> measures = List.of(
                measure("term-nnu-admissions", "Unexpected term admissions to the neonatal unit", MeasureType.OUTCOME,
                        "Babies born at 37 weeks or more admitted to the neonatal unit within 28 days of birth,"
                                + " not planned before birth, as a percentage of term births in the month",
                        "%", ImprovementDirection.DOWN, 6.2, 3.1, DriverDiagram.AIM),
                measure("fresh-eyes-compliance", "Fresh-eyes CTG review", MeasureType.PROCESS,
                        "Audited continuously monitored labours with a documented fresh-eyes review every hour,"
                                + " as a percentage of those audited",
                        "%", ImprovementDirection.UP, 35.0, 95.0, "S1"),
                measure("prompt-trained-staff", "Staff trained in PROMPT", MeasureType.PROCESS,
                        "Midwives, obstetricians and anaesthetists working on the labour ward who attended PROMPT"
                                + " training in the last 12 months, as a percentage of all of them",
                        "%", ImprovementDirection.UP, 20.0, 95.0, "P3"),
                measure("caesarean-rate", "Caesarean section rate", MeasureType.BALANCING,
                        "Births by caesarean section (elective and emergency) as a percentage of all births:"
                                + " closer monitoring must not drive unnecessary intervention",
                        "%", ImprovementDirection.NEUTRAL, 24.5, null, DriverDiagram.AIM));
        int months = 30;
        Map<String, List<Measurement>> series = series(
                new SeriesBuilder(ods + "/term-nnu-admissions", PERIOD_START, months)
                        .level(i -> i < 9 ? 6.2 : step(i, 4.4, 20, 3.6)).noise(0.35).range(0, 100)
                        .note(9, "Fresh-eyes CTG review and twice-daily huddles introduced"),
                new SeriesBuilder(ods + "/fresh-eyes-compliance", PERIOD_START, months)
                        .level(i -> ramp(i, 35, 92, 6, 18)).noise(3).range(0, 100)
                        .note(6, "Fresh-eyes sticker introduced"),
                new SeriesBuilder(ods + "/prompt-trained-staff", PERIOD_START, months)
                        .level(i -> ramp(i, 20, 96, 0, 24)).noise(1.5).range(0, 100),
                new SeriesBuilder(ods + "/caesarean-rate", PERIOD_START, months)
                        .level(i -> 24.5).noise(1.2).range(0, 100));
        return new DemoMember(ods, OrganisationType.ACUTE, plan("Safer births 2014-2017",
                List.of("maternity", "safety-culture"), diagram, measures),
                actions("maternity", "halve avoidable harm at term birth by March 2017",
                        "Run a multidisciplinary PROMPT training day every month until every labour ward clinician"
                                + " has attended", "Director of Midwifery",
                        "North West Coast Patient Safety Collaborative", "ward"),
                series);
    }

    // --- Salford Royal: medication safety --------------------------------------------------------------------

    private static DemoMember medicines() {
        String ods = "RM3";
        DriverDiagram diagram = new DriverDiagram(
                "Halve omitted and delayed doses of critical medicines (from 8% to 4% of doses) by March 2017",
                List.of(primary("P1", "Safe prescribing"),
                        primary("P2", "Reliable administration of critical medicines"),
                        primary("P3", "Accurate medicines information across transfers of care"),
                        primary("P4", "Prevention of venous thromboembolism for every admitted patient")),
                List.of(secondary("S1", "Electronic prescribing with decision support", "P1", "P2"),
                        secondary("S2", "Pharmacy medicines reconciliation within 24 hours of admission", "P3"),
                        secondary("S3", "A critical medicines list, with stock available on every ward", "P2"),
                        secondary("S4", "Uninterrupted drug rounds", "P2"),
                        secondary("S5", "VTE risk assessment on admission and again at 24 hours", "P4", "P1"),
                        secondary("S6", "Safe prescribing and giving of insulin", "P1", "P2")),
                List.of(idea("C1", "Electronic prescribing and medicines administration (EPMA) on every ward", "S1"),
                        idea("C2", "Critical medicines list and an out-of-hours critical medicines cupboard", "S3"),
                        idea("C3", "Do-not-disturb tabards during drug rounds", "S4"),
                        idea("C4", "Pharmacy technicians on the admissions unit 8am to 8pm, seven days a week",
                                "S2"),
                        idea("C5", "VTE risk assessment as a mandatory step in EPMA", "S5", "S1"),
                        idea("C6", "Insulin safety e-learning for every prescriber and nurse", "S6")));
        List<Measure> measures = List.of(
                measure("missed-critical-doses", "Omitted or delayed critical doses", MeasureType.OUTCOME,
                        "Doses of medicines on the critical medicines list omitted or given more than 2 hours"
                                + " late without a valid clinical reason, as a percentage of critical doses due",
                        "%", ImprovementDirection.DOWN, 8.0, 4.0, DriverDiagram.AIM,
                        List.of(LocalDate.of(2015, 7, 1))),
                measure("med-rec-24h", "Medicines reconciliation within 24 hours", MeasureType.PROCESS,
                        "Admitted patients whose medicines were reconciled by pharmacy staff within 24 hours of"
                                + " admission, as a percentage of admissions",
                        "%", ImprovementDirection.UP, 65.0, 90.0, "S2"),
                measure("vte-risk-assessed", "VTE risk assessment on admission", MeasureType.PROCESS,
                        "Adult admissions with a VTE risk assessment completed on admission, as a percentage of"
                                + " adult admissions (national definition)",
                        "%", ImprovementDirection.UP, 93.5, 98.0, "P4"),
                measure("drug-round-minutes", "Morning drug round duration", MeasureType.BALANCING,
                        "Median minutes from start to end of the 08:00 drug round on audited wards: new checks"
                                + " must not make rounds so long that other doses slip",
                        "minutes", ImprovementDirection.DOWN, 62.0, null, "S4"));
        int months = 36;
        Map<String, List<Measurement>> series = series(
                new SeriesBuilder(ods + "/missed-critical-doses", PERIOD_START, months)
                        .level(i -> i < 14 ? 8.2 : ramp(i, 5.2, 4.2, 15, 30)).noise(0.4).range(0, 100)
                        .outlier(14, 10.6, "EPMA go-live month: temporary rise while wards switched over"),
                new SeriesBuilder(ods + "/med-rec-24h", PERIOD_START, months)
                        .level(i -> ramp(i, 65, 88, 4, 28)).noise(2.5).range(0, 100)
                        .note(4, "Pharmacy technicians on the admissions unit seven days a week"),
                new SeriesBuilder(ods + "/vte-risk-assessed", PERIOD_START, months)
                        .level(i -> step(i, 93.5, 14, 97.2)).noise(0.6).range(0, 100)
                        .note(14, "VTE risk assessment a mandatory EPMA step"),
                new SeriesBuilder(ods + "/drug-round-minutes", PERIOD_START, months)
                        .level(i -> step(i, 62, 6, 58)).noise(3).decimals(0)
                        .note(6, "Do-not-disturb tabards introduced"));
        return new DemoMember(ods, OrganisationType.ACUTE, plan("Safer medicines 2014-2017",
                List.of("medication-safety", "vte"), diagram, measures),
                actions("medication", "halve omitted and delayed critical doses by March 2017",
                        "Complete electronic prescribing and medicines administration on every in-patient ward",
                        "Chief Pharmacist", "Greater Manchester Patient Safety Collaborative", "ward"),
                series);
    }

    // --- North West Ambulance Service: sepsis and deterioration before hospital --------------------------------

    private static DemoMember ambulance() {
        String ods = "RX7";
        DriverDiagram diagram = new DriverDiagram(
                "Increase the share of adults with red-flag sepsis who receive the complete pre-hospital sepsis"
                        + " bundle from 40% to 90% by March 2017",
                List.of(primary("P1", "Crews recognise sepsis and deterioration"),
                        primary("P2", "Crews deliver the pre-hospital bundle reliably"),
                        primary("P3", "Receiving hospitals are ready for the patient")),
                List.of(secondary("S1", "A NEWS score for every adult conveyed", "P1"),
                        secondary("S2", "Sepsis screening on the electronic patient record", "P1", "P2"),
                        secondary("S3", "A pre-alert to the receiving emergency department for red-flag sepsis",
                                "P3"),
                        secondary("S4", "Education and case feedback for every clinician", "P1", "P2"),
                        secondary("S5", "An agreed sepsis pathway with each receiving hospital", "P3")),
                List.of(idea("C1", "Sepsis screening prompt on the electronic patient record tablets", "S2"),
                        idea("C2", "NEWS calculator on the electronic patient record", "S1"),
                        idea("C3", "Sepsis pre-alert script used by the clinical hub", "S3"),
                        idea("C4", "Monthly individual feedback to clinicians on their sepsis cases", "S4"),
                        idea("C5", "Sepsis study day for paramedics with the regional sepsis lead", "S4"),
                        idea("C6", "Joint sepsis pathway agreed with each receiving emergency department", "S5",
                                "S3")));
        List<Measure> measures = List.of(
                measure("sepsis-bundle-complete", "Complete pre-hospital sepsis bundle", MeasureType.OUTCOME,
                        "Adults with red-flag sepsis on the patient record who had observations, NEWS, oxygen as"
                                + " needed, fluids as indicated and a pre-alert, as a percentage of such adults",
                        "%", ImprovementDirection.UP, 40.0, 90.0, DriverDiagram.AIM),
                measure("news-recorded", "NEWS recorded", MeasureType.PROCESS,
                        "Adults conveyed to hospital with a complete NEWS score on the patient record, as a"
                                + " percentage of adults conveyed (monthly sample of 300 records)",
                        "%", ImprovementDirection.UP, 55.0, 95.0, "S1"),
                measure("sepsis-pre-alert", "Sepsis pre-alert", MeasureType.PROCESS,
                        "Adults with red-flag sepsis for whom the receiving emergency department was pre-alerted,"
                                + " as a percentage of such adults",
                        "%", ImprovementDirection.UP, 50.0, 90.0, "S3"),
                measure("on-scene-minutes", "Time on scene for sepsis patients", MeasureType.BALANCING,
                        "Mean minutes from arrival on scene to leaving scene for adults with red-flag sepsis:"
                                + " the bundle must not delay getting the patient to hospital",
                        "minutes", ImprovementDirection.DOWN, 31.0, null, "P2"));
        int months = 33;
        Map<String, List<Measurement>> series = series(
                new SeriesBuilder(ods + "/sepsis-bundle-complete", PERIOD_START, months)
                        .level(i -> i < 18 ? ramp(i, 40, 68, 4, 16) : 86).noise(2.5).range(0, 100)
                        .note(4, "Sepsis study days begin")
                        .note(18, "Sepsis screening prompt live on the patient record tablets"),
                new SeriesBuilder(ods + "/news-recorded", PERIOD_START, months)
                        .level(i -> ramp(i, 55, 93, 2, 20)).noise(2).range(0, 100)
                        .note(2, "NEWS calculator on the patient record"),
                new SeriesBuilder(ods + "/sepsis-pre-alert", PERIOD_START, months)
                        .level(i -> step(i, 50, 12, 82)).noise(3).range(0, 100)
                        .note(12, "Sepsis pre-alert script in the clinical hub"),
                new SeriesBuilder(ods + "/on-scene-minutes", PERIOD_START, months)
                        .level(i -> step(i, 31, 12, 32)).noise(1).range(0, 120));
        return new DemoMember(ods, OrganisationType.AMBULANCE, plan(
                "Recognising sepsis and deterioration before hospital 2014-2017",
                List.of("sepsis", "deteriorating-patient"), diagram, measures),
                actions("sepsis and deterioration", "give 90% of adults with red-flag sepsis the full pre-hospital"
                                + " bundle by March 2017",
                        "Put sepsis screening and a NEWS calculator on every crew's electronic patient record",
                        "Medical Director",
                        "North West Coast and Greater Manchester Patient Safety Collaboratives", "station"),
                series);
    }

    // --- South London and Maudsley: restrictive practice on in-patient wards -------------------------------

    private static DemoMember mentalHealth() {
        String ods = "RV5";
        DriverDiagram diagram = new DriverDiagram(
                "Reduce physical restraint on adult acute in-patient wards by 50% by March 2017 (from 24 to 12 per"
                        + " 1,000 occupied bed days)",
                List.of(primary("P1", "Wards that prevent conflict"),
                        primary("P2", "Staff skilled in de-escalation"),
                        primary("P3", "Patients involved in their own care and safety"),
                        primary("P4", "Learning from every restrictive intervention")),
                List.of(secondary("S1", "Safewards interventions in place on every adult acute ward", "P1", "P3"),
                        secondary("S2", "Positive behaviour support plans for patients at risk of restraint", "P1",
                                "P2"),
                        secondary("S3", "De-escalation and prevention and management of violence training every"
                                + " year", "P2"),
                        secondary("S4", "Patient-held safety plans and daily mutual-help meetings", "P3"),
                        secondary("S5", "Debrief for patients and staff within 72 hours of every restraint", "P4")),
                List.of(idea("C1", "Safewards calm-down methods and talk-down tips on every ward", "S1"),
                        idea("C2", "Know-each-other boards", "S1", "S4"),
                        idea("C3", "Daily mutual-help meeting on every ward", "S4"),
                        idea("C4", "Every restraint reviewed by the senior nurse on duty within an hour", "S3", "S5"),
                        idea("C5", "Debrief template in the electronic patient record", "S5"),
                        idea("C6", "Ward restraint data discussed at the weekly community meeting", "S1", "S5"),
                        idea("C7", "Positive behaviour support plan written within 72 hours of admission for"
                                + " patients with a history of violence", "S2")));
        List<Measure> measures = List.of(
                measure("restraints-per-1000", "Physical restraints", MeasureType.OUTCOME,
                        "Physical restraints of any kind on adult acute wards recorded on the incident system,"
                                + " per 1,000 occupied bed days",
                        "per 1,000 bed days", ImprovementDirection.DOWN, 24.0, 12.0, DriverDiagram.AIM),
                measure("safewards-wards", "Wards using all Safewards interventions", MeasureType.PROCESS,
                        "Adult acute wards with all ten Safewards interventions in place at the monthly audit, as a"
                                + " percentage of adult acute wards",
                        "%", ImprovementDirection.UP, 0.0, 100.0, "S1"),
                measure("debrief-72h", "Debrief within 72 hours", MeasureType.PROCESS,
                        "Restraints followed by a documented debrief with the patient within 72 hours, as a"
                                + " percentage of restraints",
                        "%", ImprovementDirection.UP, 30.0, 90.0, "S5"),
                measure("rapid-tranquillisation-per-1000", "Rapid tranquillisation", MeasureType.BALANCING,
                        "Episodes of rapid tranquillisation per 1,000 occupied bed days: less restraint must not"
                                + " mean more medication",
                        "per 1,000 bed days", ImprovementDirection.DOWN, 6.0, null, DriverDiagram.AIM),
                measure("staff-assaults-per-1000", "Assaults on staff", MeasureType.BALANCING,
                        "Physical assaults on staff reported on adult acute wards per 1,000 occupied bed days",
                        "per 1,000 bed days", ImprovementDirection.DOWN, 9.0, null, "P2"));
        int months = 28;
        Map<String, List<Measurement>> series = series(
                new SeriesBuilder(ods + "/restraints-per-1000", PERIOD_START, months)
                        .level(i -> i < 8 ? 24 : step(i, 17, 18, 13.5)).noise(1.2)
                        .note(8, "Safewards training completed by every adult acute ward team")
                        .note(18, "Senior nurse review of every restraint within an hour"),
                new SeriesBuilder(ods + "/safewards-wards", PERIOD_START, months)
                        // 20 wards: the share moves in steps of 5%, without sampling noise.
                        .level(i -> Math.round(ramp(i, 0, 90, 6, 20) / 5) * 5.0).decimals(0)
                        .note(7, "Safewards training for adult acute ward teams begins"),
                new SeriesBuilder(ods + "/debrief-72h", PERIOD_START, months)
                        .level(i -> ramp(i, 30, 76, 8, 24)).noise(4).range(0, 100)
                        .note(12, "Debrief template in the electronic patient record"),
                new SeriesBuilder(ods + "/rapid-tranquillisation-per-1000", PERIOD_START, months)
                        .level(i -> 6.0).noise(0.5).decimals(2),
                new SeriesBuilder(ods + "/staff-assaults-per-1000", PERIOD_START, months)
                        .level(i -> ramp(i, 9.0, 7.5, 8, 24)).noise(0.6).decimals(2));
        return new DemoMember(ods, OrganisationType.MENTAL_HEALTH, plan(
                "Reducing restrictive practice on in-patient wards 2014-2017",
                List.of("mental-health-safety", "safety-culture"), diagram, measures),
                actions("restrictive practice", "halve physical restraint on adult acute wards by March 2017",
                        "Introduce Safewards on every adult acute ward", "Director of Nursing",
                        "South London Patient Safety Collaborative", "ward"),
                series);
    }

    // --- shared pieces -------------------------------------------------------------------------------------

    private static PlanContent plan(String title, List<String> focusAreas, DriverDiagram diagram,
                                    List<Measure> measures) {
        return new PlanContent(TITLE_PREFIX + title, PERIOD_START, PERIOD_END, focusAreas, diagram, measures);
    }

    /**
     * Pledge actions in the shape most early members published: every pledge covered by at least one published
     * action, and a couple of drafts still being worked on.
     */
    private static List<DemoAction> actions(String topic, String aim, String keyChange, String keyOwner,
                                            String collaborative, String team) {
        return List.of(
                action(Pledge.PUT_SAFETY_FIRST, "Publish our safety improvement plan, with our aim to " + aim
                        + ", on our website and report progress to the public board meeting every quarter",
                        "Medical Director", LocalDate.of(2014, 9, 30), ActionStatus.DONE, true),
                action(Pledge.PUT_SAFETY_FIRST, keyChange, keyOwner, LocalDate.of(2015, 9, 30),
                        ActionStatus.IN_PROGRESS, true),
                action(Pledge.CONTINUALLY_LEARN, "Review every " + topic + " incident of moderate harm or above at"
                                + " the weekly patient safety panel and publish a monthly learning bulletin for staff",
                        "Head of Patient Safety", LocalDate.of(2017, 3, 31), ActionStatus.IN_PROGRESS, true),
                action(Pledge.CONTINUALLY_LEARN, "Add what patients and families tell us about " + topic
                                + " care to the quarterly safety report",
                        "Head of Patient Experience", LocalDate.of(2016, 3, 31), ActionStatus.PLANNED, false),
                action(Pledge.BE_HONEST, "Meet the Duty of Candour for every incident of moderate harm or above:"
                                + " a conversation within 10 working days and a written follow-up, audited every"
                                + " quarter",
                        "Director of Nursing", LocalDate.of(2015, 3, 31), ActionStatus.DONE, true),
                action(Pledge.COLLABORATE, "Share our " + topic + " measures and change ideas with the "
                                + collaborative + " every quarter and host two learning events a year for local"
                                + " providers",
                        "Director of Quality Improvement", LocalDate.of(2017, 3, 31), ActionStatus.IN_PROGRESS,
                        true),
                action(Pledge.BE_SUPPORTIVE, "Give every " + team + " team a protected hour a month for"
                                + " improvement work and train 50 staff a year in quality improvement methods",
                        "Director of Workforce", LocalDate.of(2016, 3, 31), ActionStatus.IN_PROGRESS, true),
                action(Pledge.BE_SUPPORTIVE, "Offer everyone involved in a serious incident a debrief and staff"
                                + " support within 72 hours",
                        "Director of Workforce", LocalDate.of(2015, 12, 31), ActionStatus.PLANNED, false));
    }

    private static DemoAction action(Pledge pledge, String text, String owner, LocalDate due, ActionStatus status,
                                     boolean publish) {
        return new DemoAction(new NewAction(pledge, text + ACTION_SUFFIX, owner, due, status), publish);
    }

    private static PrimaryDriver primary(String key, String text) {
        return new PrimaryDriver(key, text);
    }

    private static SecondaryDriver secondary(String key, String text, String... primaryKeys) {
        return new SecondaryDriver(key, text, List.of(primaryKeys));
    }

    private static ChangeIdea idea(String key, String text, String... secondaryKeys) {
        return new ChangeIdea(key, text, List.of(secondaryKeys));
    }

    private static Measure measure(String key, String name, MeasureType type, String definition, String unit,
                                   ImprovementDirection direction, Double baseline, Double target, String linkedTo) {
        return measure(key, name, type, definition, unit, direction, baseline, target, linkedTo, List.of());
    }

    private static Measure measure(String key, String name, MeasureType type, String definition, String unit,
                                   ImprovementDirection direction, Double baseline, Double target, String linkedTo,
                                   List<LocalDate> rebaseFrom) {
        return new Measure(key, name, type, definition, unit, direction, baseline, target, linkedTo, rebaseFrom);
    }

    /** Series keyed by measure key (the part of the seed key after the slash), in the order given. */
    private static Map<String, List<Measurement>> series(SeriesBuilder... builders) {
        Map<String, List<Measurement>> series = new LinkedHashMap<>();
        for (SeriesBuilder b : builders) {
            series.put(b.measureKey(), b.build());
        }
        return Collections.unmodifiableMap(series);
    }
}
