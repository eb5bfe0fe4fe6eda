package com.uberpopug.ates.app.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright: Playwright's own browser download is skipped, since this
 * machine's registries do not serve it; {@code ./ates test} installs the {@code chromium} package. Each
 * person of a journey gets a browser context of their own (their own cookies, their own session).
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of(System.getProperty("ates.test.chromium", "/usr/bin/chromium"));
    /** Without these, Chromium phones home at start and this machine's closed network refuses it. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final Browser browser;
    private final List<WatchedPage> visitors = new ArrayList<>();

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("No Chromium at " + EXECUTABLE + ": ./ates test installs Debian's chromium package "
                    + "(apt-get install chromium), or set -Dates.test.chromium=<path>");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(FLAGS));
        return new Chromium(playwright, browser);
    }

    /** A new person at the application: a fresh context and its first page, watched. */
    WatchedPage visitor(String baseUrl, String who) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl).setViewportSize(1280, 860).setLocale("en-GB").setTimezoneId("UTC"));
        context.setDefaultTimeout(15_000);
        WatchedPage visitor = new WatchedPage(context.newPage(), baseUrl, who);
        visitors.add(visitor);
        return visitor;
    }

    /** What each person still at the application saw when a journey failed: {@code target/browser/<test>-<n>.png}. */
    void photographOpenPages(String test) {
        for (int i = 0; i < visitors.size(); i++) {
            if (visitors.get(i).isOpen()) {
                visitors.get(i).screenshot(test + "-" + i);
                visitors.get(i).close();
            }
        }
        visitors.clear();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
