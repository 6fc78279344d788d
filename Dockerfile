# syntax=docker/dockerfile:1
# One image recipe for the three services: docker compose builds it once per service from the
# repository root, with SERVICE (the module: gateway, posts-service, render-service) and PORT
# (its HTTP port) as build arguments.
# Stage 1: build every module once with Maven; stage 2: only the service's jar on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
# The poms first: dependencies resolve in a layer of their own (and in BuildKit's cache mount),
# so a change to the sources does not download the world again.
COPY pom.xml ./
COPY common/pom.xml common/
COPY render-service/pom.xml render-service/
COPY posts-service/pom.xml posts-service/
COPY gateway/pom.xml gateway/
COPY standalone/pom.xml standalone/
COPY bench/pom.xml bench/
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -q dependency:go-offline -pl ${SERVICE} -am -DexcludeGroupIds=io.octavo || true
COPY common common
COPY ${SERVICE} ${SERVICE}
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -q package -DskipTests -pl ${SERVICE} -am

FROM eclipse-temurin:17-jre
ARG SERVICE
ARG PORT
RUN groupadd --system octavo && useradd --system --gid octavo --home-dir /app octavo
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/service.jar
USER octavo
ENV HTTP_PORT=${PORT} JAVA_OPTS="-XX:MaxRAMPercentage=75"
EXPOSE ${PORT} 5701
# Ready only when the node has joined the cluster and its dependencies answer.
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/$HTTP_PORT && printf "GET /ready HTTP/1.0\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'
# CLUSTER_HOST defaults to this container's address, so replicas need no per-replica settings.
CMD ["bash", "-c", "export CLUSTER_HOST=${CLUSTER_HOST:-$(hostname -i | cut -d' ' -f1)}; exec java $JAVA_OPTS -jar /app/service.jar"]
