package com.uberpopug.ates.messaging.startup;

/** A service the application cannot start without, where it is expected, and how to start it. */
record RequiredService(String name, String host, int port, String property) {

    static final String START_COMMAND = "infra/ates-services.sh up";

    String address() {
        return host + ":" + port;
    }
}
