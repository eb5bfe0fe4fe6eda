package com.uberpopug.ates.app.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * One person's page, watched for what a person would not see but a broken page shows: errors in the
 * console or thrown by scripts, requests that fail, responses of 400 or more from the application, and
 * resources (stylesheets, scripts, images, fonts) that are redirected, as to the login page. The journey
 * asks {@link #assertClean} after every page; {@link #assertAccessible} runs axe-core in the page.
 */
final class WatchedPage {

    /** A stylesheet, script, image, font or manifest answered with a redirect is one the browser cannot use. */
    private static final Set<String> RESOURCES = Set.of("stylesheet", "script", "image", "font", "manifest");
    private static final Path SCREENSHOTS = Path.of("target", "browser");

    final Page page;
    private final String baseUrl;
    private final String who;
    private final List<String> problems = new ArrayList<>();

    WatchedPage(Page page, String baseUrl, String who) {
        this.page = page;
        this.baseUrl = baseUrl;
        this.who = who;
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                problems.add("console error: " + message.text() + " (at " + message.location() + ")");
            }
        });
        page.onPageError(error -> problems.add("script error: " + error));
        page.onRequestFailed(request -> problems.add("failed request: " + request.method() + " " + request.url()
                + " (" + request.failure() + ")"));
        page.onResponse(this::watch);
    }

    private void watch(Response response) {
        if (!response.url().startsWith(baseUrl)) {
            problems.add("request outside the application: " + response.url());
        } else if (response.status() >= 400) {
            problems.add(response.status() + " for " + response.request().method() + " " + response.url());
        }
        Request request = response.request();
        if (RESOURCES.contains(request.resourceType()) && request.redirectedFrom() != null) {
            problems.add("redirected " + request.resourceType() + ": " + request.redirectedFrom().url() + " -> " + request.url());
        }
    }

    WatchedPage open(String path) {
        page.navigate(path);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        return this;
    }

    /** Logs in, and fails here, with the form's message, when the form refuses: not later, on a page that never came. */
    WatchedPage logIn(String username, String password) {
        submitLogin(username, password);
        if (page.url().contains("error")) {
            throw new AssertionError("The login form refused " + username + ": "
                    + page.locator("vaadin-login-form [part='error-message']").first().innerText());
        }
        return this;
    }

    /** Submits the login form, let in or refused (the form then shows why). */
    WatchedPage submitLogin(String username, String password) {
        open("/login");
        String form = page.url();
        field("Username").fill(username);
        field("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        // The form posts natively and the browser follows the answer's redirect (to the page asked for, or
        // back to the form with ?error). A click does not wait for that navigation, and a page opened before
        // it arrives cancels the post and its session cookie: the next page would be the login form again.
        page.waitForURL(url -> !url.equals(form));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        return this;
    }

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    /** A shown cell of a Vaadin grid (its content is in the light DOM, in slots; a hidden grid keeps its cells). */
    Locator cell(String text) {
        return page.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(text).setVisible(true));
    }

    Locator text(String text) {
        return page.getByText(text);
    }

    Locator notification(String text) {
        return page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(text));
    }

    void expectVisible(Locator locator) {
        assertThat(locator.first()).isVisible();
    }

    /** No problem since the page was opened or since the last check; the problems are forgotten once reported. */
    void assertClean(String step) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        List<String> found = List.copyOf(problems);
        problems.clear();
        if (!found.isEmpty()) {
            throw new AssertionError(who + ", " + step + " (" + page.url() + "): " + String.join("\n  ", found));
        }
    }

    /**
     * axe-core in the page: no critical or serious violation of the WCAG 2 A and AA rules. Once overlays have
     * finished opening (a half-faded dialog has a contrast of its own); with a modal dialog open, in the dialog
     * alone, since the page behind it is hidden from assistive technology and out of reach.
     */
    void assertAccessible(String step) {
        page.waitForFunction("() => !document.querySelector('[opening], [closing]')");
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(AxeCore.script()));
        Object violations = page.evaluate("""
                async () => (await axe.run(document.querySelector('vaadin-dialog-overlay[opened], vaadin-confirm-dialog-overlay[opened]')
                        || document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}))
                    .violations.filter(v => v.impact === 'critical' || v.impact === 'serious')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ') + ' [' + n.failureSummary + ']').join(', '))
                """);
        if (violations instanceof List<?> list && !list.isEmpty()) {
            throw new AssertionError(who + ", " + step + " (" + page.url() + "), accessibility: "
                    + String.join("\n  ", list.stream().map(String::valueOf).toList()));
        }
    }

    /** Checked (no problem, accessible) and photographed as {@code target/browser/<name>.png}. */
    void checkPage(String name) {
        assertClean(name);
        assertAccessible(name);
        screenshot(name);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    boolean isOpen() {
        return !page.isClosed();
    }

    void close() {
        page.context().close();
    }
}
