package uk.nhs.safety.campaign.model.internal.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import uk.nhs.safety.campaign.api.ImportResult;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.model.internal.testing.RecordingEvents;
import uk.nhs.safety.campaign.model.internal.testing.StoreTest;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

class OdsImportTest {

    private static final Path ETR = Path.of("../../../shared/data/ods/etr.csv");

    private final TestDatabase store;
    private final RecordingEvents events = new RecordingEvents();
    private final MemberServiceImpl members;

    OdsImportTest(TestDatabase store) {
        this.store = store;
        this.members = new MemberServiceImpl(store.database, events, TestDatabase.CLOCK);
    }

    @StoreTest
    void importsEveryTrustOfTheOdsExtract() throws IOException {
        List<CSVRecord> rows = rows();
        long closedRows = rows.stream().filter(r -> r.size() > 11 && !r.get(11).isBlank()).count();

        ImportResult result = importEtr("importer");

        assertThat(result).isEqualTo(new ImportResult(rows.size(), rows.size(), 0, 0, (int) closedRows));
        assertThat(rows).hasSize(241);
        assertThat(members.list(MemberQuery.all()).total()).isEqualTo(241);
        Member first = members.find(rows.get(0).get(0)).orElseThrow();
        assertThat(first.name()).isEqualTo(rows.get(0).get(1));
        assertThat(first.postcode()).isEqualTo(rows.get(0).get(9));
        assertThat(first.joined()).isEqualTo(LocalDate.now(TestDatabase.CLOCK));
        assertThat(first.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(first.demo()).isFalse();
    }

    @StoreTest
    void keepsClosedTrustsAndMarksThemClosed() throws IOException {
        importEtr("importer");

        for (CSVRecord row : rows()) {
            boolean closed = row.size() > 11 && !row.get(11).isBlank();
            assertThat(members.find(row.get(0)).orElseThrow().closed()).as(row.get(0)).isEqualTo(closed);
        }
    }

    @StoreTest
    void importingTheSameExtractTwiceChangesNothing() throws IOException {
        importEtr("importer");
        long audit = store.auditRows();
        int posted = events.posted().size();
        List<Member> before = members.list(MemberQuery.all()).items();

        ImportResult again = importEtr("importer");

        assertThat(again.added()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(241);
        assertThat(members.list(MemberQuery.all()).items()).isEqualTo(before);
        assertThat(store.auditRows()).isEqualTo(audit);
        assertThat(events.posted()).hasSize(posted);
    }

    @StoreTest
    void auditsAndAnnouncesEachNewMemberAfterCommit() throws IOException {
        events.onPost(p -> assertThat(store.count("SELECT COUNT(*) FROM member")).isEqualTo(241));

        importEtr("importer");

        assertThat(events.posted(CampaignTopics.MEMBER_JOINED)).hasSize(241)
                .allSatisfy(p -> assertThat(p.properties()).containsEntry(CampaignTopics.ACTOR, "importer"));
        assertThat(store.count("SELECT COUNT(*) FROM audit WHERE action = 'member.joined'")).isEqualTo(241);
        assertThat(store.count("SELECT COUNT(DISTINCT ods_code) FROM audit")).isEqualTo(241);
    }

    @StoreTest
    void flagsMembersImportedByTheDemoSeedAsDemonstrationData() throws IOException {
        importEtr(MemberServiceImpl.DEMO_ACTOR);

        assertThat(members.list(MemberQuery.all()).items()).allMatch(Member::demo);
    }

    @StoreTest
    void refreshesOdsDetailsButNeverTheCampaignsOwnFields() {
        Member joined = members.join("alice", new NewMember("RGT", "Old name", OrganisationType.MENTAL_HEALTH,
                null, null, LocalDate.of(2014, 6, 24)));
        Member withdrawn = members.withdraw("alice", "RGT", joined.version());
        long audit = store.auditRows();

        ImportResult result = members.importOdsExtract("importer", new StringReader(
                "RGT,CAMBRIDGE UNIVERSITY HOSPITALS NHS FOUNDATION TRUST,Y61,Q79,ADDENBROOKE'S HOSPITAL,HILLS ROAD,,"
                        + "CAMBRIDGE,CAMBRIDGESHIRE,CB2 0QQ,19920401,,,,,,,,,,,0,,G\n"), "etr-update.csv");

        assertThat(result).isEqualTo(new ImportResult(1, 0, 1, 0, 0));
        Member now = members.find("RGT").orElseThrow();
        assertThat(now.name()).isEqualTo("CAMBRIDGE UNIVERSITY HOSPITALS NHS FOUNDATION TRUST");
        assertThat(now.postcode()).isEqualTo("CB2 0QQ");
        assertThat(now.openDate()).isEqualTo(LocalDate.of(1992, 4, 1));
        assertThat(now.region()).isNotNull();
        assertThat(now.type()).isEqualTo(OrganisationType.MENTAL_HEALTH);
        assertThat(now.joined()).isEqualTo(LocalDate.of(2014, 6, 24));
        assertThat(now.status()).isEqualTo(MemberStatus.WITHDRAWN);
        assertThat(now.version()).isEqualTo(withdrawn.version() + 1);
        assertThat(store.auditRows()).isEqualTo(audit + 1);
        assertThat(events.posted(CampaignTopics.MEMBER_JOINED)).hasSize(1);
    }

    @StoreTest
    void aFileWithABadRowImportsNothingAndNamesTheLineAndField() throws IOException {
        List<String> lines = Files.readAllLines(ETR, StandardCharsets.UTF_8);
        String bad = lines.get(2).replace(",20110701,", ",2011-07-01,");
        assertThat(bad).isNotEqualTo(lines.get(2));
        lines.set(2, bad);

        assertThatThrownBy(() -> members.importOdsExtract("importer", new StringReader(String.join("\n", lines)),
                "etr-broken.csv"))
                .asInstanceOf(type(ValidationException.class))
                .extracting(ValidationException::violations).asList()
                .singleElement()
                .satisfies(v -> {
                    assertThat(((Violation) v).line()).isEqualTo(3);
                    assertThat(((Violation) v).field()).isEqualTo("open date");
                    assertThat(((Violation) v).value()).isEqualTo("2011-07-01");
                });
        assertThat(store.count("SELECT COUNT(*) FROM member")).isZero();
        assertThat(store.auditRows()).isZero();
        assertThat(events.posted()).isEmpty();
    }

    @StoreTest
    void refusesAnOverlongPostcodeAsBadInputNotADatabaseError() {
        assertThatThrownBy(() -> members.importOdsExtract("importer", new StringReader(
                "RGT,CAMBRIDGE,Y61,Q79,,,,,,CB2 0QQ CB2 0QQ CB2 0QQ,19920401,,,,,,,,,,,0,,G\n"), "etr.csv"))
                .asInstanceOf(type(ValidationException.class))
                .extracting(e -> e.violations().get(0))
                .isEqualTo(Violation.atLine(1, "postcode", "CB2 0QQ CB2 0QQ CB2 0QQ", "must be at most 16 characters"));
        assertThat(store.count("SELECT COUNT(*) FROM member")).isZero();
    }

    private ImportResult importEtr(String actor) throws IOException {
        try (Reader in = Files.newBufferedReader(ETR, StandardCharsets.UTF_8)) {
            return members.importOdsExtract(actor, in, "etr.csv");
        }
    }

    private static List<CSVRecord> rows() throws IOException {
        try (Reader in = Files.newBufferedReader(ETR, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.parse(in).getRecords();
        }
    }
}
