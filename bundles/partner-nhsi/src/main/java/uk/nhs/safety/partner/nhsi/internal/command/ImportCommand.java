package uk.nhs.safety.partner.nhsi.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.partner.nhsi.internal.NhsiService;
import uk.nhs.safety.partner.support.console.CsvImportCommand;

/** Imports an incident-count CSV: all or nothing, or with --partial the valid rows and a rejects file. */
@Service
@Command(scope = "nhsi", name = "incidents-import", description = "Imports incident counts (CSV: ods_code, month,"
        + " category, degree_of_harm, count); all or nothing unless --partial; re-importing updates by key")
public class ImportCommand extends CsvImportCommand {

    @Reference
    NhsiService service;

    @Override
    protected ImportReport importData(ImportRequest request) {
        return service.importIncidents(request);
    }
}
