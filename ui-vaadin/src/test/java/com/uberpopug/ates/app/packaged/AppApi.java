package com.uberpopug.ates.app.packaged;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * What a test arranges or checks behind the pages, through the packaged application's HTTP API: popugs
 * registered by the admin, tasks made by someone else, the figures that the pages must show.
 */
public final class AppApi {

    // HTTP/1.1 as browsers and API clients speak to the app; the default asks every connection to upgrade to HTTP/2.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final AppProcess app;

    public AppApi(AppProcess app) {
        this.app = app;
    }

    public String token(String username, String password) {
        return call("POST", "/api/auth/token", null, Map.of("username", username, "password", password), 200).get("token").asText();
    }

    /** The new popug's id. */
    public String register(String adminToken, String username, String role, String password) {
        return call("POST", "/api/popugs", adminToken, Map.of("username", username, "fullName", capitalized(username) + " Popug",
                "email", username + "@uberpopug.com", "role", role, "password", password), 201).get("id").asText();
    }

    public JsonNode get(String path, String token) {
        return call("GET", path, token, null, 200);
    }

    /** The answer's body; fails unless the status is one of {@code expected}. */
    public JsonNode post(String path, String token, Object body, int... expected) {
        return call("POST", path, token, body, expected);
    }

    /**
     * So that a close pays the worker: they do their open tasks, then tasks are made until enough land on
     * them (each one done leaves them at least as rich: a reward is never below a fee).
     */
    public void putInTheBlack(String adminToken, String worker, String password) {
        String token = token(worker, password);
        String id = get("/api/accounts/me", token).get("popugId").asText();
        for (JsonNode task : get("/api/tasks/mine?status=open&size=100", token).get("items")) {
            doTask(token, task.get("id").asText(), task.get("title").asText());
        }
        for (int attempt = 0; get("/api/accounts/me", token).get("balance").decimalValue().signum() <= 0; attempt++) {
            if (attempt == 200) {
                throw new AssertionError("200 tasks made and " + worker + " is not in the black: "
                        + get("/api/accounts/me", token).get("balance"));
            }
            String title = "Bonus perch " + attempt;
            JsonNode task = post("/api/tasks", adminToken, Map.of("title", title, "description", ""), 201);
            if (task.get("assigneeId").asText().equals(id)) {
                doTask(token, task.get("id").asText(), title);
            }
        }
    }

    /** Completes the task and waits until its reward is in the worker's audit log. */
    private void doTask(String token, String taskId, String title) {
        post("/api/tasks/" + taskId + "/complete", token, null, 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/accounts/me/log", token).toString()
                .contains("Reward for completing '" + title + "'"));
    }

    /** Closes the open business day: 200 when the close ended within the request, 202 while it goes on. */
    public JsonNode closeDay(String adminToken) {
        return call("POST", "/api/accounting/close-day", adminToken, Map.of(), 200, 202);
    }

    public JsonNode put(String path, String token, Object body, int expected) {
        return call("PUT", path, token, body, expected);
    }

    private JsonNode call(String method, String path, String token, Object body, int... expected) {
        try {
            HttpResponse<String> response = http.send(app.request(method, path, token, body == null ? null : json.writeValueAsBytes(body)),
                    HttpResponse.BodyHandlers.ofString());
            if (java.util.Arrays.stream(expected).noneMatch(status -> status == response.statusCode())) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
