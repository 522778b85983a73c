# Build: docker build -t zhenggai .   Run: see docker-compose.yml
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY modules modules
COPY seeds seeds
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 zhenggai && mkdir -p /data && chown zhenggai /data
USER zhenggai
WORKDIR /app
COPY --from=build /src/modules/app/target/zhenggai.jar /app/zhenggai.jar
ENV ZHENGGAI_DATA_DIR=/data SERVER_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD wget -qO- http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-Xmx256m", "-Xss512k", "-jar", "/app/zhenggai.jar"]
