package uk.nhs.safety.campaign.model.internal.demo;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.NewAction;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycleInput;

/**
 * The demo content, read from data files (the {@code safety-demo} feature's bundle, {@code campaign-demo}): six real
 * trusts from the ODS extract with complete safety improvement plans, monthly measurements and pledge actions, as a
 * member of each kind might have written them in 2014. Everything is labelled as demo.
 *
 * <p>The files, under one folder: {@code members.txt} (the demo members' ODS codes in seeding order),
 * {@code etr.csv} (the ODS extract every member is imported from), {@code plans/<ODS>.json} (each plan, in the
 * {@code safety:plan-import} format, so that an operator can import one by hand) and {@code activity/<ODS>.json}
 * (its pledge actions and measurements). They are read strictly: an unknown field, a missing file or a plan for a
 * member not in {@code members.txt} is an error naming the file.
 */
public final class DemoContent {

    /** The actor every demo write is made by. */
    public static final String ACTOR = "system:demo";
    /** Every demo plan title starts with this. */
    public static final String TITLE_PREFIX = "[DEMO] ";
    /** Every demo action text ends with this. */
    public static final String ACTION_SUFFIX = " (demo)";

    /** Where the files are: a bundle's entries or a class loader's resources. */
    @FunctionalInterface
    public interface Files {
        /** The file at the path, or null when there is none. */
        InputStream open(String path) throws IOException;
    }

    /**
     * An action to add, and whether to publish it.
     *
     * @param action  the action's content
     * @param publish true to publish it, false to leave it a draft
     */
    public record DemoAction(NewAction action, boolean publish) {
    }

    /**
     * One demo member's content.
     *
     * @param odsCode      the trust's ODS code (a trust in the bundled extract)
     * @param type         the type the extract's classification gives the trust
     * @param plan         the plan to save and publish
     * @param actions      pledge actions, in the order to add them
     * @param measurements monthly values per measure key, oldest first
     * @param pdsaCycles   PDSA cycles of the plan's change ideas, in the order to record them (optional)
     */
    public record DemoMember(String odsCode, OrganisationType type, PlanContent plan, List<DemoAction> actions,
                             Map<String, List<Measurement>> measurements, List<PdsaCycleInput> pdsaCycles) {
        public DemoMember {
            actions = List.copyOf(actions);
            measurements = Map.copyOf(measurements);
            pdsaCycles = pdsaCycles == null ? List.of() : List.copyOf(pdsaCycles);
        }

        /** A member without PDSA cycles. */
        public DemoMember(String odsCode, OrganisationType type, PlanContent plan, List<DemoAction> actions,
                          Map<String, List<Measurement>> measurements) {
            this(odsCode, type, plan, actions, measurements, null);
        }
    }

    /** The content of an {@code activity/<ODS>.json} file; {@code pdsaCycles} may be left out. */
    record Activity(String odsCode, OrganisationType type, List<DemoAction> actions,
                    Map<String, List<Measurement>> measurements, List<PdsaCycleInput> pdsaCycles) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Files files;
    private final String folder;
    private final List<DemoMember> members;

    private DemoContent(Files files, String folder, List<DemoMember> members) {
        this.files = files;
        this.folder = folder;
        this.members = List.copyOf(members);
    }

    /**
     * Reads the content under a folder.
     *
     * @throws IllegalArgumentException naming the file, when a file is missing or not what it should be
     */
    public static DemoContent read(Files files, String folder) {
        List<DemoMember> members = new ArrayList<>();
        for (String line : text(files, folder + "/members.txt").split("\n")) {
            String ods = line.strip();
            if (ods.isEmpty() || ods.startsWith("#")) {
                continue;
            }
            String planFile = folder + "/plans/" + ods + ".json";
            String activityFile = folder + "/activity/" + ods + ".json";
            PlanContent plan = parse(files, planFile, PlanContent.class);
            Activity activity = parse(files, activityFile, Activity.class);
            if (!ods.equals(activity.odsCode())) {
                throw new IllegalArgumentException(activityFile + ": odsCode '" + activity.odsCode()
                        + "' is not the member it is named for, '" + ods + "'");
            }
            if (activity.type() == null || activity.actions() == null || activity.measurements() == null) {
                throw new IllegalArgumentException(activityFile + ": type, actions and measurements are required");
            }
            members.add(new DemoMember(ods, activity.type(), plan, activity.actions(), activity.measurements(),
                    activity.pdsaCycles()));
        }
        return new DemoContent(files, folder, members);
    }

    /** The content the {@code campaign-demo} jar on the class path carries (tests). */
    static DemoContent fromClassPath() {
        ClassLoader loader = DemoContent.class.getClassLoader();
        return read(loader::getResourceAsStream, "demo");
    }

    /** The demo members, in seeding order. */
    public List<DemoMember> members() {
        return members;
    }

    /** The ODS extract every member is imported from (the real trust list); the caller closes it. */
    public InputStream extract() {
        return open(files, folder + "/" + DemoSeeder.EXTRACT);
    }

    private static <T> T parse(Files files, String path, Class<T> type) {
        try (InputStream in = open(files, path)) {
            return JSON.readValue(in, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(path + ": " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo file " + path, e);
        }
    }

    private static String text(Files files, String path) {
        try (InputStream in = open(files, path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo file " + path, e);
        }
    }

    private static InputStream open(Files files, String path) {
        try {
            InputStream in = files.open(path);
            if (in == null) {
                throw new IllegalArgumentException("the demo content has no file " + path);
            }
            return in;
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException("the demo content has no file " + path, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo file " + path, e);
        }
    }
}
