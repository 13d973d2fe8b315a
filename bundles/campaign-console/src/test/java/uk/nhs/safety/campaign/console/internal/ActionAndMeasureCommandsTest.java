package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.partner.testkit.ConsoleOutput;

class ActionAndMeasureCommandsTest {

    private final FakePledgeService pledges = new FakePledgeService();
    private final FakeMeasureService measures = new FakeMeasureService();

    @Test
    void addsADraftActionForThePledgeGivenByTitle() throws Exception {
        ActionAddCommand c = new ActionAddCommand();
        c.pledgeService = pledges;
        c.in(FakeSession.of("alice"));
        c.ods = "rgt";
        c.pledge = "be honest";
        c.text = "Publish monthly harm data on the trust website";
        c.owner = "Director of Nursing";
        c.due = "2015-09-30";
        c.status = "in-progress";

        ConsoleOutput output = ConsoleOutput.run(c);

        PledgeAction added = pledges.actions.get(0);
        assertThat(added.pledge()).isEqualTo(Pledge.BE_HONEST);
        assertThat(added.dueDate()).isEqualTo(LocalDate.of(2015, 9, 30));
        assertThat(added.status()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(pledges.calls).singleElement().asString().startsWith("add alice RGT ");
        assertThat(output.outLines()).containsExactly(
                "Added action " + added.id() + " (draft) for RGT, pledge 3 Be honest");
    }

    @Test
    void refusesABadDueDateAndAddsNothing() throws Exception {
        ActionAddCommand c = new ActionAddCommand();
        c.pledgeService = pledges;
        c.in(FakeSession.of("alice"));
        c.ods = "RGT";
        c.pledge = "1";
        c.text = "Safety huddles";
        c.due = "30/09/2015";

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(output.errLines()).containsExactly("Error: due '30/09/2015': expected a date as yyyy-mm-dd");
        assertThat(pledges.calls).isEmpty();
    }

    @Test
    void publishesAnActionAgainstTheVersionJustRead() throws Exception {
        pledges.actions.add(new PledgeAction(7, "RGT", Pledge.COLLABORATE, "Host a regional learning event", null,
                null, ActionStatus.PLANNED, false, null, 3));
        ActionPublishCommand c = new ActionPublishCommand();
        c.pledgeService = pledges;
        c.in(FakeSession.of("alice"));
        c.ods = "RGT";
        c.actionId = "7";

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(pledges.calls).containsExactly("publish alice RGT 7 v3");
        assertThat(output.outLines()).containsExactly("Published action 7 of RGT (pledge 4 Collaborate)");
    }

    @Test
    void reportsAnUnknownActionInOneLine() throws Exception {
        ActionPublishCommand c = new ActionPublishCommand();
        c.pledgeService = pledges;
        c.in(FakeSession.of("alice"));
        c.ods = "RGT";
        c.actionId = "99";

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(output.errLines()).containsExactly("Error: no action 99 for member 'RGT'");
        assertThat(pledges.calls).isEmpty();
    }

    @Test
    void recordsAMonthAsItsFirstDay() throws Exception {
        MeasureRecordCommand c = new MeasureRecordCommand();
        c.measureService = measures;
        c.in(FakeSession.of("alice"));
        c.ods = "rgt";
        c.measure = "falls-per-1000";
        c.period = "2015-04";
        c.value = "1.75";
        c.note = "falls bundle on two wards";

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(measures.recorded)
                .containsExactly("alice RGT falls-per-1000 2015-04-01 1.75 falls bundle on two wards");
        assertThat(output.outLines())
                .containsExactly("Recorded RGT falls-per-1000 2015-04: 1.75 (falls bundle on two wards)");
    }

    @Test
    void refusesAValueThatIsNotANumberAndRecordsNothing() throws Exception {
        MeasureRecordCommand c = new MeasureRecordCommand();
        c.measureService = measures;
        c.in(FakeSession.of("alice"));
        c.ods = "RGT";
        c.measure = "falls-per-1000";
        c.period = "2015-04";
        c.value = "1,75";

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(output.errLines()).containsExactly("Error: value '1,75': not a number");
        assertThat(measures.recorded).isEmpty();
    }
}
