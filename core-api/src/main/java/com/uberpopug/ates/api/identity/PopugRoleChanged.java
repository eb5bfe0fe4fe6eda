package com.uberpopug.ates.api.identity;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record PopugRoleChanged(UUID popugId, Role from, Role to) {
}
