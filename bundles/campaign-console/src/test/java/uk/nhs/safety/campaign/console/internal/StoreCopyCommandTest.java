package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.store.StoreCopyReport;
import uk.nhs.safety.campaign.api.store.TableComparison;
import uk.nhs.safety.partner.testkit.ConsoleOutput;

class StoreCopyCommandTest {

    private final List<String> calls = new ArrayList<>();

    private ConsoleOutput copy(StoreCopyReport answer, RuntimeException failure) throws Exception {
        StoreCopyCommand c = new StoreCopyCommand();
        c.storeCopier = (url, user, password) -> {
            calls.add(url + " " + user + " " + password);
            if (failure != null) {
                throw failure;
            }
            return answer;
        };
        c.in(FakeSession.of("admin"));
        c.url = "jdbc:postgresql://db:5432/safety";
        c.user = "safety";
        c.password = "secret";
        return ConsoleOutput.run(c);
    }

    @Test
    void printsEveryTablesCountsAndChecksumsAndWhatToDoNext() throws Exception {
        ConsoleOutput output = copy(new StoreCopyReport("H2 jdbc:h2:file:data/safety/campaign",
                "PostgreSQL jdbc:postgresql://db:5432/safety", List.of(
                        new TableComparison("member", 241, 241, "00aa", "00aa"),
                        new TableComparison("audit", 3, 3, "11bb", "11bb")), true), null);

        assertThat(calls).containsExactly("jdbc:postgresql://db:5432/safety safety secret");
        assertThat(output.out()).contains("From H2 jdbc:h2:file:data/safety/campaign",
                "To   PostgreSQL jdbc:postgresql://db:5432/safety", "Copied 244 rows in 2 tables",
                "etc/org.ops4j.datasource-safety.cfg");
        assertThat(output.row("member")).contains(List.of("member", "241", "241", "00aa", "00aa", "yes"));
        assertThat(output.errLines()).isEmpty();
    }

    @Test
    void aDifferenceIsAnErrorNamingTheTable() throws Exception {
        ConsoleOutput output = copy(new StoreCopyReport("H2 a", "PostgreSQL b", List.of(
                new TableComparison("member", 241, 240, "00aa", "00ab")), false), null);

        assertThat(output.row("member")).contains(List.of("member", "241", "240", "00aa", "00ab", "NO"));
        assertThat(output.err()).startsWith("Error: the tables marked NO differ");
    }

    @Test
    void aRefusedCopyIsOneErrorLine() throws Exception {
        ConsoleOutput output = copy(null, new CampaignException("the target database PostgreSQL b is not empty"));

        assertThat(output.errLines()).containsExactly("Error: the target database PostgreSQL b is not empty");
    }
}
