package uk.nhs.safety.campaign.api.partner;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A partner body's integration, registered as an OSGi service by the partner's bundle. Core tracks these
 * dynamically: a bundle that registers one appears in the registry at once and disappears when it stops.
 *
 * <p>Implementations must be thread-safe and answer {@link #health()} quickly (no remote calls on the caller's
 * thread: report the last known state). Methods must not throw; a failing health check is reported as
 * {@link PartnerHealth.Status#DOWN} with a reason.
 */
@ConsumerType
public interface PartnerIntegration {

    /** Stable id, lower case letters, digits and hyphens, e.g. {@code cqc}. Unique across installed partners. */
    String id();

    /** The partner body's name, e.g. "Care Quality Commission". */
    String name();

    /** The integration's own version (usually its bundle version). */
    String version();

    /** Current health. */
    PartnerHealth health();
}
