package dev.incidex.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The app documents its own API: every /api path with its parameters and error answers, and Swagger UI to browse it. */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class OpenApiTest {

    @Test
    void theDocumentListsEveryApiPath() {
        JsonPath doc = given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        assertThat(paths)
                .containsKeys(
                        "/api/vendors",
                        "/api/vendors/{slug}",
                        "/api/vendors/{slug}/incidents",
                        "/api/vendors/{slug}/incidents.csv",
                        "/api/incidents/{id}",
                        "/api/search",
                        "/api/additions/{id}");
        assertThat(paths.keySet().stream().filter(p -> p.startsWith("/api"))).hasSize(7);
        for (String path : paths.keySet()) {
            assertThat(doc.getString("paths['" + path + "'].get.summary"))
                    .as(path + " summary")
                    .isNotBlank();
        }
        assertThat(doc.getList("paths['/api/vendors/{slug}/incidents'].get.parameters.name"))
                .contains("slug", "from", "to", "impact", "status", "component", "q", "limit", "cursor");
        assertThat(doc.getMap("paths['/api/vendors/{slug}/incidents'].get.responses"))
                .containsKeys("200", "400", "404");
        assertThat(doc.getMap("paths['/api/search'].get.responses")).containsKeys("200", "400");
    }

    @Test
    void swaggerUiAnswers() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
