package uk.nhs.safety.campaign.model.internal.testing;

import java.time.LocalDate;
import java.util.List;

import uk.nhs.safety.campaign.api.ChangeIdea;
import uk.nhs.safety.campaign.api.DriverDiagram;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureType;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PrimaryDriver;
import uk.nhs.safety.campaign.api.SecondaryDriver;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;

/** A small valid falls plan to vary in tests. */
public final class Plans {

    public static final LocalDate START = LocalDate.of(2015, 4, 1);

    private Plans() {
    }

    public static DriverDiagram diagram() {
        return new DriverDiagram("Reduce inpatient falls with harm by 50% by March 2018",
                List.of(new PrimaryDriver("P1", "Reliable risk assessment"),
                        new PrimaryDriver("P2", "Safe ward environment")),
                List.of(new SecondaryDriver("S1", "Assessment within 6 hours of admission", List.of("P1")),
                        new SecondaryDriver("S2", "Call bells in reach", List.of("P1", "P2"))),
                List.of(new ChangeIdea("C1", "Falls bundle on admission", List.of("S1")),
                        new ChangeIdea("C2", "Intentional rounding", List.of("S1", "S2"))));
    }

    public static Measure fallsMeasure() {
        return new Measure("falls-per-1000", "Falls with harm", MeasureType.OUTCOME,
                "Falls with moderate or worse harm per 1,000 occupied bed days", "per 1,000 bed days",
                ImprovementDirection.DOWN, 0.8, 0.4, DriverDiagram.AIM, List.of());
    }

    public static PlanContent plan() {
        return new PlanContent("Falls safety improvement plan", START, null, List.of("falls"), diagram(),
                List.of(fallsMeasure()));
    }

    public static PlanContent withTitle(PlanContent p, String title) {
        return new PlanContent(title, p.periodStart(), p.periodEnd(), p.focusAreas(), p.diagram(), p.measures());
    }

    public static PlanContent withDiagram(PlanContent p, DriverDiagram d) {
        return new PlanContent(p.title(), p.periodStart(), p.periodEnd(), p.focusAreas(), d, p.measures());
    }

    public static PlanContent withMeasures(PlanContent p, List<Measure> measures) {
        return new PlanContent(p.title(), p.periodStart(), p.periodEnd(), p.focusAreas(), p.diagram(), measures);
    }
}
