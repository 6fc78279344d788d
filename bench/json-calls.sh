#!/bin/sh
# Issue 15's measure: the get/put calls in the posts-service, counted per file by the static type
# of what they are called on (JsonObject/JsonArray, an SQL Row/Tuple, anything else such as a Map),
# which a grep cannot tell apart. Usage: bench/json-calls.sh  (from any directory; needs a JDK 17+).
set -e
cd "$(dirname "$0")/.."
cp_file=$(mktemp)
# compile in the same run, so the reactor resolves common to common/target/classes
mvn -B -q -o -pl posts-service -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file"
java bench/tools/JsonCalls.java "$(cat "$cp_file")" $(find posts-service/src/main/java -name '*.java')
rm -f "$cp_file"
