package api.pantheon.payments.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentTypeTest {

    @Test
    void readsTypeAndCharset() {
        ContentType type = ContentType.parse("Application/JSON; charset=\"UTF-8\"").orElseThrow();
        assertEquals("application", type.type());
        assertEquals("json", type.subtype());
        assertEquals(Optional.of("UTF-8"), type.charset());
        assertTrue(type.isJson());
        assertTrue(ContentType.parse("application/problem+json;").orElseThrow().isJson());
        assertFalse(ContentType.parse("text/csv; header=present").orElseThrow().isJson());
        assertEquals(Optional.empty(), ContentType.parse(null));
        assertEquals(Optional.empty(), ContentType.parse(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "application/", "/json", "application/json; charset", "application/json;charset=a b",
            "application/json; =x", "application json", "application/json, text/plain", "appl(ication/json"})
    void refusesWhatIsNotAMediaType(String header) {
        assertThrows(IllegalArgumentException.class, () -> ContentType.parse(header));
    }

    @Test
    void onlyUtf8IsJson() {
        assertTrue(ContentType.isUtf8("utf-8"));
        assertTrue(ContentType.isUtf8("UTF8"));
        assertFalse(ContentType.isUtf8("bogus"));
        assertFalse(ContentType.isUtf8("ISO-8859-1"));
    }

    @Test
    void countsNestingOutsideStrings() {
        assertFalse(JsonDepth.exceeds(bytes("{\"a\":[{\"b\":1}]}"), 3));
        assertTrue(JsonDepth.exceeds(bytes("{\"a\":[{\"b\":[1]}]}"), 3));
        assertFalse(JsonDepth.exceeds(bytes("{\"a\":\"[[[[[[[[\\\"[[[[\"}"), 1), "brackets inside strings do not count");
        assertTrue(JsonDepth.exceeds(bytes("[".repeat(1000)), 32));
        assertFalse(JsonDepth.exceeds(bytes("[]".repeat(1000)), 1), "siblings are not depth");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
