package com.uberpopug.ates.app.browser;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * axe-core, the accessibility checker that runs inside the page. It is not served as a WebJar here;
 * {@code ./ates test} installs it from the npm registry into {@code $ATES_HOME/npm} (by default {@code .ates/npm}).
 */
final class AxeCore {

    private AxeCore() {
    }

    static Path script() {
        String home = System.getenv().getOrDefault("ATES_HOME", Path.of("..", ".ates").toString());
        Path script = Path.of(System.getProperty("ates.test.axe",
                Path.of(home, "npm", "node_modules", "axe-core", "axe.min.js").toString()));
        if (!Files.isReadable(script)) {
            throw new IllegalStateException("No axe-core at " + script + ": ./ates test installs it "
                    + "(npm install --prefix .ates/npm axe-core), or set -Dates.test.axe=<path to axe.min.js>");
        }
        return script;
    }
}
