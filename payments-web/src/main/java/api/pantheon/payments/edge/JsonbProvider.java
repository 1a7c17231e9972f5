package api.pantheon.payments.edge;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** snake_case JSON for every body, as the seeds write their fields; bodies read strictly ({@link StrictJson}). */
@Provider
public class JsonbProvider implements ContextResolver<Jsonb> {

    /** The one JSON-B of the wire, also for bodies the server writes outside a response (callbacks). */
    public static final Jsonb WIRE = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withDeserializers(new StrictJson.Text(), new StrictJson.Decimal(), new StrictJson.Whole(),
                    new StrictJson.SmallWhole(), new StrictJson.Measure()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return WIRE;
    }
}
