package com.uberpopug.ates.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record DeactivatePopug(@TargetAggregateIdentifier UUID popugId) {
}
