package uk.nhs.safety.partner.nhsla.internal.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;

class ClaimsCsvTest {

    static final String HEADER = String.join(",", ClaimsCsv.COLUMNS) + "\n";
    private final ClaimsCsv csv = new ClaimsCsv(Set.of("CNST", "ELS", "CNSGP"), LocalDate.of(2016, 1, 1));
    private final List<Claim> claims = new ArrayList<>();
    private final List<Violation> problems = new ArrayList<>();

    private void read(String text) throws IOException {
        csv.engine(ods -> true).parse(new StringReader(text), claims::add, problems::addAll);
    }

    @Test
    void readsAValidRowWithMoneyInPenceAndTheFinancialYear() throws IOException {
        read(HEADER + "C1,rgt,cnst,Obstetrics,Failure to Monitor,Brain Damage,2012-05-01,2015-02-03,settled,"
                + "1000000.5,£2500,300.05\n");
        assertThat(problems).isEmpty();
        Claim c = claims.get(0);
        assertThat(c.line()).isEqualTo(2);
        assertThat(c.odsCode()).isEqualTo("RGT");
        assertThat(c.scheme()).isEqualTo("CNST");
        // 1,000,000.50 + 2,500.00 + 300.05 = 1,002,800.55 pounds
        assertThat(c.valuePence()).isEqualTo(100_280_055L);
        // 3 February 2015 is in financial year 2014/15
        assertThat(c.notificationYear()).isEqualTo(2014);
        assertThat(c.status()).isEqualTo(ClaimStatus.SETTLED);
    }

    @Test
    void findsColumnsByNameInAnyOrderAndCase() throws IOException {
        read("Status,Claim Reference,ODS Code,Scheme,Specialty,Cause,Injury,Incident Date,Notification Date,"
                + "Damages Paid,Defence Costs,Claimant Costs\nopen,C2,RJZ,CNST,Radiology,Wrong Diagnosis,,"
                + "2014-01-01,2014-06-01,,10,\n");
        assertThat(problems).isEmpty();
        assertThat(claims).singleElement().satisfies(c -> {
            assertThat(c.reference()).isEqualTo("C2");
            assertThat(c.injury()).isEmpty();
            assertThat(c.defencePence()).isEqualTo(1000);
        });
    }

    @Test
    void reportsEveryProblemOfARowWithLineColumnAndValue() throws IOException {
        read(HEADER + "C1,RGT,CNST,Obstetrics,Cause,Injury,2012-05-01,2015-02-03,settled,1,1,1\n"
                + "C/2,R!,XYZ,,Cause,Injury,2015-02-30,2017-01-01,pending,-5,1.234,x\n");
        assertThat(claims).hasSize(1);
        assertThat(problems).extracting(Violation::line).containsOnly(3);
        assertThat(problems).extracting(Violation::field).contains("ods_code", "scheme", "specialty",
                "incident_date", "notification_date", "status", "damages_paid", "defence_costs", "claimant_costs");
        assertThat(problems).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo("incident_date");
            assertThat(v.value()).isEqualTo("2015-02-30");
        });
        assertThat(problems).anySatisfy(v -> assertThat(v.toString())
                .isEqualTo("line 3, scheme 'XYZ': the scheme must be one of CNSGP, CNST, ELS"));
    }

    @Test
    void checksSchemeAgainstIncidentDateAndStatusAgainstDamages() throws IOException {
        read(HEADER + "A,RGT,CNST,Obstetrics,C,I,1994-05-01,2010-01-01,open,,,\n"
                + "B,RGT,ELS,Obstetrics,C,I,1996-05-01,2010-01-01,open,,,\n"
                + "C,RGT,CNST,Obstetrics,C,I,2010-05-01,2010-01-01,open,,,\n"
                + "D,RGT,CNST,Obstetrics,C,I,2009-05-01,2010-01-01,closed,5,,\n"
                + "E,RGT,CNST,Obstetrics,C,I,2009-05-01,2010-01-01,settled,0,,\n");
        assertThat(claims).isEmpty();
        assertThat(problems).extracting(v -> v.line() + " " + v.field()).containsExactly("2 scheme", "3 scheme",
                "4 incident_date", "5 damages_paid", "6 damages_paid");
    }

    @Test
    void refusesAHeaderWithoutARequiredColumn() {
        assertThatThrownBy(() -> read("claim_reference,ods_code\nC1,RGT\n"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(Violation::field)
                        .contains("scheme", "claimant_costs"));
    }

    @Test
    void parsesPoundsStrictly() {
        assertThat(ClaimsCsv.pence("12.5")).isEqualTo(1250);
        assertThat(ClaimsCsv.pence("£0.07")).isEqualTo(7);
        assertThat(ClaimsCsv.pence("")).isZero();
        assertThat(ClaimsCsv.pence("1,000")).isEqualTo(-1);
        assertThat(ClaimsCsv.pence(".5")).isEqualTo(50);
        assertThat(ClaimsCsv.pence("5.")).isEqualTo(-1);
        assertThat(ClaimsCsv.pence("£")).isEqualTo(-1);
    }

    @Test
    void aHeaderWithAnUnnamedColumnIsRefusedAtLineOneNamingTheColumn() {
        assertThatThrownBy(() -> read(HEADER.replace("scheme,", ",") + "C1,RGT,CNST,Obstetrics,x,y,2012-05-01,"
                + "2015-02-03,settled,1,1,1\n")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("line 1, column 3 '': the header line names no column 3");
        assertThat(claims).isEmpty();
    }
}
