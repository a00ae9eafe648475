# DropDeploy's own production image (used by docker-compose.yml).
# Base images are build arguments so a machine without a registry can use the offline catalog images:
#   docker build --build-arg BUILD_IMAGE=dropdeploy/maven:3.9-jdk21 --build-arg RUNTIME_IMAGE=dropdeploy/jre:21 .
ARG BUILD_IMAGE=maven:3.9.11-eclipse-temurin-21
ARG RUNTIME_IMAGE=eclipse-temurin:21.0.8_9-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# Dependencies first: a source change reuses this layer.
COPY pom.xml ./
# Best effort: a plugin that resolves lazily still downloads in the package step below.
RUN mvn -B -q dependency:go-offline || true
COPY src ./src
RUN mvn -B -q -DskipTests -Dspotless.check.skip=true package

FROM ${RUNTIME_IMAGE}
RUN groupadd --system dropdeploy && useradd --system --gid dropdeploy --home-dir /app dropdeploy
WORKDIR /app
COPY --from=build /src/target/dropdeploy.jar /app/dropdeploy.jar
COPY images/catalog.tsv /app/images/catalog.tsv
COPY templates /app/templates
COPY prompts /app/prompts
# Runs as root's peer only through the Docker socket group, which compose grants; no other privilege.
USER dropdeploy
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/app/dropdeploy.jar"]
