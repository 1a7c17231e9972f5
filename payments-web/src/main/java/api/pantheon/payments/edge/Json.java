package api.pantheon.payments.edge;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/**
 * The JSON factories the web module builds and reads documents with. {@code Json.createReader} and
 * {@code Json.createObjectBuilder} look the provider up on every call, which showed in profiles of
 * the hot paths; factories made once do not.
 */
public final class Json {

    public static final JsonBuilderFactory BUILDERS = jakarta.json.Json.createBuilderFactory(Map.of());
    public static final JsonReaderFactory READERS = jakarta.json.Json.createReaderFactory(Map.of());

    private Json() {
    }

    /** JSON text this server wrote itself (stored metadata), as a value to embed in a response. */
    public static JsonValue readStored(String text) {
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
