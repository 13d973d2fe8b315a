package uk.nhs.safety.campaign.model.internal.ods;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.OrganisationType;

class TrustClassifierTest {

    private final TrustClassifier classifier = new TrustClassifier();

    @Test
    void classifiesTrustsWhoseNamesMislead() {
        assertThat(classifier.classify("RHA", "NOTTINGHAMSHIRE HEALTHCARE NHS FOUNDATION TRUST"))
                .isEqualTo(OrganisationType.MENTAL_HEALTH);
        assertThat(classifier.classify("RWX", "BERKSHIRE HEALTHCARE NHS FOUNDATION TRUST"))
                .isEqualTo(OrganisationType.MENTAL_HEALTH);
        assertThat(classifier.classify("RQQ", "HINCHINGBROOKE HEALTH CARE NHS TRUST"))
                .isEqualTo(OrganisationType.ACUTE);
        assertThat(classifier.classify("RJX", "CALDERSTONES PARTNERSHIP NHS FOUNDATION TRUST"))
                .isEqualTo(OrganisationType.LEARNING_DISABILITY);
    }

    @Test
    void fallsBackToNameKeywordsForUnlistedCodes() {
        TrustClassifier empty = new TrustClassifier(Map.of());

        assertThat(empty.classify("RZ1", "SOMEWHERE AMBULANCE SERVICE NHS TRUST")).isEqualTo(OrganisationType.AMBULANCE);
        assertThat(empty.classify("RZ2", "SOMEWHERE MENTAL HEALTH NHS TRUST")).isEqualTo(OrganisationType.MENTAL_HEALTH);
        assertThat(empty.classify("RZ3", "SOMEWHERE COMMUNITY HEALTHCARE NHS TRUST")).isEqualTo(OrganisationType.COMMUNITY);
        assertThat(empty.classify("RZ4", "SOMEWHERE CARE SERVICES NHS TRUST")).isEqualTo(OrganisationType.COMMUNITY);
        assertThat(empty.classify("RZ5", "SOMEWHERE HOSPITALS NHS TRUST")).isEqualTo(OrganisationType.ACUTE);
    }

    @Test
    void prefersTheClassificationFileOverKeywords() {
        TrustClassifier table = new TrustClassifier(Map.of("RZ1", OrganisationType.LEARNING_DISABILITY));

        assertThat(table.classify(" rz1 ", "SOMEWHERE COMMUNITY NHS TRUST"))
                .isEqualTo(OrganisationType.LEARNING_DISABILITY);
    }

    @Test
    void listsOnlyNonAcuteTrustsThatAreInTheRealExtract() throws IOException {
        Set<String> realCodes = Files.readAllLines(OdsExtractParserTest.REAL_FILE, StandardCharsets.UTF_8).stream()
                .map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet());

        assertThat(classifier.known()).isNotEmpty();
        assertThat(realCodes).containsAll(classifier.known().keySet());
        assertThat(classifier.known()).doesNotContainValue(OrganisationType.ACUTE);
        assertThat(classifier.known().values()).allMatch(t -> t.accepts("RAA"), "a trust type");
    }

    @Test
    void shipsAClassificationFileThatSaysWhereItCameFrom() throws IOException {
        try (var in = TrustClassifier.class.getResourceAsStream(TrustClassifier.DEFAULT_RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);

            assertThat(text.lines().findFirst()).hasValueSatisfying(l -> assertThat(l).startsWith("#").contains("Source"));
            assertThat(text.lines().filter(l -> !l.startsWith("#")).findFirst()).hasValue("code,type");
        }
    }
}
