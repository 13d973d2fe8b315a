package uk.nhs.safety.campaign.console.internal;

import uk.nhs.safety.partner.support.console.ConsoleCommand;

/**
 * Base of every {@code safety:*} command: the shell user as actor and expected failures reported as by every
 * partner's commands ({@link ConsoleCommand}).
 */
public abstract class SafetyCommand extends ConsoleCommand {
}
