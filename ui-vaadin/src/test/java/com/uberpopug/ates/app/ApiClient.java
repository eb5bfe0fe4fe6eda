package com.uberpopug.ates.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uberpopug.ates.identity.access.ApiTokens;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The HTTP API as a logged-in popug calls it: a fresh bearer token from the real Redis, JSON in and out. */
public final class ApiClient {

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final ApiTokens tokens;

    public ApiClient(MockMvc mvc, ObjectMapper json, ApiTokens tokens) {
        this.mvc = mvc;
        this.json = json;
        this.tokens = tokens;
    }

    /** Sends the request as {@code username}, with {@code body} (may be null) as JSON. */
    public ResultActions call(MockHttpServletRequestBuilder request, String username, Object body) throws Exception {
        request.header("Authorization", "Bearer " + tokens.issue(username).token());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(body));
        }
        return mvc.perform(request);
    }

    public JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsByteArray());
    }
}
