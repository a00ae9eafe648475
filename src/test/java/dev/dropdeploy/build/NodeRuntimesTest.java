package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeRuntimesTest {

    @ParameterizedTest(name = "a project asking for \"{0}\" gets {1}")
    @CsvSource(
            delimiter = ';',
            nullValues = "NULL",
            value = {
                "NULL ; node",
                "'' ; node",
                "lts/* ; node",
                "node ; node",
                "lts-alpine ; node",
                "alpine3.20 ; node",
                "24 ; node",
                "v24.1.0 ; node",
                ">=18 ; node",
                ">= 18.0.0 ; node",
                "^22.22.3 || ^24.15.0 || >=26.0.0 ; node",
                ">=22.23.4 ; node",
                "22 ; node22",
                "22.x ; node22",
                "^22.12 ; node22",
                "~22.4.1 ; node22",
                "lts/jod ; node22",
                "jod-alpine ; node22",
                "22-alpine ; node22",
                ">=20 <23 ; node22",
                "18 - 22 ; node22",
                "<23 ; node22",
                "<=22.9 ; node22",
                "20 ; node20",
                "v20.11.1 ; node20",
                "lts/iron ; node20",
                "^20.19.0 ; node20",
                ">=18 <21 ; node20",
                ">=14 <=20 ; node20",
                "<21.0.0 ; node20",
                "18 ; node20",
                "16.x ; node20",
                "lts/gallium ; node20",
                "<18 ; node20",
                ">=26 ; node",
                ">24 ; node",
                ">22.1 <24 ; node22",
                "^0.10 || 27 ; node",
                "21 ; node22",
                "~21.1 ; node22",
                ">=21 <22 ; node22",
                "23.x ; node",
                "19 ; node20",
                "99999999999 ; node",
                ">=18 <99999999999 ; node",
            })
    void aProjectGetsTheNewestOfferedNodeItsRangeAdmitsOrTheClosest(String asked, String catalogName) {
        assertThat(NodeRuntimes.catalogName(asked)).isEqualTo(catalogName);
    }
}
