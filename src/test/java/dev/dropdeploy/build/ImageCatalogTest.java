package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageCatalogTest {

    private static final Path CATALOG = Path.of("images/catalog.tsv");

    private final ImageCatalog catalog = ImageCatalog.parse(
            List.of(
                    "# name production offline recipe",
                    "",
                    "postgres  postgres:17.7  dropdeploy/postgres:17  postgres"),
            "test");

    @Test
    void theProductionImageWinsWhenTheEngineHasIt() {
        assertThat(catalog.resolve("postgres", Set.of("postgres:17.7", "dropdeploy/postgres:17")::contains))
                .isEqualTo("postgres:17.7");
    }

    @Test
    void theOfflineTagIsUsedWhenOnlyItWasBuilt() {
        assertThat(catalog.resolve("postgres", Set.of("dropdeploy/postgres:17")::contains))
                .isEqualTo("dropdeploy/postgres:17");
    }

    @Test
    void aMissingImageNamesTheCommandThatBuildsIt() {
        assertThatIllegalStateException()
                .isThrownBy(() -> catalog.resolve("postgres", ref -> false))
                .withMessageContaining("scripts/images.sh ensure postgres");
    }

    @Test
    void aMalformedLineIsReportedWithItsLineNumber() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ImageCatalog.parse(List.of("# x", "node node:20"), "catalog.tsv"))
                .withMessageContaining("catalog.tsv:2");
    }

    @Test
    void theRepositoryCatalogListsEveryImageWithAnOfflineRecipe() {
        ImageCatalog real = ImageCatalog.load(CATALOG);

        for (String name : List.of("debian", "postgres", "traefik", "static", "node", "python", "maven", "jre")) {
            CatalogImage image = real.get(name);
            assertThat(image.offline()).startsWith("dropdeploy/");
            assertThat(image.production())
                    .as("pinned, never latest")
                    .contains(":")
                    .doesNotEndWith(":latest");
            assertThat(Files.isDirectory(Path.of("images/recipes", image.recipe())))
                    .as("recipe folder for %s", name)
                    .isTrue();
        }
    }
}
