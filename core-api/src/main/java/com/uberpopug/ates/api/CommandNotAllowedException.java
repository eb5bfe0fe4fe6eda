package com.uberpopug.ates.api;

/**
 * A command was refused because the one who sent it may not do this to this thing (a popug completing
 * a task that is not theirs); nothing was stored. Over HTTP: 403.
 */
public class CommandNotAllowedException extends RuntimeException {

    public CommandNotAllowedException(String message) {
        super(message);
    }
}
