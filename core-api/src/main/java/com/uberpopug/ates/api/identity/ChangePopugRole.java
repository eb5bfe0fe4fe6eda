package com.uberpopug.ates.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record ChangePopugRole(@TargetAggregateIdentifier UUID popugId, Role role) {
}
