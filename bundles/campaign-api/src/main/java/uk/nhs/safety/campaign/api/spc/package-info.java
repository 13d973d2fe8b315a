/**
 * Statistical process control the NHS "Making Data Count" way: XmR, p, u, T and G charts, the four special-cause
 * rules under a named rule profile ({@link uk.nhs.safety.campaign.api.spc.SpcRuleProfile}), variation
 * and assurance icons. Values only; the analysis itself is a service ({@link uk.nhs.safety.campaign.api.spc.SpcAnalyser}).
 */
@Export
@Version("1.2.0")
package uk.nhs.safety.campaign.api.spc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
