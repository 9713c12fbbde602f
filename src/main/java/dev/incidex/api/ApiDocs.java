package dev.incidex.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI document's title and tags (served at /q/openapi, browsable at /q/swagger-ui). */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Incidex API",
                        version = "1",
                        description =
                                "Status-page incidents of the vendors Incidex watches. Errors are JSON: {\"status\":400,\"error\":\"…\"}.",
                        license = @License(name = "Apache-2.0")),
        tags = {
            @Tag(name = "vendors", description = "Vendors, their state, and their incident history"),
            @Tag(name = "incidents", description = "One incident with its timeline"),
            @Tag(name = "search", description = "Search across every vendor's history")
        })
public class ApiDocs extends Application {}
