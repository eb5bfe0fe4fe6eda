package com.uberpopug.ates.app;

import com.uberpopug.ates.api.tasks.TaskCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * For dead-letter tests: a handler in the board's processor that fails on tasks titled "Poison…" while
 * {@link #broken} is set (a bug, say, that a fix removes). One of the {@link InjectedFailures}.
 */
@ProcessingGroup("task-board")
public class FailingBoardHandler {

    public static final AtomicBoolean broken = new AtomicBoolean();

    @EventHandler
    void on(TaskCreated event) {
        if (broken.get() && event.title().startsWith("Poison")) {
            throw new IllegalStateException("cannot file " + event.title());
        }
    }
}
