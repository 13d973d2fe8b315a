package uk.nhs.safety.campaign.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class CallerAccessTest {

    private static CallerAccess caller(String... roles) {
        return new CallerAccess("someone", Set.of(roles));
    }

    @Test
    void memberRoleWithoutMemberEditorGrantsNothing() {
        CallerAccess c = caller("member:RGT");
        assertThat(c.mayEdit("RGT")).isFalse();
        assertThat(c.mayRead("RGT")).isFalse();
        assertThat(c.memberCodes()).isEmpty();
    }

    @Test
    void memberEditorEditsAndReadsOnlyItsOwnMembers() {
        CallerAccess c = caller("member-editor", "member:rgt");
        assertThat(c.mayEdit("RGT")).isTrue();
        assertThat(c.mayEdit("rgt")).isTrue();
        assertThat(c.mayRead("RGT")).isTrue();
        assertThat(c.mayEdit("RJZ")).isFalse();
        assertThat(c.mayRead("RJZ")).isFalse();
        assertThat(c.mayEdit(null)).isFalse();
    }

    @Test
    void operatorReadsEveryMemberButEditsNone() {
        CallerAccess c = caller("operator");
        assertThat(c.mayRead("RGT")).isTrue();
        assertThat(c.mayEdit("RGT")).isFalse();
        assertThat(c.actsFor("nhsi")).isFalse();
    }

    @Test
    void adminMayDoEverything() {
        CallerAccess c = caller("admin");
        assertThat(c.mayEdit("RGT")).isTrue();
        assertThat(c.mayRead("RJZ")).isTrue();
        assertThat(c.actsFor("cqc")).isTrue();
        assertThat(c.operator()).isTrue();
    }

    @Test
    void partnerTokenActsOnlyForItsOwnPartnerAndNeedsBothRoles() {
        CallerAccess nhsi = new CallerAccess("partner:nhsi", Set.of("partner", "partner:nhsi"));
        assertThat(nhsi.actsFor("nhsi")).isTrue();
        assertThat(nhsi.actsFor("cqc")).isFalse();
        assertThat(nhsi.mayRead("RGT")).isFalse();
        assertThat(nhsi.partnerId()).contains("nhsi");
        assertThat(caller("partner:nhsi").actsFor("nhsi")).isFalse();
        assertThat(caller("partner:nhsi").partnerId()).isEmpty();
    }

    @Test
    void anonymousMayDoNothing() {
        assertThat(CallerAccess.ANONYMOUS.anonymous()).isTrue();
        assertThat(CallerAccess.ANONYMOUS.mayRead("RGT")).isFalse();
        assertThat(CallerAccess.ANONYMOUS.actsFor("nhsi")).isFalse();
        assertThat(caller().anonymous()).isFalse();
    }
}
