package uk.nhs.safety.campaign.api.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.CampaignException;

class PartnerSchemaTest {

    @Test
    void thePrefixIsTheIdWithUnderscores() {
        assertThat(PartnerSchema.prefix("nhsla")).isEqualTo("nhsla_");
        assertThat(PartnerSchema.prefix("my-body")).isEqualTo("my_body_");
    }

    @Test
    void refusesAMalformedIdQuotingIt() {
        assertThatThrownBy(() -> PartnerSchema.prefix("NHS LA")).isInstanceOf(CampaignException.class)
                .hasMessage("partner id 'NHS LA': must be 1 to 31 lower-case letters, digits or hyphens, starting"
                        + " with a letter");
    }

    @Test
    void acceptsEveryKindOfObjectNamedWithThePrefix() {
        List<String> statements = PartnerSchema.statements("""
                CREATE TABLE IF NOT EXISTS demo_t (id INT, CONSTRAINT demo_t_pk PRIMARY KEY (id));
                CREATE UNIQUE INDEX demo_t_ix ON demo_t (id);
                CREATE SEQUENCE demo_seq; CREATE VIEW demo_v AS SELECT id FROM demo_t;
                ALTER TABLE "demo_t" ADD COLUMN parent INT REFERENCES demo_t (id);
                INSERT INTO public.demo_t (id) VALUES (1); UPDATE demo_t SET id = 2; DELETE FROM demo_t;
                """);

        assertThatCode(() -> PartnerSchema.checkNames("demo", "V1__all.sql", statements))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesTablesIndexesSequencesViewsAndWritesOutsideThePrefixNamingEach() {
        List<String> statements = PartnerSchema.statements("""
                CREATE TABLE claim (id INT);
                CREATE INDEX claim_ix ON demo_t (id);
                CREATE SEQUENCE seq; CREATE VIEW v AS SELECT 1;
                INSERT INTO member (ods_code) VALUES ('X');
                """);

        assertThatThrownBy(() -> PartnerSchema.checkNames("demo", "V2__bad.sql", statements))
                .isInstanceOf(CampaignException.class)
                .hasMessage("migration V2__bad.sql names claim, claim_ix, seq, v, member: every object a partner"
                        + " creates or changes must be named with its prefix 'demo_'");
    }

    @Test
    void splitsAtSemicolonsOutsideQuotesAndDropsComments() {
        assertThat(PartnerSchema.statements("-- a comment; not a statement\nINSERT INTO demo_t VALUES ('a;b');\n"
                + "\n;DELETE FROM demo_t"))
                .containsExactly("INSERT INTO demo_t VALUES ('a;b')", "DELETE FROM demo_t");
    }
}
