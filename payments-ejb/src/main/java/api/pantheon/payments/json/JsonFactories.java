package api.pantheon.payments.json;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonReaderFactory;
import java.util.Map;

/**
 * The JSON factories every document and body goes through. {@code Json.createReader} and
 * {@code Json.createObjectBuilder} look the provider up (a service-loader scan of the class path)
 * on every call, which showed up in profiles of the hot paths; factories made once do not.
 */
public final class JsonFactories {

    public static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    public static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private JsonFactories() {
    }
}
