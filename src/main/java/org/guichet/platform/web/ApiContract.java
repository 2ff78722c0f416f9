package org.guichet.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON API's published contract: an OpenAPI 3.1 document generated from the code by springdoc, at {@code
 * /v3/api-docs} (public: it describes, it holds no data), for {@code /api/v1/**} only. It names the two ways to call
 * (the browser's session cookie with its CSRF header, or a DPoP-bound token of the mobile app) and gives every
 * operation the problem details (RFC 9457) its refusals answer with.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiContract {

    static final String PROBLEM = "ProblemDetails";

    /** The refusals every operation may answer, in order, so that the document is written the same every time. */
    private static final Map<String, String> REFUSALS = new java.util.TreeMap<>(Map.of(
            "400", "The request is not valid: the problem says which field and why.",
            "401", "Not signed in (no session, or a token refused: see WWW-Authenticate).",
            "403", "Refused: the access policy's reason (channel, second factor, role, remote access) or a scope.",
            "404", "No such thing, or not yours."));

    @Bean
    WebAccess apiContractWebAccess() {
        return WebAccess.none().open("/v3/api-docs", "/v3/api-docs/**");
    }

    @Bean
    OpenAPI guichetApi() {
        return new OpenAPI(SpecVersion.V31)
                .info(new Info()
                        .title("Guichet")
                        .version("v1")
                        .description("The agents' portal of the administration: their payslips, leave, schedule,"
                                + " requests, mail, notifications and conversations with IT support."))
                .components(new Components()
                        .addSecuritySchemes(
                                "session",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.COOKIE)
                                        .name("GUICHET_SESSION")
                                        .description("The browser's session; a change also needs the X-CSRF-TOKEN"
                                                + " header the pages give."))
                        .addSecuritySchemes(
                                "dpop",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("DPoP")
                                        .description("A token of the mobile app (guichet-mobile), bound to its key:"
                                                + " Authorization: DPoP <token> with a fresh DPoP proof (RFC 9449)."
                                                + " Its scopes limit what it reaches.")))
                .addSecurityItem(new SecurityRequirement().addList("session"))
                .addSecurityItem(new SecurityRequirement().addList("dpop"));
    }

    /**
     * Operations named after their controller and method ({@code payslipList}), the same from one start to the next,
     * so that a client generated from the contract keeps its method names.
     */
    @Bean
    org.springdoc.core.customizers.OperationCustomizer stableOperationNames() {
        return (operation, handler) -> {
            var type = handler.getBeanType()
                    .getSimpleName()
                    .replace("ApiController", "")
                    .replace("Controller", "");
            var method = handler.getMethod().getName();
            operation.setOperationId(Character.toLowerCase(type.charAt(0))
                    + type.substring(1)
                    + Character.toUpperCase(method.charAt(0))
                    + method.substring(1));
            return operation;
        };
    }

    /** Every operation answers its refusals with problem details. */
    @Bean
    OpenApiCustomizer problemsInTheContract() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problem());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> {
                        REFUSALS.forEach((status, description) -> {
                            if (operation.getResponses().get(status) == null) {
                                operation
                                        .getResponses()
                                        .addApiResponse(
                                                status,
                                                new ApiResponse()
                                                        .description(description)
                                                        .content(new Content()
                                                                .addMediaType(
                                                                        "application/problem+json",
                                                                        new MediaType()
                                                                                .schema(new Schema<>()
                                                                                        .$ref("#/components/schemas/"
                                                                                                + PROBLEM)))));
                            }
                        });
                    }));
        };
    }

    /** RFC 9457 problem details, with Guichet's error code. */
    @SuppressWarnings("rawtypes")
    private static Schema problem() {
        return new ObjectSchema()
                .description("A refusal (RFC 9457), in the caller's language.")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errorCode", new StringSchema().description("Guichet's code of the refusal"));
    }
}
