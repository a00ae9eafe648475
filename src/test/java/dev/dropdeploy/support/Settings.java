package dev.dropdeploy.support;

import dev.dropdeploy.output.OutputLimits;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Settings records bound the way Spring binds them, so tests use the real defaults instead of copies. */
public final class Settings {

    private Settings() {}

    public static OutputLimits outputLimits() {
        return outputLimits(Map.of());
    }

    /** @param overrides for example {@code Map.of("line-length", "16B")} */
    public static OutputLimits outputLimits(Map<String, String> overrides) {
        Map<String, String> prefixed = new java.util.HashMap<>();
        overrides.forEach((key, value) -> prefixed.put("dropdeploy.output." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("dropdeploy.output", OutputLimits.class);
    }
}
