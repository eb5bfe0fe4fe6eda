package com.uberpopug.ates.messaging.startup;

import java.util.List;

/** The application stops before it starts: some services it needs do not answer. */
class ServicesUnreachableException extends RuntimeException {

    private final List<RequiredService> unreachable;

    ServicesUnreachableException(List<RequiredService> unreachable) {
        super("unreachable: " + unreachable.stream().map(s -> s.name() + " at " + s.address()).toList());
        this.unreachable = List.copyOf(unreachable);
    }

    List<RequiredService> unreachable() {
        return unreachable;
    }
}
