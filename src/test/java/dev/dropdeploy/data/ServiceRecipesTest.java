package dev.dropdeploy.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceRecipesTest {

    @Test
    void everyVariableAnAttachmentSetsIsOneItsKindRemovesOnDetach() {
        for (DataKind kind : DataKind.values()) {
            assertThat(ServiceRecipes.variables(kind, "s3cret").keySet())
                    .as(kind.name())
                    .containsExactlyInAnyOrderElementsOf(kind.variables());
        }
    }

    @Test
    void javaAppsGetTheDatabaseInTheJdbcFormUnderHerokusAndSpringBootsNames() {
        Map<String, String> env = ServiceRecipes.variables(DataKind.POSTGRES, "s3cret&x=y");

        assertThat(env.get("JDBC_DATABASE_URL"))
                .as("Heroku's form: apps made for it connect with the URL alone")
                .isEqualTo("jdbc:postgresql://postgres:5432/" + env.get("PGDATABASE") + "?user=" + env.get("PGUSER")
                        + "&password=s3cret%26x%3Dy");
        assertThat(env.get("SPRING_DATASOURCE_URL"))
                .as("an app may read spring.datasource.url, which the variable outranks, into a pool of its own")
                .isEqualTo(env.get("JDBC_DATABASE_URL"));
        assertThat(env.get("JDBC_DATABASE_USERNAME"))
                .isEqualTo(env.get("PGUSER"))
                .isEqualTo(env.get("SPRING_DATASOURCE_USERNAME"));
        assertThat(env.get("JDBC_DATABASE_PASSWORD"))
                .isEqualTo("s3cret&x=y")
                .isEqualTo(env.get("SPRING_DATASOURCE_PASSWORD"));
    }
}
