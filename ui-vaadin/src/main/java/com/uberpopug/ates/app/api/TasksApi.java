package com.uberpopug.ates.app.api;

import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.TextFields;
import com.uberpopug.ates.api.tasks.CompleteTask;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.CreatedTask;
import com.uberpopug.ates.api.tasks.FindShuffle;
import com.uberpopug.ates.api.tasks.FindTasks;
import com.uberpopug.ates.api.tasks.ShuffleProgress;
import com.uberpopug.ates.api.tasks.StartShuffle;
import com.uberpopug.ates.api.tasks.TaskPage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code /api/tasks…} (API.md): create, list, my tasks, complete, and shuffle for managers and admins. */
@RestController
class TasksApi {

    static final int MAX_PAGE_SIZE = 500;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Callers callers;
    private final Duration shuffleWait;

    TasksApi(CommandGateway commands, QueryGateway queries, Callers callers,
             @Value("${ates.tasks.shuffle.api-wait:30m}") Duration shuffleWait) {
        this.commands = commands;
        this.queries = queries;
        this.callers = callers;
        this.shuffleWait = shuffleWait;
    }

    record NewTask(String title, String jiraId, String description) {
    }

    record Created(UUID id, UUID assigneeId) {
    }

    record Completed(UUID id, String status) {
    }

    record Shuffled(long reassigned, long skipped) {
    }

    @PostMapping("/api/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody NewTask task) {
        CreatedTask created = commands.sendAndWait(
                new CreateTask(UUID.randomUUID(), task.title(), task.jiraId(), task.description()));
        return new Created(created.taskId(), created.assigneeId());
    }

    @GetMapping("/api/tasks")
    TaskPage list(@RequestParam(required = false) String status, @RequestParam(required = false) UUID assigneeId,
                  @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "50") int size) {
        checkPaging(status, page, size);
        TextFields.singleLine("q", q).ifPresent(problem -> {
            throw new InvalidCommandException(List.of(problem));
        });
        return queries.query(new FindTasks(status, assigneeId, q, page * size, size), TaskPage.class).join();
    }

    @GetMapping("/api/tasks/mine")
    TaskPage mine(Authentication current, @RequestParam(required = false) String status,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        checkPaging(status, page, size);
        return queries.query(new FindTasks(status, callers.id(current), null, page * size, size), TaskPage.class).join();
    }

    @PostMapping("/api/tasks/{id}/complete")
    Completed complete(Authentication current, @PathVariable UUID id) {
        commands.sendAndWait(new CompleteTask(id, callers.id(current)));
        return new Completed(id, FindTasks.DONE);
    }

    /** Waits for the whole shuffle (progress is for the UI); 409 while another one runs. */
    @PostMapping("/api/tasks/shuffle")
    ResponseEntity<?> shuffle(Authentication current) {
        UUID shuffleId = UUID.randomUUID();
        commands.sendAndWait(new StartShuffle(shuffleId, current.getName()));
        SubscriptionQueryResult<ShuffleProgress, ShuffleProgress> progress =
                queries.subscriptionQuery(new FindShuffle(shuffleId), ShuffleProgress.class, ShuffleProgress.class);
        try {
            ShuffleProgress end = progress.initialResult().concatWith(progress.updates())
                    .filter(ShuffleProgress::finished).blockFirst(shuffleWait);
            if (end == null) {
                throw new IllegalStateException("The shuffle " + shuffleId + " ended without a result");
            }
            if (end.failure() != null) {
                return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, end.failure()));
            }
            return ResponseEntity.ok(new Shuffled(end.reassigned(), end.skipped()));
        } finally {
            progress.cancel();
        }
    }


    private static void checkPaging(String status, int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (status != null && !FindTasks.isStatus(status)) {
            problems.add(new FieldProblem("status", "The status is 'open' or 'done'."));
        }
        if (page < 0) {
            problems.add(new FieldProblem("page", "The page is 0 or more."));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "The size is between 1 and " + MAX_PAGE_SIZE + "."));
        } else if ((long) page * size > Integer.MAX_VALUE) {
            problems.add(new FieldProblem("page", "The page is beyond the last task."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCommandException(problems);
        }
    }
}
