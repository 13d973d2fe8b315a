/**
 * Where console commands may read and write files: one import folder to read from, one export folder to write to.
 *
 * <p>Every command that takes a file name (core's {@code safety:*} and the partners' scopes) resolves it through
 * {@link uk.nhs.safety.campaign.api.files.FileArea}, so the rule lives in core alone: a relative name is inside the
 * folder, an absolute path only if it is inside the folder after normalisation and symbolic-link resolution, and
 * nothing under Karaf's {@code etc/} or {@code deploy/} folders, whatever the folders are configured to be.
 */
@Export
@Version("1.0.0")
package uk.nhs.safety.campaign.api.files;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
