package uk.nhs.safety.campaign.api;

import java.time.LocalDate;

/** The editable content of a pledge action. New actions start as drafts. */
public record NewAction(Pledge pledge, String text, String ownerRole, LocalDate dueDate, ActionStatus status) {
}
