package uk.nhs.safety.partner.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresServerTest {

    @Test
    void eachNewDatabaseIsARealEmptyPostgresqlOfItsOwn(PostgresServer postgres) throws Exception {
        DataSource first = postgres.newDatabase();
        DataSource second = postgres.newDatabase();
        try (Connection c = first.getConnection(); Statement s = c.createStatement()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            s.execute("CREATE TABLE t (n INTEGER)");
            s.execute("INSERT INTO t VALUES (1)");
        }
        try (Connection c = second.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 't'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
