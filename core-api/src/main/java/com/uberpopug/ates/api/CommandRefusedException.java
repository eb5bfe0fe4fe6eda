package com.uberpopug.ates.api;

/**
 * A command was refused because of the state it met (a done task completed again, a role changed to
 * the one it already is, a username already taken); nothing was stored. Over HTTP: 409.
 */
public class CommandRefusedException extends RuntimeException {

    public CommandRefusedException(String message) {
        super(message);
    }
}
