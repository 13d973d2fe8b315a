package uk.nhs.safety.campaign.model.internal.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A store test, run twice: once on an in-memory H2 and once on a real PostgreSQL (embedded, or the server named by
 * {@code -Dsafety.test.postgresql.url}). The test class takes a {@link TestDatabase} or a {@link StoreKind} in its
 * constructor (a fresh, empty database for every run of every test); use it instead of {@code @Test}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(OnEveryStore.class)
public @interface StoreTest {
}
