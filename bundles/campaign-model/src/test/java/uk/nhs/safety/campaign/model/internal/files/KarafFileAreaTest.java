package uk.nhs.safety.campaign.model.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.nhs.safety.campaign.api.files.FileRefusedException;

class KarafFileAreaTest {

    @TempDir
    Path tmp;

    Path home;
    Path outside;
    KarafFileArea area;

    @BeforeEach
    void karafHome() throws IOException {
        home = Files.createDirectories(tmp.resolve("karaf")).toRealPath();
        outside = Files.createDirectories(tmp.resolve("elsewhere")).toRealPath();
        Files.createDirectories(home.resolve("etc"));
        Files.createDirectories(home.resolve("deploy"));
        area = new KarafFileArea(home, List.of(home.resolve("etc"), home.resolve("deploy")), "", "");
    }

    @Test
    void foldersDefaultToImportsAndExportsInTheKarafFolderAndAreCreatedOnFirstUse() {
        assertThat(area.importFolder()).isEqualTo(home.resolve("imports"));
        assertThat(area.exportFolder()).isEqualTo(home.resolve("exports"));
        assertThat(home.resolve("exports")).doesNotExist();

        area.writable("a.csv");

        assertThat(home.resolve("exports")).isDirectory();
    }

    @Test
    void relativeNameResolvesInsideTheFolder() {
        assertThat(area.readable("etr.csv")).isEqualTo(home.resolve("imports/etr.csv"));
        assertThat(area.writable("cqc/RJZ.json")).isEqualTo(home.resolve("exports/cqc/RJZ.json"));
    }

    @Test
    void writableCreatesMissingParentFoldersInsideTheExportFolder() {
        Path file = area.writable("2026/12/evidence.zip");

        assertThat(file.getParent()).isDirectory().isEqualTo(home.resolve("exports/2026/12"));
        assertThat(file).doesNotExist();
    }

    @Test
    void absolutePathInsideTheFolderIsAccepted() {
        String inside = home.resolve("imports/sub/../claims.csv").toString();

        assertThat(area.readable(inside)).isEqualTo(home.resolve("imports/claims.csv"));
    }

    @Test
    void dotDotLeadingOutIsRefusedNamingThePathAndTheFolder() {
        assertThatThrownBy(() -> area.writable("../etc/users.properties"))
                .isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("'../etc/users.properties'")
                .hasMessageContaining("export folder " + home.resolve("exports"));
        assertThatThrownBy(() -> area.readable("a/../../../elsewhere/x.csv"))
                .isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("outside the import folder");
    }

    @Test
    void absolutePathOutsideTheFolderIsRefused() {
        assertThatThrownBy(() -> area.writable("/tmp/evil.csv"))
                .isInstanceOf(FileRefusedException.class)
                .hasMessage("'/tmp/evil.csv' is outside the export folder " + home.resolve("exports"));
        assertThatThrownBy(() -> area.readable(home.resolve("exports/x.csv").toString()))
                .isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("outside the import folder");
    }

    @Test
    void symbolicLinkToAFolderOutsideIsRefused() throws IOException {
        Files.createDirectories(home.resolve("exports"));
        Files.createSymbolicLink(home.resolve("exports/out"), outside);

        assertThatThrownBy(() -> area.writable("out/x.csv"))
                .isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("leads to " + outside.resolve("x.csv"))
                .hasMessageContaining("outside the export folder");
        assertThat(outside.resolve("x.csv")).doesNotExist();
    }

    @Test
    void symbolicLinkToAFileOutsideIsRefused() throws IOException {
        Path secret = Files.writeString(outside.resolve("secret.txt"), "s");
        Files.createDirectories(home.resolve("imports"));
        Files.createSymbolicLink(home.resolve("imports/secret.csv"), secret);

        assertThatThrownBy(() -> area.readable("secret.csv"))
                .isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("outside the import folder");
    }

    @Test
    void danglingSymbolicLinkIsRefused() throws IOException {
        Files.createDirectories(home.resolve("exports"));
        Files.createSymbolicLink(home.resolve("exports/dangling.csv"), outside.resolve("not-yet.csv"));

        assertThatThrownBy(() -> area.writable("dangling.csv")).isInstanceOf(FileRefusedException.class);
        assertThat(outside.resolve("not-yet.csv")).doesNotExist();
    }

    @Test
    void symbolicLinkStayingInsideIsAccepted() throws IOException {
        Path data = Files.createDirectories(home.resolve("imports/2026"));
        Files.createSymbolicLink(home.resolve("imports/latest"), data);

        assertThat(area.readable("latest/claims.csv")).isEqualTo(data.resolve("claims.csv"));
    }

    @Test
    void etcAndDeployAreRefusedEvenWhenTheFolderIsConfiguredToContainThem() {
        KarafFileArea wide = new KarafFileArea(home, List.of(home.resolve("etc"), home.resolve("deploy")), ".", ".");

        assertThat(wide.writable("exports/ok.csv")).isEqualTo(home.resolve("exports/ok.csv"));
        assertThatThrownBy(() -> wide.writable("etc/users.properties"))
                .isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("'etc/users.properties' is inside " + home.resolve("etc"));
        assertThatThrownBy(() -> wide.writable(home.resolve("deploy/evil.cfg").toString()))
                .isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("is inside " + home.resolve("deploy"));
        assertThatThrownBy(() -> wide.readable("etc/host.key"))
                .isInstanceOf(FileRefusedException.class);
        assertThat(home.resolve("deploy/evil.cfg")).doesNotExist();
    }

    @Test
    void aLinkIntoEtcIsRefused() throws IOException {
        Files.createDirectories(home.resolve("exports"));
        Files.createSymbolicLink(home.resolve("exports/conf"), home.resolve("etc"));
        KarafFileArea wide = new KarafFileArea(home, List.of(home.resolve("etc")), ".", ".");

        assertThatThrownBy(() -> wide.writable("exports/conf/users.properties"))
                .isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("is inside " + home.resolve("etc"));
    }

    @Test
    void configuredFoldersAreRelativeToTheKarafFolderOrAbsolute() {
        KarafFileArea configured = new KarafFileArea(home, List.of(), "data/in", outside.toString());

        assertThat(configured.readable("a.csv")).isEqualTo(home.resolve("data/in/a.csv"));
        assertThat(configured.writable("b.csv")).isEqualTo(outside.resolve("b.csv"));
    }

    @Test
    void emptyNameIsRefused() {
        assertThatThrownBy(() -> area.readable(" "))
                .isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("a file name is required");
        assertThatThrownBy(() -> area.writable(null)).isInstanceOf(FileRefusedException.class);
    }
}
