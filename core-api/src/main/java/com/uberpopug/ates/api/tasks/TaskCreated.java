package com.uberpopug.ates.api.tasks;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * A task was created. Revision 2 carries the Jira id in its own field; revision 1 had only a title
 * that sometimes started with "[UP-42]".
 */
@Revision("2")
public record TaskCreated(UUID taskId, String title, String jiraId, String description) {
}
