package com.uberpopug.ates.api;

import java.util.List;

/**
 * A processor that only builds read models, so that replaying it from the start rebuilds them, declared
 * as a bean by the module that owns it; the messaging platform collects them (KnownProcessors).
 * Processors that act (move money, send mails, publish) are never declared: a replay would do it all again.
 *
 * @param processor   the processing group
 * @param projections the read models it builds, by the names operators replay them with
 */
public record ReplayableProcessor(String processor, List<String> projections) {

    public ReplayableProcessor {
        projections = List.copyOf(projections);
    }
}
