/**
 * Learning while a plan runs: PDSA (Plan, Do, Study, Act) cycles that test a plan's change ideas, and notes
 * (annotations) on the periods of a measure's chart. Both are recorded against the member's running plan without
 * creating a new plan version, and are public as soon as they are recorded (as measurements are), shown under the
 * published plan's change ideas and on its charts.
 */
@Export
@Version("1.0.0")
package uk.nhs.safety.campaign.api.pdsa;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
