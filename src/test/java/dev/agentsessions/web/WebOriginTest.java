package dev.agentsessions.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebOriginTest {

    @Test
    void originsAreNormalised() {
        assertEquals("https://shop.example.com", WebOrigin.parse("HTTPS://Shop.Example.com:443").orElseThrow().toString());
        assertEquals("http://localhost:3000", WebOrigin.parse("http://localhost:3000").orElseThrow().toString());
        assertEquals("http://example.com", WebOrigin.parse("http://example.com:80").orElseThrow().toString());
    }

    @Test
    void anythingButAPlainOriginIsRefused() {
        for (String text : new String[] {"null", "", "https://a.com/path", "https://a.com?q=1", "ftp://a.com",
                "https://user@a.com", "javascript:alert(1)", "a.com"}) {
            assertTrue(WebOrigin.parse(text).isEmpty(), text);
        }
    }
}
