package uk.nhs.safety.campaign.console.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.DriverDiagram;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.SafetyPlan;
import uk.nhs.safety.campaign.api.files.FileArea;

/**
 * Replaces a member's working plan with a whole plan read from JSON (the shape of {@link PlanContent}; see
 * {@code imports/example-plan.json} in the distribution). The plan stays a draft until published.
 */
@Service
@Command(scope = "safety", name = "plan-import", description = "Saves a whole plan (JSON: title, period, focus areas, driver diagram, measures) as the member's working copy")
public class PlanImportCommand extends SafetyCommand {

    @Reference
    PlanService planService;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(OdsCodeCompleter.class)
    String ods;

    @Reference
    FileArea files;

    @Argument(index = 1, name = "json-file", description = "The plan as JSON (UTF-8), in the import folder", required = true)
    String jsonFile;

    @Override
    protected void run() throws IOException {
        String code = ConsoleSupport.ods(ods);
        PlanContent content;
        try (Reader reader = Files.newBufferedReader(files.readable(jsonFile), StandardCharsets.UTF_8)) {
            content = PlanJson.parse(reader);
        }
        // Saving against the version just read makes a concurrent edit fail rather than be overwritten.
        Long expected = planService.plan(code).map(SafetyPlan::version).orElse(null);
        SafetyPlan saved = planService.save(actor(), code, content, expected);
        System.out.println(summary(saved));
    }

    static String summary(SafetyPlan saved) {
        DriverDiagram d = saved.content().diagram();
        int drivers = d == null ? 0 : d.primaryDrivers().size() + d.secondaryDrivers().size();
        int ideas = d == null ? 0 : d.changeIdeas().size();
        return "Saved plan for " + saved.odsCode() + ": " + drivers + " drivers, " + ideas + " change ideas, "
                + saved.content().measures().size() + " measures (status " + saved.status() + ")";
    }
}
