package io.switchboard.gateway.openapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.switchboard.gateway.proxy.GatewayConfig;

/** The whole public API in one OpenAPI document: the gateway's own plus every reachable service's. */
@Path("/api/v1/openapi.json")
public class MergedOpenApiResource {

    private static final Logger LOG = Logger.getLogger(MergedOpenApiResource.class);
    // the name Quarkus gives the application's (only) document
    private static final String DEFAULT_DOCUMENT = "<default>";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    GatewayConfig config;

    @Inject
    OpenApiDocumentService ownDocument;

    @Inject
    ObjectMapper mapper;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The merged OpenAPI document of the gateway and all services",
            description = "Services that could not be reached are listed under x-switchboard-unavailable.")
    public ObjectNode merged() throws IOException {
        Map<String, CompletableFuture<ObjectNode>> fetches = new TreeMap<>();
        config.routes().forEach((name, route) -> fetches.put(name, fetch(name, route.url())));

        Map<String, ObjectNode> documents = new LinkedHashMap<>();
        List<String> unavailable = new ArrayList<>();
        fetches.forEach((name, fetch) -> {
            ObjectNode doc = fetch.join();
            if (doc != null) {
                documents.put(name, doc);
            } else {
                unavailable.add(name);
            }
        });
        ObjectNode own = (ObjectNode) mapper.readTree(ownDocument.getDocument(DEFAULT_DOCUMENT, Format.JSON));
        return OpenApiMerger.merge(own, documents, unavailable);
    }

    /** The upstream's document, or null when it is down, slow or answers with something else. */
    private CompletableFuture<ObjectNode> fetch(String route, URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                .timeout(config.openapiTimeout())
                .header("Accept", "application/json")
                .GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("status " + response.statusCode());
                    }
                    try {
                        return (ObjectNode) mapper.readTree(response.body());
                    } catch (IOException | ClassCastException e) {
                        throw new IllegalStateException("not an OpenAPI JSON document", e);
                    }
                })
                .exceptionally(e -> {
                    LOG.warnf("OpenAPI document of route %s unavailable: %s", route, e.getMessage());
                    return null;
                });
    }
}
