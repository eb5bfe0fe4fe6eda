/**
 * Identity: the popug aggregate (register, change role, deactivate), credentials, the Redis token
 * store and user cache. Arrives with the identity issue; until then the application has a single
 * temporary {@code admin} login (ui-vaadin, {@code DevLogin}).
 */
package com.uberpopug.ates.identity;
