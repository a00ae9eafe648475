# DropDeploy's own production image (docker-compose.yml). It is built FROM the offline image catalog, so it builds
# without any container registry, and it packages the jar the host's Maven built (a build stage would download every
# dependency again inside the container, through the proxy CA, on every machine):
#
#   ./mvnw -B -DskipTests package && scripts/images.sh ensure jre && docker build -t dropdeploy/dropdeploy:local .
#
# A machine that reaches Docker Hub may use the catalog's production image instead:
#   --build-arg RUNTIME_IMAGE=eclipse-temurin:21.0.8_9-jre
ARG RUNTIME_IMAGE=dropdeploy/jre:21
FROM ${RUNTIME_IMAGE}
# The data folder (repositories and versions, the secret key, the routing token, uploads) is a named volume in
# docker-compose.yml. Created here and owned by the unprivileged user, so an empty named volume starts with that owner.
# A home of its own: JGit keeps its user configuration there (~/.config/jgit).
RUN groupadd --system dropdeploy \
 && useradd --system --gid dropdeploy --home-dir /home/dropdeploy --create-home --shell /usr/sbin/nologin dropdeploy \
 && mkdir -p /app /var/lib/dropdeploy \
 && chown dropdeploy:dropdeploy /var/lib/dropdeploy \
 && chmod 700 /var/lib/dropdeploy
WORKDIR /app
COPY images/catalog.tsv /app/images/catalog.tsv
COPY templates /app/templates
COPY prompts /app/prompts
# Last: the jar changes with every commit, the rest rarely.
COPY target/dropdeploy.jar /app/dropdeploy.jar
ENV DROPDEPLOY_DATA=/var/lib/dropdeploy
# Its only privilege is the Docker socket, through the socket's group, which compose grants (group_add).
USER dropdeploy
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/app/dropdeploy.jar"]
