/**
 * The campaign store as a whole: moving it to another database (an embedded H2 to PostgreSQL) with nothing lost.
 */
@Export
@Version("1.0.0")
package uk.nhs.safety.campaign.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
