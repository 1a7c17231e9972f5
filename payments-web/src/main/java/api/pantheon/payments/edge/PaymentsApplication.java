package api.pantheon.payments.edge;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** Every dialect under the context root {@code /payments}, so each seed's paths work as written. */
@ApplicationPath("/")
@OpenAPIDefinition(
        info = @Info(title = "Pantheon Payments", version = "1",
                description = "Payment requests and payments. Errors answer {\"success\":false,\"error\":{\"code\",\"key\",\"message\"}}."),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "A client's API token, or the operator's admin token on /admin"),
        @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
                description = "The client's API token as user name and an empty password")})
public class PaymentsApplication extends Application {

    /** OPTIONS would otherwise answer Jersey's WADL: a description of the server's insides nobody asked for. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
