package uk.nhs.safety.partner.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a {@link PostgresServer} parameter, one server for the whole test run: started on first use, stopped
 * when the run ends.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class MyStoreTest {
 *     @Test
 *     void works(PostgresServer postgres) {
 *         DataSource ds = postgres.newDatabase();
 *     }
 * }
 * }</pre>
 */
public final class PostgresExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            PostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    /** The run's server, started on first use. */
    public static PostgresServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("server", key -> new Running(
                PostgresServer.start()), Running.class).server();
    }

    /** Closed by JUnit when the run ends. */
    private record Running(PostgresServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }
}
