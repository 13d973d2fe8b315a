package uk.nhs.safety.partner.nhsla.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.partner.nhsla.internal.NhslaService;
import uk.nhs.safety.partner.support.console.CsvImportCommand;

/** Imports an NHS LA claims CSV: all or nothing, or with --partial the valid rows and a rejects file. */
@Service
@Command(scope = "nhsla", name = "import", description = "Imports an NHS LA claims CSV (all or nothing unless"
        + " --partial); re-importing updates claims by reference")
public class ImportCommand extends CsvImportCommand {

    @Reference
    NhslaService service;

    @Override
    protected ImportReport importData(ImportRequest request) {
        return service.importClaims(request);
    }
}
