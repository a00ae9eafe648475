package dev.dropdeploy.build;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param catalog the image catalog file shared with {@code scripts/images.sh}
 * @param caCertificates a folder of extra {@code *.crt} CA certificates that every image DropDeploy builds trusts (a
 *     corporate or intercepting proxy's CA); empty or missing means none
 * @param templates the folder of Dockerfile templates, one per stack family
 */
@ConfigurationProperties("dropdeploy.build")
public record BuildProperties(
        @DefaultValue("images/catalog.tsv") Path catalog,
        @DefaultValue("/usr/local/share/ca-certificates") Path caCertificates,
        @DefaultValue("templates") Path templates) {}
