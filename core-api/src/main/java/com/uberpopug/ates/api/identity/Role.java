package com.uberpopug.ates.api.identity;

/** What a popug may do. Managers and admins are never assigned tasks. */
public enum Role {
    ADMIN, MANAGER, ACCOUNTANT, WORKER
}
