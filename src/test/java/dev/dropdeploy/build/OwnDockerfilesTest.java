package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OwnDockerfilesTest {

    private final OwnDockerfiles vetting = new OwnDockerfiles(name -> "dropdeploy/" + name + ":catalog");

    private String vetted(String dockerfile) {
        return vetting.vet(dockerfile).dockerfile();
    }

    @Test
    void anotherProjectsImageIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> vetted("# hi\nFROM dd-app/victim:v1\nRUN find / -name main.py | xargs cat\n"))
                .isInstanceOf(BuildFailure.class)
                .as("a refusal, not an image that is merely unavailable: no build from the code instead")
                .isNotInstanceOf(BaseImageUnavailable.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("dd-app/victim:v1 is another project's image");
    }

    @Test
    void arbitraryLocalOrForeignRegistryImagesAreRefused() {
        for (String image : new String[] {
            "dropdeploy/traefik:v3.6.12", "localhost:5000/x", "ghcr.io/acme/app:1", "someone/tool", "redis:7"
        }) {
            assertThatThrownBy(() -> vetted("FROM " + image + "\n"))
                    .as(image)
                    .isInstanceOf(BuildFailure.class)
                    .hasMessageContaining("is not offered here");
        }
    }

    @Test
    void aThirdPartyStackImageIsRefusedWithTheMissingRegistryAndTheWayOut() {
        assertThatThrownBy(() -> vetted("FROM richarvey/nginx-php-fpm:3.1.6\nCOPY . .\nCMD [\"/start.sh\"]\n"))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("cannot reach")
                .hasMessageContaining("DropDeploy builds PHP apps itself: delete the Dockerfile");
        assertThatThrownBy(() -> vetted("FROM someone/tool\n"))
                .isInstanceOf(BuildFailure.class)
                .hasMessageNotContaining("delete the Dockerfile");
    }

    @Test
    void commonPublicBasesBecomeTheCatalogsEquivalentWithANote() {
        OwnDockerfiles.Vetted vetted = vetting.vet(
                "FROM node:22-alpine AS build\nRUN npm ci\nFROM docker.io/library/python:3.12-slim\nCMD x\n");
        assertThat(vetted.dockerfile())
                .isEqualTo(
                        "FROM dropdeploy/node22:catalog AS build\nRUN npm ci\nFROM dropdeploy/python:catalog\nCMD x\n");
        assertThat(vetted.notes())
                .anySatisfy(note -> assertThat(note)
                        .contains("Line 1")
                        .contains("node:22-alpine")
                        .contains("dropdeploy/node22:catalog"));
    }

    @Test
    void nodeImagesKeepTheNodeMajorTheirTagNames() {
        assertThat(vetting.vet("FROM node:lts-alpine\n").dockerfile()).isEqualTo("FROM dropdeploy/node:catalog\n");
        assertThat(vetting.vet("FROM node\n").dockerfile()).isEqualTo("FROM dropdeploy/node:catalog\n");
        assertThat(vetting.vet("FROM node:24.3-slim\n").dockerfile()).isEqualTo("FROM dropdeploy/node:catalog\n");
        assertThat(vetting.vet("FROM node:iron\n").dockerfile()).isEqualTo("FROM dropdeploy/node20:catalog\n");
        assertThat(vetting.vet("FROM node:18-bullseye\n").dockerfile()).isEqualTo("FROM dropdeploy/node20:catalog\n");
    }

    @Test
    void bunImagesBecomeTheNodeImageWithBunFromTheNpmRegistryAtTheTagsVersion() {
        OwnDockerfiles.Vetted vetted = vetting.vet("FROM oven/bun:1.1-alpine AS app\nRUN bun install\n");
        assertThat(vetted.dockerfile())
                .startsWith("FROM dropdeploy/node:catalog AS app\nRUN npm install -g bun@1.1 && ")
                .contains("useradd -m -o -u 1000 bun")
                .endsWith("\nRUN bun install\n");
        assertThat(vetted("FROM oven/bun\nCMD bun start\n")).contains("npm install -g bun@latest");
        assertThat(vetting.vet("FROM oven/bun\n").notes())
                .anySatisfy(n -> assertThat(n).contains("bun@latest"));
        assertThatThrownBy(() -> vetted("FROM node:20\nCOPY --from=oven/bun:1 /usr/local/bin/bun /usr/local/bin/\n"))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("FROM oven/bun:1 AS tools and COPY --from=tools");
    }

    @Test
    void aBuildpackStackImageIsRefusedSayingWhatToUseInstead() {
        assertThatThrownBy(() -> vetted("FROM heroku/heroku:24-build as build\nRUN curl x | tar xz\n"))
                .isInstanceOf(BaseImageUnavailable.class)
                .hasMessageContaining("heroku/heroku:24-build is not offered here (Heroku's stack image")
                .hasMessageContaining("remove the Dockerfile");
    }

    @Test
    void jdkImagesMapToTheJreForRuntimeTagsAndToTheJdkOtherwise() {
        assertThat(vetted("FROM eclipse-temurin:21-jre\n")).isEqualTo("FROM dropdeploy/jre:catalog\n");
        assertThat(vetted("FROM eclipse-temurin:21-jdk\n")).isEqualTo("FROM dropdeploy/maven:catalog\n");
        assertThat(vetted("FROM golang:1.23@sha256:abc\n")).isEqualTo("FROM dropdeploy/go:catalog\n");
    }

    @Test
    void earlierStagesByNameOrIndexAreAllowedAndKept() {
        String file = "FROM golang:1.24 AS Builder\nRUN go build\nFROM debian:trixie\n"
                + "COPY --from=builder /out /app\nCOPY --from=0 /x /y\n";
        assertThat(vetted(file))
                .contains("FROM dropdeploy/go:catalog AS Builder")
                .contains("COPY --from=builder /out /app")
                .contains("COPY --from=0 /x /y");
    }

    @Test
    void copyFromAnImageFollowsTheSameRule() {
        assertThatThrownBy(() -> vetted("FROM node:20\nCOPY --from=dd-app/victim:v1 /app /stolen\n"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("another project's image");
        assertThat(vetted("FROM node:20\nCOPY --from=caddy:2 /usr/bin/caddy /usr/bin/caddy\n"))
                .contains("COPY --from=dropdeploy/static:catalog /usr/bin/caddy /usr/bin/caddy");
    }

    @Test
    void remoteAddIsRefusedInEverySpelling() {
        for (String add : new String[] {
            "ADD http://127.0.0.1:8082/api/http/routers /r.json",
            "add HTTPS://example.com/x /x",
            "ADD --chown=1:1 http://10.0.0.1/x /x",
            "ADD [\"http://169.254.169.254/latest\", \"/m\"]",
            "ADD \\\n  http://127.0.0.1:8080/internal/routing/traefik \\\n  /t.json",
            "ADD git@github.com:a/b.git /src",
        }) {
            assertThatThrownBy(() -> vetted("FROM node:20\n" + add + "\n"))
                    .as(add)
                    .isInstanceOf(BuildFailure.class)
                    .hasMessageContaining("line 2")
                    .hasMessageContaining("from a URL is not allowed");
        }
        assertThat(vetted("FROM node:20\nADD app.tar.gz /app\n")).contains("ADD app.tar.gz /app");
    }

    @Test
    void continuationsCommentsAndTheEscapeDirectiveCannotHideAnInstruction() {
        assertThatThrownBy(() -> vetted("FROM \\\n# sneaky\n  dd-app/victim:v1\n"))
                .hasMessageContaining("another project's image");
        assertThatThrownBy(() -> vetted("# escape=`\nFROM node:20\nADD `\n http://127.0.0.1/x /x\n"))
                .hasMessageContaining("from a URL is not allowed");
    }

    @Test
    void buildArgumentsResolveFromTheirDefaultsOrAreRefused() {
        assertThat(vetted("ARG BASE=node\nARG V=20\nFROM ${BASE}:$V\n")).contains("FROM dropdeploy/node20:catalog");
        assertThat(vetted("FROM ${IMAGE:-python}:3.13\n")).contains("FROM dropdeploy/python:catalog");
        assertThatThrownBy(() -> vetted("ARG IMAGE\nFROM $IMAGE\n")).hasMessageContaining("has no default");
        assertThatThrownBy(() -> vetted("ARG IMAGE=dd-app/victim:v1\nFROM $IMAGE\n"))
                .hasMessageContaining("another project's image");
    }

    @Test
    void runMountsNetworkOptionsAndOnbuildAreRefused() {
        assertThatThrownBy(() -> vetted("FROM node:20\nRUN --mount=type=bind,from=dd-app/x:v1,target=/x cat /x\n"))
                .hasMessageContaining("RUN --mount");
        assertThatThrownBy(() -> vetted("FROM node:20\nRUN --network=host curl x\n"))
                .hasMessageContaining("not supported");
        assertThatThrownBy(() -> vetted("FROM node:20\nONBUILD ADD http://x/y /z\n"))
                .hasMessageContaining("ONBUILD");
    }

    @Test
    void aDockerfileWithoutFromIsRefused() {
        assertThatThrownBy(() -> vetted("RUN echo hi\n")).hasMessageContaining("no FROM line");
    }

    @Test
    void scratchIsAllowedAsIs() {
        assertThat(vetted("FROM scratch\nCOPY app /app\n")).startsWith("FROM scratch\n");
    }

    /** Attacks found in review: each made this check and the engine read the file differently. */
    @Test
    void anEscapeDirectiveInAnyCaseIsHonouredSoAFromItRevealsIsSeen() {
        String hidden = "# Escape=`\nFROM node:20\nRUN echo \\\nFROM dd-app/victim:v1\nRUN tar cz /app\n";
        assertThatThrownBy(() -> vetted(hidden))
                .hasMessageContaining("line 4")
                .hasMessageContaining("another project's");
    }

    @Test
    void theEngineIsGivenExactlyTheInstructionsThatWereVettedOneLineEach() {
        String vetted = vetted("\uFEFF# escape=`\nFROM node:20\n# note\nRUN echo a `\n\n  b\nCMD x\n");

        assertThat(vetted).isEqualTo("# escape=`\nFROM dropdeploy/node20:catalog\nRUN echo a   b\nCMD x\n");
    }

    @Test
    void aLineThatOnlyLooksContinuedIsRefusedSoNoFromCanHideBehindIt() {
        assertThatThrownBy(() -> vetted("FROM node:20\nRUN echo \\\f\nFROM dd-app/victim:v1\n"))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("ends with the escape character");
    }

    @Test
    void aBlankLineInsideAContinuationDoesNotEndTheInstruction() {
        String file =
                "FROM node:20\nRUN echo \\\n\nFROM node AS dd-app/victim:v1\nCOPY --from=dd-app/victim:v1 /app /s\n";
        assertThatThrownBy(() -> vetted(file)).hasMessageContaining("another project's image");
    }

    @Test
    void copyFlagsAreTakenOnlyWhenWrittenPlainly() {
        for (String flag :
                new String[] {"--\\from=dd-app/victim:v1", "--\"from\"=dd-app/victim:v1", "--link", "--chmod=777"}) {
            assertThatThrownBy(() -> vetted("FROM node:20\nCOPY " + flag + " /app /s\n"))
                    .as(flag)
                    .hasMessageContaining("is not supported");
        }
        assertThat(vetted("FROM node:20\nCOPY --chown=node:node . /app\n")).contains("COPY --chown=node:node . /app");
    }

    @Test
    void addSourcesWithVariablesQuotesOrUrlsAnywhereAreRefused() {
        for (String add : new String[] {
            "ENV U=http://169.254.169.254/latest/meta-data/\nADD $U /m",
            "ADD \"http://127.0.0.1:8082/api/http/middlewares\" /x",
            "ADD h\\ttp://127.0.0.1/x /x",
            "ADD --chown=0 [\"http://127.0.0.1/x\",\"/x\"]",
        }) {
            assertThatThrownBy(() -> vetted("FROM node:20\n" + add + "\n"))
                    .as(add)
                    .isInstanceOf(BuildFailure.class);
        }
        assertThat(vetted("FROM node:20\nADD [\"site.tar.gz\", \"/srv/\"]\n"))
                .contains("ADD [\"site.tar.gz\", \"/srv/\"]");
    }

    /** The engine removes the escape character before it decides that a source is a URL. */
    @Test
    void anAddUrlSpelledWithTheBacktickEscapeIsRefused() {
        assertThatThrownBy(() -> vetted(
                        "# escape=`\nFROM debian\nADD http:`/`/169.254.169.254/latest/meta-data/?a /x\nRUN cat /x\n"))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("plain local paths");
        assertThat(vetted("FROM node:20\nADD [\"a.tar.gz\",\"/srv/\"]\n")).contains("ADD [\"a.tar.gz\",\"/srv/\"]");
        assertThat(vetted("FROM node:20\nADD [\"my archive.tar.gz\", \"/srv/\"]\n"))
                .contains("my archive.tar.gz");
        assertThat(vetted("FROM node:20\nADD donn\u00e9es=1[0-9].tar.gz /x\n"))
                .contains("ADD donn\u00e9es=1[0-9].tar.gz /x");
    }

    /**
     * A line ending in the escape character and a vertical tab is whole here but continued by the engine, which would
     * swallow the next FROM into a RUN and leave its stage name to resolve to a local image (another tenant's).
     */
    @Test
    void aLineTheEngineCouldJoinDifferentlyIsRefusedBeforeItHidesAStage() {
        assertThatThrownBy(
                        () -> vetted("FROM node:22\nRUN true \\\u000b\nFROM node:22 AS a1b\nFROM a1b\nRUN ls /app\n"))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> vetted("\u00a0# escape=`\nFROM node:22\nRUN true `\nFROM a1b\n"))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("not a Dockerfile instruction");
        assertThatThrownBy(() -> vetted("FROM node:22\nRUN true \\\u00a0\nFROM node:22 AS a1b\nFROM a1b\n"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("unusual space");
        assertThat(vetted("FROM node:22\nRUN echo \"Termin\u00e9\u00a0!\"\tthere\n"))
                .as("letters beyond ASCII, a no-break space inside the text and tabs are ordinary")
                .contains("RUN echo \"Termin\u00e9\u00a0!\"\tthere");
    }
}
