package uk.nhs.safety.partner.cqc.internal.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;
import uk.nhs.safety.partner.support.json.PartnerJson;

/**
 * An evidence pack as a ZIP: {@code evidence.json}, {@code evidence.csv}, {@code report.html}, the JSON Schema
 * ({@code schema/evidence-pack.schema.json}) and {@code manifest.json}, which carries the SHA-256 of every other
 * file so that any later change to the pack is detectable. Thread-safe (stateless apart from the thread-safe JSON).
 */
public final class EvidenceZip {

    /** Where the schema is in this bundle and in the ZIP. */
    public static final String SCHEMA = "schema/evidence-pack.schema.json";
    /** The manifest's name in the ZIP. */
    public static final String MANIFEST = "manifest.json";

    private final PartnerJson json;

    public EvidenceZip(PartnerJson json) {
        this.json = json;
    }

    /** One file of the pack as listed in the manifest. */
    public record FileEntry(String name, long bytes, String sha256) {
    }

    /** The manifest: the pack's identity and a hash of every other file. */
    public record Manifest(String odsCode, String framework, String from, String to, String generatedAt,
                           List<FileEntry> files) {
        public Manifest {
            files = List.copyOf(files);
        }
    }

    /** The pack's ZIP bytes. */
    public byte[] write(EvidencePack pack) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("evidence.json", json.write(pack).getBytes(StandardCharsets.UTF_8));
        files.put("evidence.csv", EvidenceCsv.write(pack).getBytes(StandardCharsets.UTF_8));
        files.put("report.html", EvidenceHtml.write(pack).getBytes(StandardCharsets.UTF_8));
        files.put(SCHEMA, schema());
        List<FileEntry> entries = new ArrayList<>();
        files.forEach((name, bytes) -> entries.add(new FileEntry(name, bytes.length, sha256(bytes))));
        Manifest manifest = new Manifest(pack.odsCode(), pack.framework().version(),
                pack.period().from().toString(), pack.period().to().toString(), pack.generatedAt().toString(),
                entries);
        files.put(MANIFEST, json.write(manifest).getBytes(StandardCharsets.UTF_8));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipEntry entry = new ZipEntry(f.getKey());
                // Entries dated when the pack was built, so the same pack gives the same bytes.
                entry.setTime(pack.generatedAt().toEpochMilli());
                zip.putNextEntry(entry);
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a ZIP to memory", e);
        }
        return out.toByteArray();
    }

    /** The SHA-256 of the bytes, lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] schema() {
        try (InputStream in = EvidenceZip.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("the bundle has no " + SCHEMA);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA + " from the bundle", e);
        }
    }
}
