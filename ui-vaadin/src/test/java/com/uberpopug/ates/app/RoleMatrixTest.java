package com.uberpopug.ates.app;

import com.github.mvysny.kaributesting.v10.Routes;
import com.uberpopug.ates.api.identity.RegisterPopug;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.app.views.KaribuViewTest;
import com.uberpopug.ates.app.views.AccountingView;
import com.uberpopug.ates.app.views.AnalyticsView;
import com.uberpopug.ates.app.views.LoginView;
import com.uberpopug.ates.app.views.MyAccountView;
import com.uberpopug.ates.app.views.MyTasksView;
import com.uberpopug.ates.app.views.PopugsView;
import com.uberpopug.ates.app.views.SystemView;
import com.uberpopug.ates.app.views.TaskBoardView;
import com.uberpopug.ates.identity.access.ApiTokens;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;


import java.util.EnumMap;
import java.util.EnumSet;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Who may open what: every Vaadin route and every HTTP API endpoint, for every role and for anonymous
 * visitors. The tables below are the rule; a route or endpoint added without a row fails this test.
 * Later issues extend the tables.
 */
@AtesSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest extends KaribuViewTest {

    private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

    /** Vaadin routes: the view and the roles that may open it (anonymous visitors: only the login). */
    private static final Map<Class<? extends Component>, Set<Role>> ROUTES = Map.of(
            LoginView.class, EVERY_ROLE,
            TaskBoardView.class, EVERY_ROLE,
            MyTasksView.class, EVERY_ROLE,
            MyAccountView.class, EVERY_ROLE,
            AccountingView.class, EnumSet.of(Role.ADMIN, Role.ACCOUNTANT),
            AnalyticsView.class, ADMIN,
            PopugsView.class, ADMIN,
            SystemView.class, ADMIN);
    private static final Set<Class<? extends Component>> OPEN_TO_ANONYMOUS = Set.of(LoginView.class);

    /** HTTP API endpoints (as Spring maps them) and the roles that may call them. */
    private static final Map<String, Set<Role>> ENDPOINTS = Map.ofEntries(
            Map.entry("POST /api/auth/token", EVERY_ROLE),
            Map.entry("DELETE /api/auth/token", EVERY_ROLE),
            Map.entry("GET /api/me", EVERY_ROLE),
            Map.entry("GET /api/popugs", ADMIN),
            Map.entry("POST /api/popugs", ADMIN),
            Map.entry("PUT /api/popugs/{id}/role", ADMIN),
            Map.entry("POST /api/popugs/{id}/deactivate", ADMIN),
            // Completing is for the task's assignee: any role may try, the task refuses others (403 too).
            Map.entry("POST /api/tasks", EVERY_ROLE),
            Map.entry("GET /api/tasks", EVERY_ROLE),
            Map.entry("GET /api/tasks/mine", EVERY_ROLE),
            Map.entry("POST /api/tasks/{id}/complete", EVERY_ROLE),
            Map.entry("POST /api/tasks/shuffle", EnumSet.of(Role.MANAGER, Role.ADMIN)),
            Map.entry("GET /api/accounts/me", EVERY_ROLE),
            Map.entry("GET /api/accounts/me/log", EVERY_ROLE),
            Map.entry("GET /api/accounts", EnumSet.of(Role.ADMIN, Role.ACCOUNTANT)),
            Map.entry("GET /api/accounts/{popugId}/log", EnumSet.of(Role.ADMIN, Role.ACCOUNTANT)),
            Map.entry("GET /api/accounting/earnings", EnumSet.of(Role.ADMIN, Role.ACCOUNTANT)),
            Map.entry("GET /api/payouts", EnumSet.of(Role.ADMIN, Role.ACCOUNTANT)),
            Map.entry("GET /api/accounting/closes/{day}", EnumSet.of(Role.ADMIN, Role.ACCOUNTANT)),
            Map.entry("GET /api/analytics/summary", ADMIN),
            Map.entry("GET /api/analytics/earnings", ADMIN),
            Map.entry("GET /api/analytics/most-expensive-task", ADMIN),
            // Closing the day in this test would pay this context's popugs: the matrix sends a day long past (409).
            Map.entry("POST /api/accounting/close-day", ADMIN),
            Map.entry("GET /api/openapi.json", EVERY_ROLE),
            Map.entry("GET /api/openapi.json.yaml", EVERY_ROLE),
            Map.entry("GET /api/asyncapi.json", EVERY_ROLE),
            Map.entry("GET /api/events/{topic}/{file}", EVERY_ROLE));
    private static final Set<String> ENDPOINTS_OPEN_TO_ANONYMOUS = Set.of("POST /api/auth/token",
            "GET /api/openapi.json", "GET /api/openapi.json.yaml", "GET /api/asyncapi.json", "GET /api/events/{topic}/{file}");

    @Autowired
    MockMvc mvc;
    @Autowired
    CommandGateway commands;
    @Autowired
    ApiTokens tokens;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<Role, String> usernames = new EnumMap<>(Role.class);

    @BeforeAll
    void onePopugPerRole() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        for (Role role : Role.values()) {
            String username = role.name().toLowerCase() + "-" + suffix;
            commands.sendAndWait(new RegisterPopug(UUID.randomUUID(), username, "Matrix " + role,
                    username + "@uberpopug.com", role, "matrix-pass-1"));
            usernames.put(role, username);
        }
    }

    @Test
    void everyApiEndpointHasARow() {
        Set<String> mapped = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPathPatternsCondition().getPatternValues().stream()
                        .filter(path -> path.startsWith("/api/"))
                        .flatMap(path -> info.getMethodsCondition().getMethods().stream().map(m -> m + " " + path)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(mapped).as("endpoints without a row in ENDPOINTS, or rows without an endpoint")
                .isEqualTo(new TreeSet<>(ENDPOINTS.keySet()));
    }

    @Test
    void everyRouteHasARow() {
        Set<Class<? extends Component>> routes = new Routes().autoDiscoverViews("com.uberpopug.ates.app").getRoutes()
                .stream().filter(view -> view.isAnnotationPresent(Route.class)).collect(Collectors.toSet());
        assertThat(routes).as("routes without a row in ROUTES").containsExactlyInAnyOrderElementsOf(ROUTES.keySet());
    }

    @Test
    void everyEndpointForEveryRole() throws Exception {
        for (Map.Entry<String, Set<Role>> row : ENDPOINTS.entrySet()) {
            for (Role role : Role.values()) {
                String token = tokens.issue(usernames.get(role)).token();
                int status = call(row.getKey(), token, usernames.get(role));
                if (row.getValue().contains(role)) {
                    assertThat(status).as(row.getKey() + " as " + role).isNotIn(401, 403);
                } else {
                    assertThat(status).as(row.getKey() + " as " + role).isEqualTo(403);
                }
            }
            int anonymous = call(row.getKey(), null, usernames.get(Role.WORKER));
            if (ENDPOINTS_OPEN_TO_ANONYMOUS.contains(row.getKey())) {
                assertThat(anonymous).as(row.getKey() + " anonymously").isNotIn(401, 403);
            } else {
                assertThat(anonymous).as(row.getKey() + " anonymously").isEqualTo(401);
            }
        }
    }

    @Test
    void everyRouteForEveryRoleAndTheMenuShowsOnlyWhatOpens() {
        for (Map.Entry<Class<? extends Component>, Set<Role>> row : ROUTES.entrySet()) {
            for (Role role : Role.values()) {
                // A browser session of its own per popug: Vaadin keeps the layout (and its menu) across navigation.
                tearDownVaadin();
                setUpVaadin();
                login(usernames.get(role), role.name());
                assertThat(opens(row.getKey())).as(row.getKey().getSimpleName() + " as " + role)
                        .isEqualTo(row.getValue().contains(role));
                assertThat(inMenu(row.getKey())).as(row.getKey().getSimpleName() + " in the menu of " + role)
                        .isEqualTo(row.getValue().contains(role) && row.getKey() != LoginView.class);
                logout();
            }
            assertThat(opens(row.getKey())).as(row.getKey().getSimpleName() + " anonymously")
                    .isEqualTo(OPEN_TO_ANONYMOUS.contains(row.getKey()));
        }
    }

    /** Whether navigating there shows the view; a denied view is either the login or Vaadin's access-denied error. */
    private static boolean opens(Class<? extends Component> view) {
        try {
            UI.getCurrent().navigate(view);
            return !_find(view).isEmpty();
        } catch (AssertionError serverError) {
            // Karibu reports Vaadin's access-denied error page as a server error.
            assertThat(serverError).hasMessageContaining("AccessDeniedException");
            return false;
        }
    }

    private static boolean inMenu(Class<? extends Component> view) {
        UI.getCurrent().navigate(TaskBoardView.class);
        String path = RouteConfiguration.forSessionScope().getUrl(view);
        return _find(SideNavItem.class).stream().anyMatch(item -> path.equals(item.getPath()));
    }

    /** Calls an endpoint with an otherwise plausible request: denied calls must answer 401/403 whatever the body. */
    private int call(String endpoint, String token, String username) throws Exception {
        String[] methodAndPath = endpoint.split(" ", 2);
        String path = methodAndPath[1].replace("{id}", UUID.randomUUID().toString())
                .replace("{popugId}", UUID.randomUUID().toString()).replace("{day}", "2000-01-01")
                .replace("{topic}/{file}", "ates.tasks/TaskCreated.2.json");
        String body = switch (endpoint) {
            case "POST /api/auth/token" -> "{\"username\":\"" + username + "\",\"password\":\"matrix-pass-1\"}";
            case "POST /api/accounting/close-day" -> "{\"day\":\"2000-01-01\"}";
            default -> "{}";
        };
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(methodAndPath[0]), path)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

}
