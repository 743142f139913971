# ISMS Flow application image.
#
#   docker build -t isms-flow .            (or: docker compose build app)
#
# Stage 1 builds the whole Maven reactor (exporter + app) with the Maven wrapper; stage 2 runs only
# the Spring Boot jar on a JRE, as a non-root user. The process-journal exporter is NOT part of this
# image: it runs inside the Camunda broker (see docker-compose.yml and docs/production.md).
#
# Requires the Maven wrapper (mvnw and .mvn/) in the build context.

# ---------------------------------------------------------------------------------------------------
# The portal (portal/, Vite) needs Node.js, which the JDK image lacks: built in its own stage.
FROM node:22-slim AS portal
WORKDIR /portal
COPY portal/package.json portal/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY portal/ ./
RUN npm run build

# ---------------------------------------------------------------------------------------------------
FROM eclipse-temurin:21-jdk AS build
WORKDIR /build

# Wrapper and POMs first, so that the dependency download is a cached layer of its own and is only
# repeated when a POM changes. This step only warms the local repository: if it fails, the real
# build below runs the same resolution again and reports the error there.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml app.pom.xml ./
COPY exporter/pom.xml exporter/
COPY opensearch/pom.xml opensearch/
RUN chmod +x mvnw && (./mvnw -B -q -DskipTests dependency:go-offline || true)

# Sources (what .dockerignore lets through) and the build itself.
COPY . .
COPY --from=portal /portal/dist/ src/main/resources/static/
RUN chmod +x mvnw && ./mvnw -B -q package -DskipTests -Dportal.skip=true

# ---------------------------------------------------------------------------------------------------
FROM eclipse-temurin:21-jre

# Fixed, unprivileged ids (not 1000, which the Ubuntu base image already uses).
RUN groupadd --system --gid 10001 isms \
 && useradd --system --uid 10001 --gid isms --home-dir /app --no-create-home --shell /usr/sbin/nologin isms \
 && mkdir -p /app/data \
 && chown -R isms:isms /app

WORKDIR /app
COPY --from=build --chown=10001:10001 /build/target/isms-flow.jar /app/isms-flow.jar

USER 10001:10001
ENV SERVER_PORT=8090
EXPOSE 8090

# Heap follows the container memory limit; extra JVM flags can be passed with JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/isms-flow.jar"]
