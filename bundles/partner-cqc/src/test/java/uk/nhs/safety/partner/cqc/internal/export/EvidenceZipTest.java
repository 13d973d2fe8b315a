package uk.nhs.safety.partner.cqc.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;
import uk.nhs.safety.partner.support.json.PartnerJson;

class EvidenceZipTest {

    private final EvidencePack pack = Packs.pack();
    private final Map<String, byte[]> files = unzip(new EvidenceZip(PartnerJson.leavingOutNulls()).write(pack));
    private final JsonNode manifest = readJson(files.get("manifest.json"));

    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new AssertionError("not a readable ZIP", e);
        }
        return files;
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            return new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new AssertionError("not JSON", e);
        }
    }

    /** Computed here with the JDK directly, not with the code under test. */
    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void holdsTheFiveFiles() {
        assertThat(files.keySet()).containsExactlyInAnyOrder("evidence.json", "evidence.csv", "report.html",
                "schema/evidence-pack.schema.json", "manifest.json");
        assertThat(new String(files.get("evidence.csv"), StandardCharsets.UTF_8)).isEqualTo(EvidenceCsv.write(pack));
        assertThat(new String(files.get("report.html"), StandardCharsets.UTF_8)).isEqualTo(EvidenceHtml.write(pack));
        assertThat(readJson(files.get("evidence.json")).get("odsCode").asText()).isEqualTo("RGT");
    }

    @Test
    void shipsTheBundledSchemaUnchanged() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schema/evidence-pack.schema.json")) {
            assertThat(files.get("schema/evidence-pack.schema.json")).isEqualTo(in.readAllBytes());
        }
    }

    @Test
    void manifestIdentifiesThePack() {
        List<String> fields = new ArrayList<>();
        manifest.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("odsCode", "framework", "from", "to", "generatedAt", "files");
        assertThat(manifest.get("odsCode").asText()).isEqualTo("RGT");
        assertThat(manifest.get("framework").asText()).isEqualTo("2023");
        assertThat(manifest.get("from").asText()).isEqualTo("2024-12-01");
        assertThat(manifest.get("to").asText()).isEqualTo("2025-03-31");
        assertThat(manifest.get("generatedAt").asText()).isEqualTo("2025-04-15T12:00:00Z");
    }

    @Test
    void manifestHashesMatchEveryOtherFileRecomputed() throws NoSuchAlgorithmException {
        List<String> listed = new ArrayList<>();
        for (JsonNode f : manifest.get("files")) {
            String name = f.get("name").asText();
            listed.add(name);
            byte[] bytes = files.get(name);
            assertThat(bytes).as(name).isNotNull();
            assertThat(f.get("bytes").asLong()).as(name).isEqualTo(bytes.length);
            assertThat(f.get("sha256").asText()).as(name).matches("[0-9a-f]{64}").isEqualTo(sha256(bytes));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                files.keySet().stream().filter(n -> !n.equals("manifest.json")).toList());
    }

    @Test
    void changingOneByteOfAFileMakesItsHashDifferFromTheManifest() throws NoSuchAlgorithmException {
        for (JsonNode f : manifest.get("files")) {
            byte[] tampered = files.get(f.get("name").asText()).clone();
            tampered[tampered.length / 2] ^= 1;
            assertThat(sha256(tampered)).as(f.get("name").asText()).isNotEqualTo(f.get("sha256").asText());
        }
    }

    @Test
    void theSamePackGivesTheSameBytes() {
        EvidenceZip zip = new EvidenceZip(PartnerJson.leavingOutNulls());
        assertThat(zip.write(pack)).isEqualTo(zip.write(pack));
    }
}
