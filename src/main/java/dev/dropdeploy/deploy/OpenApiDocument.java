package dev.dropdeploy.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the API's OpenAPI description. Written by hand next to {@link DeployApi} and {@link EnvironmentApi}; {@code OpenApiDocumentTest} fails
 * when an endpoint is missing from it.
 */
@RestController
class OpenApiDocument {

    static final String PATH = "/api/openapi.yaml";

    private final String yaml;

    OpenApiDocument() throws IOException {
        this.yaml = new ClassPathResource("api/openapi.yaml").getContentAsString(StandardCharsets.UTF_8);
    }

    @GetMapping(path = PATH, produces = "application/yaml")
    String document() {
        return yaml;
    }
}
