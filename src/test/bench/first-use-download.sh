#!/usr/bin/env bash
# What the first use of the plugin downloads, with the default configuration (README "What the first use
# downloads"). From an EMPTY local repository that holds only this plugin's freshly built jar and POM, it runs
# the bundled example's dry run (README "Try it") and reports the jars Maven resolved for the plugin's own class
# realm (read from the -X log: "Populating class realm plugin>dev.scrum:scrum-maven-plugin" and its "Included:"
# lines), their bytes and count, and everything the run downloaded, Maven's own plugins included.
#
#   mvn -B package -DskipTests -Dinvoker.skip      # the jar to measure
#   src/test/bench/first-use-download.sh [work directory, default ${TMPDIR:-/tmp}/scrum-first-use]
#
# It needs the network (the remote repositories of the user's Maven settings); it never touches ~/.m2.
# MAVEN_ARGS are passed to both Maven runs, e.g. MAVEN_ARGS='-Pdense' to measure a profile.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
WORK=${1:-${TMPDIR:-/tmp}/scrum-first-use}
MVN=${MVN:-mvn}
VERSION=$(sed -n '0,/<packaging>/s:^  <version>\(.*\)</version>$:\1:p' "$ROOT/pom.xml")
JAR="$ROOT/target/scrum-maven-plugin-$VERSION.jar"
if [ ! -f "$JAR" ]; then
    echo "no $JAR: build it first with mvn -B package -DskipTests -Dinvoker.skip" >&2
    exit 1
fi
if ! unzip -l "$JAR" META-INF/maven/plugin.xml > /dev/null 2>&1; then
    echo "$JAR has no META-INF/maven/plugin.xml: build it with mvn package, not javac" >&2
    exit 1
fi

rm -rf "$WORK"
REPO="$WORK/repository"
PLUGIN_DIR="$REPO/dev/scrum/scrum-maven-plugin/$VERSION"
mkdir -p "$PLUGIN_DIR"
cp "$JAR" "$PLUGIN_DIR/scrum-maven-plugin-$VERSION.jar"
cp "$ROOT/pom.xml" "$PLUGIN_DIR/scrum-maven-plugin-$VERSION.pom"
cp -r "$ROOT/example" "$WORK/example"
# what the local repository held before the run: the plugin's own jar and POM, nothing else
BEFORE=$(find "$REPO" -type f | sort)

LOG="$WORK/build.log"
echo "running the example's dry run against the empty local repository $REPO (log: $LOG)"
if ! "$MVN" -B -X -Dmaven.repo.local="$REPO" ${MAVEN_ARGS:-} -f "$WORK/example/pom.xml" verify -Dscrum.dryRun \
        > "$LOG" 2>&1; then
    tail -40 "$LOG" >&2
    echo "the dry run failed: see $LOG" >&2
    exit 1
fi
grep -q "BUILD SUCCESS" "$LOG"

# the plugin's class realm: groupId:artifactId:jar[:classifier]:version, one a line
REALM=$(awk '/Populating class realm plugin>dev\.scrum:scrum-maven-plugin/ {on = 1; next}
        on && /Included: / {sub(/.*Included: /, ""); print; next}
        on {exit}' "$LOG" | sort -u)
if [ -z "$REALM" ]; then
    echo "no 'Populating class realm plugin>dev.scrum:scrum-maven-plugin' in $LOG" >&2
    exit 1
fi

printf '\n%-70s %10s\n' "jar resolved for the plugin" "bytes"
total=0
count=0
while IFS=: read -r group artifact type rest; do
    if [ "$group:$artifact" = "dev.scrum:scrum-maven-plugin" ]; then
        continue
    fi
    version=${rest##*:}
    classifier=""
    if [ "$rest" != "$version" ]; then
        classifier="-${rest%%:*}"
    fi
    file="$REPO/${group//.//}/$artifact/$version/$artifact-$version$classifier.$type"
    if [ ! -f "$file" ]; then
        echo "$group:$artifact:$rest is in the realm but not at $file" >&2
        exit 1
    fi
    bytes=$(stat -c %s "$file")
    printf '%-70s %10d\n' "$group:$artifact:$rest" "$bytes"
    total=$((total + bytes))
    count=$((count + 1))
done <<< "$REALM"

plugin_bytes=$(stat -c %s "$JAR")
all_bytes=$(find "$REPO" -type f -newer "$PLUGIN_DIR/scrum-maven-plugin-$VERSION.pom" -printf '%s\n' | awk '{s += $1} END {print s + 0}')
all_jars=$(find "$REPO" -type f -name '*.jar' | wc -l)
mb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1000000}'; }
echo
echo "the plugin's dependencies: $count jars, $total bytes ($(mb "$total") MB); the plugin's own jar: $plugin_bytes bytes ($(mb "$plugin_bytes") MB)"
echo "the whole first run downloaded $all_bytes bytes ($(mb "$all_bytes") MB), $((all_jars - 1)) jars, Maven's own plugins and their dependencies included"
echo "so Maven's own share of it was about $(mb $((all_bytes - total))) MB"
[ -n "$BEFORE" ]
