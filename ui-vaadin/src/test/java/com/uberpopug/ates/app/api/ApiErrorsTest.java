package com.uberpopug.ates.app.api;

import com.uberpopug.ates.messaging.api.TraceIds;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** The API's answer to a failure nobody expected, as a unit: Spring MVC with one endpoint that fails. */
class ApiErrorsTest {

    @RestController
    static class Failing {
        @GetMapping("/api/failing")
        String fail() {
            throw new IllegalStateException("connection to db-7.internal:5432 refused for user payroll_rw");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new ApiErrors()).build();

    @Test
    void anUnexpectedFailureIsA500NamingTheTraceIdAndNothingOfTheFailure() throws Exception {
        TraceIds.within("trace-of-the-failure", () -> mvc.perform(get("/api/failing"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Something went wrong on our side. Support finds what happened by the trace id."))
                .andExpect(jsonPath("$.traceId").value("trace-of-the-failure"))
                .andExpect(content().string(not(containsString("db-7")))));
    }
}
