# Shared by release.sh and release-partner-kit.sh (sourced): what a file-based Maven repository needs beside the jar
# and the pom.

# checksums <file>: <file>.sha1 and <file>.md5, as Maven writes them (the bare hex digest, no newline).
checksums() {
    sha1sum "$1" | cut -d' ' -f1 | tr -d '\n' > "$1.sha1"
    md5sum "$1" | cut -d' ' -f1 | tr -d '\n' > "$1.md5"
}

# write_metadata <artifact folder> <artifactId> <timestamp>: maven-metadata.xml listing every released version (Maven
# reads it to find the latest release before a version), with its checksums; lastUpdated is the released commit's time.
write_metadata() {
    local dir=$1 artifact=$2 timestamp=$3 versions latest
    versions=$(find "$dir" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V)
    latest=$(tail -n1 <<<"$versions")
    {
        echo '<?xml version="1.0" encoding="UTF-8"?>'
        echo '<metadata>'
        echo '  <groupId>uk.nhs.safety</groupId>'
        echo "  <artifactId>$artifact</artifactId>"
        echo '  <versioning>'
        echo "    <latest>$latest</latest>"
        echo "    <release>$latest</release>"
        echo '    <versions>'
        while read -r v; do echo "      <version>$v</version>"; done <<<"$versions"
        echo '    </versions>'
        echo "    <lastUpdated>$(date -u -d "$timestamp" +%Y%m%d%H%M%S)</lastUpdated>"
        echo '  </versioning>'
        echo '</metadata>'
    } > "$dir/maven-metadata.xml"
    checksums "$dir/maven-metadata.xml"
}
