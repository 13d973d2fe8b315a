package uk.nhs.safety.campaign.model.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalNodeImplTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aChosenIdIsKeptAndReusedOnTheNextStart(@TempDir Path data) throws Exception {
        Path file = data.resolve("safety/node-id");
        String first = new LocalNodeImpl("", Optional.of(file), CLOCK, "1.0.0").id();
        String again = new LocalNodeImpl("", Optional.of(file), CLOCK, "1.0.0").id();

        assertThat(first).matches("[a-z0-9][a-z0-9.-]*-[0-9a-f]{6}");
        assertThat(again).isEqualTo(first);
        assertThat(Files.readString(file).strip()).isEqualTo(first);
    }

    @Test
    void twoNodesUnpackedOnOneMachineGetDifferentIds(@TempDir Path data) {
        String a = new LocalNodeImpl("", Optional.of(data.resolve("a/node-id")), CLOCK, "1.0.0").id();
        String b = new LocalNodeImpl("", Optional.of(data.resolve("b/node-id")), CLOCK, "1.0.0").id();

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aConfiguredIdWinsAndABadOneIsRefusedNamingIt(@TempDir Path data) {
        LocalNodeImpl node = new LocalNodeImpl("web1", Optional.of(data.resolve("node-id")), CLOCK, "1.2.3");

        assertThat(node.id()).isEqualTo("web1");
        assertThat(node.startedAt()).isEqualTo(CLOCK.instant());
        assertThat(node.version()).isEqualTo("1.2.3");
        assertThat(data.resolve("node-id")).doesNotExist();
        assertThatThrownBy(() -> new LocalNodeImpl("web 1", Optional.empty(), CLOCK, "1.0.0"))
                .hasMessageContaining("id 'web 1'");
    }
}
