package dev.dropdeploy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;

class OpenApiDocumentTest {

    private record Endpoint(String method, String path) {}

    @Test
    void everyEndpointOfTheApiIsDescribedWithItsMethod() throws Exception {
        String yaml = new OpenApiDocument().document();

        for (Endpoint endpoint : endpoints()) {
            int at = yaml.indexOf("\n  " + endpoint.path() + ":\n");
            assertThat(at).as("%s is described", endpoint.path()).isPositive();
            int next = yaml.indexOf("\n  /", at + 1);
            String section = yaml.substring(at, next < 0 ? yaml.length() : next);
            assertThat(section)
                    .as("%s %s is described", endpoint.method(), endpoint.path())
                    .contains("\n    " + endpoint.method() + ":");
        }
    }

    private static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        for (Method m : DeployApi.class.getDeclaredMethods()) {
            add(
                    all,
                    "get",
                    m.getAnnotation(GetMapping.class) == null ? null : paths(m.getAnnotation(GetMapping.class)));
            add(
                    all,
                    "post",
                    m.getAnnotation(PostMapping.class) == null
                            ? null
                            : m.getAnnotation(PostMapping.class).path());
            add(
                    all,
                    "post",
                    m.getAnnotation(PostMapping.class) == null
                            ? null
                            : m.getAnnotation(PostMapping.class).value());
            add(
                    all,
                    "put",
                    m.getAnnotation(PutMapping.class) == null
                            ? null
                            : m.getAnnotation(PutMapping.class).value());
            add(
                    all,
                    "put",
                    m.getAnnotation(PutMapping.class) == null
                            ? null
                            : m.getAnnotation(PutMapping.class).path());
            add(
                    all,
                    "delete",
                    m.getAnnotation(DeleteMapping.class) == null
                            ? null
                            : m.getAnnotation(DeleteMapping.class).value());
        }
        assertThat(all).isNotEmpty();
        return all;
    }

    private static String[] paths(GetMapping mapping) {
        return mapping.path().length > 0 ? mapping.path() : mapping.value();
    }

    private static void add(List<Endpoint> all, String method, String[] paths) {
        if (paths != null) {
            for (String path : paths) {
                all.add(new Endpoint(method.toLowerCase(Locale.ROOT), path));
            }
        }
    }
}
