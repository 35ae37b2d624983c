package dev.agentsessions.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentsessions.support.Browsers;
import dev.agentsessions.support.Db;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The demo page at `/`, used by real visitors in headless Chromium. */
@QuarkusTest
class DemoPageBrowserTest {

    @TestHTTPResource("/")
    URL demoPage;

    @Inject
    Db db;

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
    }

    private ChromeDriver visitor() {
        ChromeDriver browser = Browsers.start();
        browsers.add(browser);
        open(browser);
        return browser;
    }

    private void open(ChromeDriver browser) {
        browser.get(demoPage.toString());
        waitFor(browser, () -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private static void waitFor(ChromeDriver browser, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> condition.getAsBoolean());
    }

    private static void say(ChromeDriver browser, String text) {
        int replies = shown(browser).size() + 2;
        browser.findElement(By.id("message")).sendKeys(text, Keys.ENTER);
        waitFor(browser, () -> shown(browser).size() >= replies
                && browser.findElements(By.cssSelector("#messages [aria-busy]")).isEmpty()
                && browser.findElement(By.id("send")).isEnabled());
    }

    /** The conversation as the visitor sees it: "role: text" per bubble. */
    private static List<String> shown(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("#messages li")).stream()
                .map(li -> li.getDomAttribute("data-role") + ": " + text(li))
                .toList();
    }

    private static String text(WebElement item) {
        List<WebElement> text = item.findElements(By.className("text"));
        return text.isEmpty() ? item.getText() : text.get(0).getText();
    }

    private static String sessionShown(ChromeDriver browser) {
        return browser.findElement(By.id("session-id")).getText();
    }

    private static Object stored(ChromeDriver browser) {
        return browser.executeScript("return localStorage.getItem('agent_session_id')");
    }

    @Test
    void aConversationSurvivesAReloadAndAnotherVisitorHasTheirOwn() {
        ChromeDriver alice = visitor();
        assertEquals("none yet", sessionShown(alice));
        say(alice, "My name is Alice");
        say(alice, "What is my name?");
        List<String> conversation = shown(alice);
        assertEquals(List.of("user: My name is Alice",
                "assistant: Nice to meet you, Alice! I will remember your name for this conversation.",
                "user: What is my name?",
                "assistant: Your name is Alice."), conversation);
        String session = sessionShown(alice);
        assertEquals(session, stored(alice));
        assertEquals(List.of("demo", "localhost", 4),
                db.rows("SELECT agent_id, website_domain, message_count FROM agent_sessions WHERE session_id = ?", session).get(0));

        alice.navigate().refresh();
        waitFor(alice, () -> "true".equals(alice.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertEquals(conversation, shown(alice));
        assertEquals(session, sessionShown(alice));
        assertTrue(alice.findElement(By.id("status")).getText().contains("Restored 4 messages"));
        say(alice, "What is my name?");
        assertEquals("assistant: Your name is Alice.", shown(alice).get(5));
        assertNotNull(Browsers.screenshot(alice, "demo-page"));

        ChromeDriver bob = visitor();
        assertEquals(List.of(), shown(bob));
        assertEquals("none yet", sessionShown(bob));
        say(bob, "What is my name?");
        assertEquals("assistant: I don't know your name yet. Tell me with \"My name is ...\".", shown(bob).get(1));
        String bobsSession = sessionShown(bob);
        assertNotEquals(session, bobsSession);
        assertEquals(2L, db.count("SELECT message_count FROM agent_sessions WHERE session_id = ?", bobsSession));
        assertEquals(6L, db.count("SELECT message_count FROM agent_sessions WHERE session_id = ?", session));
    }

    @Test
    void aNewConversationStartsAfreshAndErasingRemovesItFromTheServer() {
        ChromeDriver visitor = visitor();
        say(visitor, "My name is Carol");
        String first = sessionShown(visitor);

        visitor.findElement(By.id("new-conversation")).click();
        waitFor(visitor, () -> !sessionShown(visitor).equals(first) && shown(visitor).isEmpty());
        String second = sessionShown(visitor);
        assertEquals("ended", db.single("SELECT status FROM agent_sessions WHERE session_id = ?", first));
        say(visitor, "What is my name?");
        assertEquals("assistant: I don't know your name yet. Tell me with \"My name is ...\".", shown(visitor).get(1));
        assertEquals(second, sessionShown(visitor));

        visitor.findElement(By.id("erase")).click();
        waitFor(visitor, () -> "none yet".equals(sessionShown(visitor)) && shown(visitor).isEmpty());
        assertEquals(0L, db.count("SELECT count(*) FROM agent_sessions WHERE session_id = ?", second));
        assertEquals(null, stored(visitor));

        open(visitor);
        assertEquals(List.of(), shown(visitor));
    }
}
