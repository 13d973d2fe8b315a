package uk.nhs.safety.partner.nhsi.internal.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.OrganisationType;

class IncidentGeneratorTest {

    @Test
    void generatesAboutTwoMillionReportsAYearFromTwoHundredFortyTrustsTwoThirdsNoHarm() throws Exception {
        // 240 trusts, 200 acute (mean 900 a month) and 40 mental health (mean 600): expected reports a year
        // = 12 x (200 x 900 + 40 x 600) = 12 x 204,000 = 2,448,000 (the size factor 0.5-1.5 has mean 1).
        List<IncidentGenerator.Trust> trusts = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            trusts.add(new IncidentGenerator.Trust(String.format("R%02d", i),
                    i < 200 ? OrganisationType.ACUTE : OrganisationType.MENTAL_HEALTH));
        }
        StringWriter out = new StringWriter();
        new IncidentGenerator(trusts, 42, 0.0).write(out, YearMonth.of(2014, 4), YearMonth.of(2015, 3));

        long total = 0;
        long noHarm = 0;
        for (String line : out.toString().split("\n")) {
            if (line.startsWith("ods_code")) {
                continue;
            }
            String[] f = line.split(",");
            long n = Long.parseLong(f[4]);
            total += n;
            noHarm += f[3].equals("no harm") ? n : 0;
        }
        assertThat(total).isBetween(2_000_000L, 2_900_000L);
        assertThat((double) noHarm / total).isBetween(0.64, 0.72);
    }
}
