package com.webptbridge.api;

import com.webptbridge.support.EngineExtension;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served {@code /api/openapi.json} is a valid OpenAPI 3 document (swagger-parser finds nothing to
 * say), it has every endpoint the table routes at each of its paths with its path parameters, and
 * it is for logged-in callers only.
 */
class OpenApiIT {

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.start();

    @Test
    void theServedDocumentIsValidAndHasEveryEndpointAtEachOfItsPaths() throws Exception {
        HttpResponse<String> r = engine.get("/api/openapi.json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body(), null, null);
        assertThat(parsed.getMessages()).as("swagger-parser's messages").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getOpenapi()).startsWith("3.0");
        assertThat(api.getInfo().getVersion())
                .isEqualTo(com.webptbridge.build.BuildInfo.current().version());

        List<String> missing = new ArrayList<>();
        int routes = 0;
        for (Endpoint e : Endpoints.declared()) {
            for (ApiPath route : e.routes()) {
                routes++;
                // Vert.x's /api/messages/:journalId is OpenAPI's /api/messages/{journalId}.
                String path = route.vertx().replaceAll(":([A-Za-z0-9_]+)", "{$1}");
                PathItem item = api.getPaths().get(path);
                var operation = item == null
                        ? null
                        : item.readOperationsMap()
                                .get(PathItem.HttpMethod.valueOf(e.method().name()));
                if (operation == null) {
                    missing.add(e.method() + " " + path);
                    continue;
                }
                List<String> pathParams = operation.getParameters() == null
                        ? List.of()
                        : operation.getParameters().stream()
                                .filter(p -> p.getIn().equals("path"))
                                .map(p -> p.getName())
                                .toList();
                assertThat(pathParams).as(e.method() + " " + path).isEqualTo(route.parameters());
                assertThat(
                                operation.getExtensions() == null
                                        ? null
                                        : operation.getExtensions().get("x-role"))
                        .as("x-role of " + e.method() + " " + path)
                        .isEqualTo(e.open() ? null : e.role().code());
            }
        }
        assertThat(missing).as("routes missing from the document").isEmpty();
        assertThat(routes).isGreaterThan(60);
        assertThat(api.getPaths())
                .containsKeys("/api/interfaces/{interface}/messages", "/api/messages", "/api/openapi.json");
    }

    @Test
    void anAnonymousCallerIsAskedToLogIn() throws Exception {
        HttpResponse<String> r = engine.get("/api/openapi.json", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
    }
}
