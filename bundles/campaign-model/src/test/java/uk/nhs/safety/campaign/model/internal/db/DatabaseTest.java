package uk.nhs.safety.campaign.model.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.model.internal.testing.StoreTest;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

class DatabaseTest {

    private final TestDatabase store;

    DatabaseTest(TestDatabase store) {
        this.store = store;
    }

    @StoreTest
    void commitsWorkThatReturns() {
        String code = store.database.inTransaction(c -> {
            insertFocusArea(c, "x-ray");
            return "x-ray";
        });

        assertThat(code).isEqualTo("x-ray");
        assertThat(store.count("SELECT COUNT(*) FROM focus_area WHERE code = 'x-ray'")).isEqualTo(1);
    }

    @StoreTest
    void rollsBackAndRethrowsTheSameExceptionWhenWorkFails() {
        NotFoundException failure = new NotFoundException("gone");

        assertThatThrownBy(() -> store.database.inTransaction(c -> {
            insertFocusArea(c, "x-ray");
            throw failure;
        })).isSameAs(failure);
        assertThat(store.count("SELECT COUNT(*) FROM focus_area WHERE code = 'x-ray'")).isZero();
    }

    @StoreTest
    void wrapsSqlErrorsWithTheirMessageAndRollsBack() {
        assertThatThrownBy(() -> store.database.inTransaction(c -> {
            insertFocusArea(c, "x-ray");
            insertFocusArea(c, "x-ray");
            return null;
        })).isInstanceOf(CampaignException.class)
                .hasMessageStartingWith("database write failed: ")
                .hasCauseInstanceOf(SQLException.class);
        assertThat(store.count("SELECT COUNT(*) FROM focus_area WHERE code = 'x-ray'")).isZero();
    }

    @StoreTest
    void startingTwiceOnTheSameDatabaseKeepsItsData() {
        store.database.inTransaction(c -> {
            insertFocusArea(c, "x-ray");
            return null;
        });

        new Database(store.dataSource, Migrations.bundled(TestDatabase.CLOCK));

        assertThat(store.count("SELECT COUNT(*) FROM focus_area WHERE code = 'x-ray'")).isEqualTo(1);
    }

    private static void insertFocusArea(java.sql.Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO focus_area (code, label) VALUES (?, 'X')")) {
            ps.setString(1, code);
            ps.executeUpdate();
        }
    }
}
