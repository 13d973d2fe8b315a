/**
 * Texts as the platform stores and shows them: which control characters a text may hold, and how to print a stored
 * text on one line with its control characters escaped.
 */
@Export
@Version("1.1.0")
package uk.nhs.safety.campaign.api.text;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
