package uk.nhs.safety.partner.nhsi.internal.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue.Collaborative;
import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue.Priority;
import uk.nhs.safety.partner.support.json.PartnerJson;

/**
 * Loads the catalogue versions bundled as JSON files, listed in an {@code index.txt} beside them (a bundle cannot
 * list a folder). Reading is strict (unknown fields, duplicate keys, trailing content refused) and every file is
 * checked as a whole: a bad file fails with a message naming the file and what is wrong in it, so a typo in a new
 * catalogue version stops the partner from starting instead of aligning plans against half a catalogue.
 * Thread-safe.
 */
public final class CatalogueLoader {

    /** Opens a resource by name, or answers null when there is none. */
    @FunctionalInterface
    public interface Source {
        InputStream open(String name) throws IOException;
    }

    /** Strict, as every partner's JSON: a typo or a wrong type in a catalogue is caught when it loads. */
    private static final PartnerJson JSON = PartnerJson.leavingOutNulls();

    private final Source source;

    public CatalogueLoader(Source source) {
        this.source = source;
    }

    /** The bundled catalogues, next to this class in {@code catalogue/}. */
    public static CatalogueLoader bundled() {
        return new CatalogueLoader(name -> CatalogueLoader.class.getResourceAsStream(name));
    }

    /** Every version the index lists, loaded and checked, newest published first. */
    public List<Catalogue> all() {
        List<Catalogue> all = new ArrayList<>();
        for (String file : index()) {
            all.add(load(file));
        }
        Set<String> versions = new HashSet<>();
        for (Catalogue c : all) {
            if (!versions.add(c.version())) {
                throw new CampaignException("catalogue version " + c.version() + " is listed twice in index.txt");
            }
        }
        all.sort(Comparator.comparing(Catalogue::published).reversed());
        return all;
    }

    /**
     * The version asked for, or the newest when {@code version} is null or blank.
     *
     * @throws CampaignException naming the versions there are, when there is no such version
     */
    public Catalogue select(String version) {
        List<Catalogue> all = all();
        if (version == null || version.isBlank()) {
            return all.get(0);
        }
        return all.stream().filter(c -> c.version().equals(version.trim())).findFirst()
                .orElseThrow(() -> new CampaignException("no catalogue version " + version.trim() + "; bundled: "
                        + String.join(", ", all.stream().map(Catalogue::version).toList())));
    }

    private List<String> index() {
        List<String> files = new ArrayList<>();
        try (InputStream in = source.open("index.txt")) {
            if (in == null) {
                throw new CampaignException("the catalogue index (index.txt) is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    files.add(name);
                }
            }
        } catch (IOException e) {
            throw new CampaignException("cannot read the catalogue index: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new CampaignException("the catalogue index (index.txt) lists no catalogue file");
        }
        return files;
    }

    /** Loads and checks one file. */
    Catalogue load(String file) {
        Catalogue c;
        try (InputStream in = source.open(file)) {
            if (in == null) {
                throw new CampaignException("catalogue " + file + " is listed in index.txt but missing");
            }
            c = JSON.read(in, Catalogue.class);
        } catch (IOException e) {
            throw new CampaignException("catalogue " + file + " is not valid: " + e.getMessage().split("\n")[0]
                    + location(e), e);
        }
        List<String> problems = check(c);
        if (!problems.isEmpty()) {
            throw new CampaignException("catalogue " + file + " is not valid: " + String.join("; ", problems));
        }
        return c;
    }

    private static String location(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
            return " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")";
        }
        return "";
    }

    /** Everything wrong with a parsed catalogue, each naming the entry and field. */
    static List<String> check(Catalogue c) {
        List<String> p = new ArrayList<>();
        if (blank(c.version())) {
            p.add("version is required");
        }
        if (c.published() == null) {
            p.add("published (yyyy-mm-dd) is required");
        }
        Set<String> components = new HashSet<>();
        c.components().forEach(k -> components.add(k.key()));
        Set<String> categories = new HashSet<>();
        c.incidentCategories().forEach(k -> {
            if (blank(k.key()) || !categories.add(k.key())) {
                p.add("incidentCategories: key '" + k.key() + "' is missing or repeated");
            }
        });
        if (c.priorities().isEmpty()) {
            p.add("priorities: at least one is required");
        }
        Set<String> keys = new HashSet<>();
        for (Priority pr : c.priorities()) {
            String at = "priorities[" + pr.key() + "]";
            if (blank(pr.key()) || !pr.key().matches("[a-z0-9]+(-[a-z0-9]+)*") || !keys.add(pr.key())) {
                p.add(at + ".key must be lower-case words with hyphens, unique");
            }
            if (blank(pr.name())) {
                p.add(at + ".name is required");
            }
            if (!components.contains(pr.component())) {
                p.add(at + ".component '" + pr.component() + "' is not one of the components");
            }
            if (pr.focusAreas().isEmpty() && pr.keywords().isEmpty()) {
                p.add(at + ": give focusAreas or keywords, or no plan can ever address it");
            }
            for (String k : pr.keywords()) {
                if (blank(k) || !k.equals(k.toLowerCase(Locale.ROOT))) {
                    p.add(at + ".keywords: '" + k + "' must be lower case and not blank");
                }
            }
            if (pr.appliesTo().isEmpty()) {
                p.add(at + ".appliesTo: at least one organisation type, each one of "
                        + List.of(OrganisationType.values()).toString().toLowerCase(Locale.ROOT));
            }
            for (OrganisationType t : pr.expectedFor()) {
                if (!pr.appliesTo().contains(t)) {
                    p.add(at + ".expectedFor: " + t.name().toLowerCase(Locale.ROOT) + " is not in appliesTo");
                }
            }
            if (pr.trigger() != null) {
                for (String cat : pr.trigger().categories()) {
                    if (!categories.contains(cat)) {
                        p.add(at + ".trigger.categories: '" + cat + "' is not an incident category key");
                    }
                }
                if (pr.trigger().minIncidents() < 1) {
                    p.add(at + ".trigger.minIncidents must be at least 1");
                }
                if (!(pr.trigger().minSharePercent() >= 0 && pr.trigger().minSharePercent() < 100)) {
                    p.add(at + ".trigger.minSharePercent must be from 0 to below 100");
                }
            }
        }
        Set<String> pscs = new HashSet<>();
        Set<String> areas = new HashSet<>();
        for (Collaborative col : c.collaboratives()) {
            if (blank(col.key()) || !pscs.add(col.key())) {
                p.add("collaboratives: key '" + col.key() + "' is missing or repeated");
            }
            for (String a : col.postcodeAreas()) {
                if (!a.matches("[A-Z]{1,2}") || !areas.add(a)) {
                    p.add("collaboratives[" + col.key() + "].postcodeAreas: '" + a
                            + "' must be 1-2 capital letters, in one collaborative only");
                }
            }
        }
        for (var ne : c.neverEvents()) {
            if (blank(ne.name())) {
                p.add("neverEvents[" + ne.number() + "].name is required");
            }
        }
        return p;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
