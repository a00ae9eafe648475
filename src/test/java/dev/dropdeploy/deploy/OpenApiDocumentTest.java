package dev.dropdeploy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

class OpenApiDocumentTest {

    private static final String BASE = "/api/v1";
    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(
            GetMapping.class, "get", PostMapping.class, "post", PutMapping.class, "put", DeleteMapping.class, "delete");

    private record Endpoint(String method, String path) {}

    @Test
    void everyEndpointOfTheApiIsDescribedWithItsMethod() throws Exception {
        String yaml = new OpenApiDocument().document();
        List<Endpoint> endpoints = endpoints(apiControllers());

        assertThat(endpoints).hasSizeGreaterThan(20);
        for (Endpoint endpoint : endpoints) {
            int at = yaml.indexOf("\n  " + endpoint.path() + ":\n");
            assertThat(at).as("%s is described", endpoint.path()).isPositive();
            int next = yaml.indexOf("\n  /", at + 1);
            String section = yaml.substring(at, next < 0 ? yaml.length() : next);
            assertThat(section)
                    .as("%s %s is described", endpoint.method(), endpoint.path())
                    .contains("\n    " + endpoint.method() + ":");
        }
    }

    @Test
    void theScanFindsTheApiControllers() throws Exception {
        assertThat(apiControllers()).contains(DeployApi.class, SourcesApi.class, VersionsApi.class, ControlsApi.class);
    }

    /** Every controller of the application under {@code /api/v1}, so a new one cannot be left out of this test. */
    private static List<Class<?>> apiControllers() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<Class<?>> controllers = new ArrayList<>();
        for (BeanDefinition found : scanner.findCandidateComponents("dev.dropdeploy")) {
            Class<?> type = Class.forName(found.getBeanClassName());
            RequestMapping mapping = type.getAnnotation(RequestMapping.class);
            if (mapping != null && first(mapping.value()).startsWith(BASE)) {
                controllers.add(type);
            }
        }
        return controllers;
    }

    private static List<Endpoint> endpoints(List<Class<?>> controllers) throws Exception {
        List<Endpoint> all = new ArrayList<>();
        for (Class<?> controller : controllers) {
            String prefix = first(controller.getAnnotation(RequestMapping.class).value())
                    .substring(BASE.length());
            for (Method method : controller.getDeclaredMethods()) {
                for (Map.Entry<Class<? extends Annotation>, String> verb : VERBS.entrySet()) {
                    Annotation mapping = method.getAnnotation(verb.getKey());
                    if (mapping != null) {
                        all.add(new Endpoint(verb.getValue(), prefix + path(mapping)));
                    }
                }
            }
        }
        return all;
    }

    /** {@code path} and {@code value} are aliases; a mapping without either maps the controller's own path. */
    private static String path(Annotation mapping) throws Exception {
        String[] path = (String[]) mapping.annotationType().getMethod("path").invoke(mapping);
        String[] value = (String[]) mapping.annotationType().getMethod("value").invoke(mapping);
        return path.length > 0 ? path[0] : first(value);
    }

    private static String first(String[] values) {
        return values.length == 0 ? "" : values[0];
    }
}
