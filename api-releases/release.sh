#!/usr/bin/env bash
# Releases campaign-api from a git tag (or any commit) into this file-based Maven repository, reproducibly: the same
# tag gives the same bytes on any machine (Maven's outputTimestamp is the tagged commit's time; bnd writes no build
# noise into the manifest).
#
#   api-releases/release.sh <git-ref> <version> [extra mvn arguments]
#   e.g. api-releases/release.sh campaign-api-1.0.0 1.0.0 -o -Dmaven.repo.local=/path/to/repo
#
# It builds bundles/campaign-api exactly as committed at <git-ref>, with the module's version set to <version>
# (Bundle-Version <version>), and writes into api-releases/uk/nhs/safety/campaign-api/<version>/ the jar, a stand-alone
# pom (no parent, no dependencies: the API's only dependencies are the compile-time OSGi annotations) and their
# SHA-1 and MD5 checksums, then lists the version in maven-metadata.xml. Commit the result; never change a released
# version (release a new one).
set -euo pipefail
ref=${1:?usage: release.sh <git-ref> <version> [mvn args]}
version=${2:?usage: release.sh <git-ref> <version> [mvn args]}
shift 2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/repository.sh"
root=$(cd "$here/.." && pwd)
dir="$here/uk/nhs/safety/campaign-api"
target="$dir/$version"
if [[ -e "$target" ]]; then
    echo "campaign-api $version is already released in $target: release a new version instead" >&2
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git -C "$root" archive "$ref" | tar -x -C "$work"
timestamp=$(git -C "$root" log -1 --format=%cI "$ref")
commit=$(git -C "$root" rev-parse "$ref^{commit}")
# The module's own version (the line after its artifactId, if any) becomes the release version.
sed -z -i "s|\(<artifactId>campaign-api</artifactId>\)\(\s*<version>[^<]*</version>\)\?|\1\n  <version>$version</version>|" \
    "$work/bundles/campaign-api/pom.xml"
sed -i "s|<campaign-api.version>[^<]*</campaign-api.version>|<campaign-api.version>$version</campaign-api.version>|" \
    "$work/pom.xml"
# Baselining a release against an earlier one is the build's job before tagging; tests ran on the tagged commit.
mvn -B -q -f "$work/pom.xml" -pl bundles/campaign-api package -DskipTests -Dbnd.baseline.skip=true \
    -Dproject.build.outputTimestamp="$timestamp" "$@"

jar="$work/bundles/campaign-api/target/campaign-api-$version.jar"
bundle_version=$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Bundle-Version: //p')
if [[ "$bundle_version" != "$version" ]]; then
    echo "the built jar has Bundle-Version '$bundle_version', not $version" >&2
    exit 1
fi

mkdir -p "$target"
cp "$jar" "$target/campaign-api-$version.jar"
cat > "$target/campaign-api-$version.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>uk.nhs.safety</groupId>
  <artifactId>campaign-api</artifactId>
  <version>$version</version>
  <name>Campaign API</name>
  <description>The contract of the Sign up to Safety partner platform: model records, service interfaces, partner SPI and event topics. Semantically versioned; released from git commit $commit.</description>
  <licenses>
    <license>
      <name>Apache-2.0</name>
    </license>
  </licenses>
</project>
POM

write_metadata "$dir" campaign-api "$timestamp"
for f in "$target/campaign-api-$version.jar" "$target/campaign-api-$version.pom"; do
    checksums "$f"
done
echo "released campaign-api $version from $ref into $target"
sha1sum "$target/campaign-api-$version.jar"
