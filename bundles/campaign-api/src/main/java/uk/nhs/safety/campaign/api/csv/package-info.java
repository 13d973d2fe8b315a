/**
 * Helpers for the CSV files the platform and its partners write and read:
 * {@link uk.nhs.safety.campaign.api.csv.CsvCells} neutralises cells a spreadsheet would run as a formula, and
 * {@link uk.nhs.safety.campaign.api.csv.CsvHeader} refuses an uploaded file's header with unnamed columns.
 */
@Export
@Version("1.0.0")
package uk.nhs.safety.campaign.api.csv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
