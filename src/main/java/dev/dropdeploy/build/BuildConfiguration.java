package dev.dropdeploy.build;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BuildConfiguration {

    /** Loaded at start-up so a broken catalog stops DropDeploy with the file and line, not the first build. */
    @Bean
    ImageCatalog imageCatalog(BuildProperties properties) {
        return ImageCatalog.load(properties.catalog());
    }
}
