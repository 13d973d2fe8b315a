package uk.nhs.safety.campaign.model.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import uk.nhs.safety.campaign.api.AuditEntry;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.model.internal.testing.StoreTest;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

class AuditServiceTest {

    private final TestDatabase store;
    private final AuditServiceImpl audit;

    AuditServiceTest(TestDatabase store) {
        this.store = store;
        this.audit = new AuditServiceImpl(store.database);
    }

    @StoreTest
    void readsAMembersTrailNewestFirstUpToTheLimit() {
        Instant t0 = Instant.parse("2015-04-01T09:00:00Z");
        write(t0, "RGT", "first");
        write(t0.plusSeconds(60), "RGT", "third");
        write(t0, "RGT", "second");
        write(t0.plusSeconds(30), "RJZ", "other member");

        List<AuditEntry> trail = audit.trail("rgt", 10);

        assertThat(trail).extracting(AuditEntry::detail).containsExactly("third", "second", "first");
        assertThat(trail.get(0).at()).isEqualTo(t0.plusSeconds(60));
        assertThat(audit.trail("RGT", 2)).extracting(AuditEntry::detail).containsExactly("third", "second");
    }

    @StoreTest
    void readsCampaignWideEntriesForNoMember() {
        write(Instant.parse("2015-04-01T09:00:00Z"), null, "vocabulary");
        write(Instant.parse("2015-04-01T09:00:00Z"), "RGT", "member");

        assertThat(audit.trail(null, 10)).extracting(AuditEntry::detail).containsExactly("vocabulary");
    }

    @StoreTest
    void refusesALimitOutsideOneToAThousand() {
        assertThatThrownBy(() -> audit.trail("RGT", 0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> audit.trail("RGT", 1001)).isInstanceOf(ValidationException.class);
    }

    @StoreTest
    void shortensAnOverlongDetailRatherThanFailTheWrite() {
        write(Instant.parse("2015-04-01T09:00:00Z"), "RGT", "d".repeat(AuditLog.DETAIL_MAX + 10));

        String detail = audit.trail("RGT", 1).get(0).detail();
        assertThat(detail).hasSize(AuditLog.DETAIL_MAX).endsWith("…");
    }

    private void write(Instant at, String ods, String detail) {
        store.database.inTransaction(c -> {
            AuditLog.write(c, at, "tester", ods, "test", "subject", detail);
            return null;
        });
    }
}
