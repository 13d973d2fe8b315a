package uk.nhs.safety.partner.cqc.internal.command;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.partner.support.console.ConsoleCommand;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.partner.cqc.internal.CqcEvidenceService;
import uk.nhs.safety.partner.cqc.internal.data.CqcData;

/**
 * Per-item mapping overrides: {@code cqc:map ODS} lists them; {@code cqc:map ODS KIND KEY STATEMENT...} sets one
 * (the item is evidence for exactly those statements; {@code --none} for none); {@code --clear} removes one.
 */
@Service
@Command(scope = "cqc", name = "map", description = "Lists, sets or clears a member's per-item mapping overrides"
        + " (which quality statements one action, driver, change idea or measure is evidence for)")
public class MapCommand extends ConsoleCommand {

    @Reference
    CqcEvidenceService evidence;

    @Option(name = "--clear", description = "Remove the override of KIND KEY: the default rules apply again")
    boolean clear;

    @Option(name = "--none", description = "The item is deliberately evidence for no statement")
    boolean none;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    String ods;

    @Argument(index = 1, name = "kind", description = "action, primary-driver, secondary-driver, change-idea,"
            + " outcome-measure, process-measure, balancing-measure (or a partner's kind)")
    String kind;

    @Argument(index = 2, name = "key", description = "The action's id or the plan item's key")
    String key;

    @Argument(index = 3, name = "statements", description = "Quality statement ids (cqc:framework lists them)",
            multiValued = true)
    List<String> statements;

    @Override
    protected void run() {
        String by = actor();
        if (kind == null) {
            list();
            return;
        }
        if (key == null) {
            throw new ValidationException(Violation.of("key", null, "give the item's key after its kind"));
        }
        if (clear) {
            boolean removed = evidence.data().clearOverride(ods.trim().toUpperCase(Locale.ROOT), kind, key,
                    by);
            System.out.println(removed ? "Override removed: the default rules map " + kind + " " + key + " again"
                    : "No override for " + kind + " " + key);
            return;
        }
        if ((statements == null || statements.isEmpty()) && !none) {
            throw new ValidationException(Violation.of("statements", null,
                    "name the statements the item is evidence for, or give --none"));
        }
        CqcData.MappingOverride o = evidence.setMapping(ods, kind, key, none ? List.of() : statements, by);
        System.out.println("Mapped " + o.kind() + " " + o.key() + " of " + o.odsCode() + " to "
                + (o.statements().isEmpty() ? "no statement" : String.join(", ", o.statements())));
    }

    private void list() {
        ShellTable table = new ShellTable();
        table.column("Kind");
        table.column("Key");
        table.column("Statements");
        table.column("Set by");
        String member = ods.trim().toUpperCase(Locale.ROOT);
        evidence.data().overrides(member).values().forEach(o -> table.addRow().addContent(o.kind(), o.key(),
                o.statements().isEmpty() ? "(none)" : String.join(", ", o.statements()), o.setBy()));
        table.print(System.out);
    }
}
