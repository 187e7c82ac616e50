package io.switchboard.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the real test PostgreSQL and Kafka, starting them if needed.
 * Use with {@code @QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "calls"))}.
 */
public class InfraResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null) {
            throw new IllegalArgumentException("InfraResource needs the service's database name (init arg 'database')");
        }
    }

    @Override
    public Map<String, String> start() {
        Infra.ensureStarted();
        return Map.of(
                "quarkus.datasource.jdbc.url", Infra.jdbcUrl(database),
                "quarkus.datasource.username", Infra.DB_USER,
                "quarkus.datasource.password", Infra.DB_PASSWORD,
                "quarkus.flyway.username", Infra.DB_OWNER_USER,
                "quarkus.flyway.password", Infra.DB_OWNER_PASSWORD,
                "kafka.bootstrap.servers", Infra.KAFKA_BOOTSTRAP,
                "mp.jwt.verify.publickey.location", TestKeys.publicKeyPem().toUri().toString(),
                "smallrye.jwt.sign.key.location", TestKeys.privateKeyPem().toUri().toString());
    }

    @Override
    public void stop() {
        // the servers outlive one module's tests; ./switchboard test stops them at the end
    }
}
