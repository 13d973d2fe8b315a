package uk.nhs.safety.partner.testkit;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Runs a {@link StoreTest} on H2, then on PostgreSQL, resolving the test class's {@link PartnerStoreKind}. */
final class OnEveryStore implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(on(PartnerStoreKind.h2()),
                on(PartnerStoreKind.postgresql(PostgresExtension.server(context))));
    }

    private static TestTemplateInvocationContext on(PartnerStoreKind kind) {
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

    private record Resolver(PartnerStoreKind kind) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == PartnerStoreKind.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return kind;
        }
    }
}
