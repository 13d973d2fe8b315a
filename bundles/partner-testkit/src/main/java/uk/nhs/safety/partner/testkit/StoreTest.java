package uk.nhs.safety.partner.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A partner store test, run twice: on in-memory H2 and on a real PostgreSQL (embedded, or the server named by
 * {@value PostgresServer#URL_PROPERTY}; one server for the whole run). Use it instead of {@code @Test}; the test class
 * takes a {@link PartnerStoreKind} in its constructor and opens its tables with it:
 *
 * <pre>{@code
 * class ClaimsStoreTest {
 *     private final TestPartnerDatabase db;
 *
 *     ClaimsStoreTest(PartnerStoreKind store) {
 *         db = store.open("nhsla", ScriptSource.classpath(NhslaService.class, "db"));
 *     }
 *
 *     @StoreTest
 *     void works() { ... }
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(OnEveryStore.class)
public @interface StoreTest {
}
