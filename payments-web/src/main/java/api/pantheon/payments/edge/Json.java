package api.pantheon.payments.edge;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonReaderFactory;
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
}
