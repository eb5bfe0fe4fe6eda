package com.uberpopug.ates.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The cap on API bodies as a unit: with a declared length, and with none (a chunked body), counted as it is read. */
class RequestBodyLimitTest {

    private final RequestBodyLimit limit = new RequestBodyLimit(new ObjectMapper());

    @Test
    void aDeclaredLengthOverTheCapIsRefusedBeforeAnythingReadsIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tasks");
        request.setContent(new byte[RequestBodyLimit.MAX_BYTES + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<HttpServletRequest> passedOn = new AtomicReference<>();

        limit.doFilter(request, response, (req, res) -> passedOn.set((HttpServletRequest) req));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("The body is larger than this API takes (64 KiB).");
        assertThat(passedOn.get()).isNull();
    }

    @Test
    void aBodyWithoutDeclaredLengthIsStoppedWhenItPassesTheCap() throws Exception {
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/tasks") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContent(new byte[RequestBodyLimit.MAX_BYTES + 100]);

        AtomicReference<Throwable> reading = new AtomicReference<>();

        limit.doFilter(chunked, new MockHttpServletResponse(), (req, res) ->
                reading.set(catchThrowable(() -> req.getInputStream().readAllBytes())));

        assertThat(reading.get()).as("the body was read, and failed").isInstanceOf(IOException.class);
        assertThat(RequestBodyLimit.exceededBy(reading.get())).isTrue();
    }

    @Test
    void aBodyWithinTheCapIsReadWhole() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tasks");
        request.setContent("{\"title\":\"Fix beak\"}".getBytes());
        AtomicReference<byte[]> read = new AtomicReference<>();

        limit.doFilter(request, new MockHttpServletResponse(), (req, res) -> read.set(req.getInputStream().readAllBytes()));

        assertThat(new String(read.get())).isEqualTo("{\"title\":\"Fix beak\"}");
    }
}
