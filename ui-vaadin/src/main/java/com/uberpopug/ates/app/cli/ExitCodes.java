package com.uberpopug.ates.app.cli;

/** What every command's exit code means, for scripts. */
final class ExitCodes {

    static final int DONE = 0;
    /** An unexpected failure (picocli's code for an exception; the message and trace id are on stderr). */
    static final int FAILED = 1;
    /** Invalid input: an unknown name, a malformed option. Nothing was changed. */
    static final int INVALID = 2;
    /** Refused by the system's state: busy, already done, not the open day. Nothing was changed. */
    static final int REFUSED = 3;
    /** {@code processors}: something needs an operator (a processor in error, dead letters, a stale claim). */
    static final int ATTENTION = 4;
    /** Long work was started and goes on by itself, but did not end within the command's wait. */
    static final int STILL_RUNNING = 5;

    private ExitCodes() {
    }
}
