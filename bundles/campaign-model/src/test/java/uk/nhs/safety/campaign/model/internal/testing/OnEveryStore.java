package uk.nhs.safety.campaign.model.internal.testing;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

import uk.nhs.safety.partner.testkit.PostgresExtension;

/**
 * Runs a {@link StoreTest} once per engine: H2, then PostgreSQL (one server for the whole run, from the test kit's
 * {@link PostgresExtension}). Each run resolves the test class's constructor parameters {@link TestDatabase} (a
 * fresh, migrated database) and {@link StoreKind}.
 */
final class OnEveryStore implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(on(StoreKind.h2()), on(StoreKind.postgresql(PostgresExtension.server(context))));
    }

    private static TestTemplateInvocationContext on(StoreKind kind) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return kind.name();
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new Resolver(kind));
            }
        };
    }

    private record Resolver(StoreKind kind) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == TestDatabase.class || type == StoreKind.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == StoreKind.class ? kind : new TestDatabase(kind);
        }
    }
}
