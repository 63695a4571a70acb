package nl.koers.command.common;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import nl.koers.command.idempotency.IdempotencyFilter;
import nl.koers.platform.web.Problems;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpenAPI description of the command endpoints with what api.md promises for each: the headers
 * (Idempotency-Key, If-Match) and every error as RFC 7807 problem details, so a client sees them without
 * reading the code. One customizer instead of the same annotations on every method.
 */
@Configuration(proxyBeanMethods = false)
public class CommandApiDocs {
    static final String PREFIX = "/api/trajectories";
    static final String PROBLEM = "Problem";

    @Bean
    OpenApiCustomizer commandErrorResponses() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith(PREFIX) && item.getPost() != null) {
                    document(item.getPost(), !path.equals(PREFIX));
                }
            });
        };
    }

    private static void document(Operation operation, boolean onExistingTrajectory) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponse ok = responses.remove("200");
        responses.addApiResponse("201", (ok == null ? new ApiResponse() : ok).description(onExistingTrajectory
                ? "Recorded; the body and the ETag give the trajectory's new version"
                : "Opened; Location points at the new trajectory"));
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Malformed or invalid input (field errors listed), or a malformed If-Match or "
                + "Idempotency-Key");
        errors.put("401", "No valid credentials");
        errors.put("403", "Only youth workers record, and only in their own focus areas");
        if (onExistingTrajectory) {
            errors.put("404", "No such trajectory (or intervention)");
        }
        errors.put("409", onExistingTrajectory
                ? "The trajectory's state does not allow this, or If-Match is stale"
                : "The youth already has an open trajectory");
        errors.put("422", "The Idempotency-Key was used before with another request");
        errors.forEach((status, description) -> responses.addApiResponse(status, new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(Problems.MEDIA_TYPE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
        operation.setResponses(responses);
        operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                .description("Up to 100 characters; repeating the request with the same key and body returns the "
                        + "first answer and records nothing new")
                .schema(new StringSchema().maxLength(IdempotencyFilter.MAX_KEY_LENGTH)));
        if (onExistingTrajectory) {
            operation.addParametersItem(new HeaderParameter().name(IfMatch.HEADER).required(false)
                    .description("The version you last saw, e.g. \"3\"; 409 when the trajectory has moved on")
                    .schema(new StringSchema()));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema());
        fieldError.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 7807 problem details");
        problem.addProperty("type", new StringSchema());
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        return problem;
    }
}
