#!/usr/bin/env bash
# How fast the harness is, measured the way issue 13 asks: whole-process wall times of warm runs, medians of
# several, each harness command paired with the 9-scenario Karate suite in bench/karate-peer against the same
# local gateway (the stub set served by WireMock standalone on loopback), alternating A B A B.
#
#   scripts/timing.sh [pairs]        # default 5 pairs after one warm-up of each command
#   ONLY="contract live" scripts/timing.sh 3     # some of: contract live live_smoke self_check fault_catalogue
#   ONLY=live_latency scripts/timing.sh 1         # the live suite when every answer takes 1.5 s, as a real model's (opt-in: ~100 s a run)
#
# Prints one line per run and a table of medians; nothing is written outside target/timing/.
# Needs a warm ~/.m2 (run ./mvnw verify once online); every Maven call here is offline. MVN=mvn for a Maven of your own.
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS="${1:-5}"
ONLY="${ONLY:-contract live live_smoke self_check fault_catalogue}"
MVN="${MVN:-$PWD/mvnw}"   # the wrapper's Maven, also from the Karate copy's folder below
WORK="target/timing"
rm -rf "$WORK" && mkdir -p "$WORK"

"$MVN" -B -o -q test-compile
"$MVN" -B -o -q dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test >/dev/null
# the Karate suite builds in a copy: Maven writes target/ beside its pom
cp -r bench/karate-peer "$WORK/karate-peer"
(cd "$WORK/karate-peer" && "$MVN" -B -o -q test-compile)

# the local gateway: the stub set with its fake tokens (stubs/tokens.properties), until this script ends
coproc GATEWAY { exec java -XX:TieredStopAtLevel=1 -cp "target/test-classes:$(cat "$WORK/classpath.txt")" com.crazyrouter.coze.testsupport.LocalGateway stubs; }
read -r BASE_URL <&"${GATEWAY[0]}"
trap 'exec {GATEWAY[1]}>&-; wait' EXIT
KEY="$(sed -n 's/^dedicated=//p' stubs/tokens.properties)"   # an obvious fake: the stub set's dedicated token
echo "local gateway: $BASE_URL"

run() { # label, command...; prints the wall seconds, fails the script when the command fails
  local label="$1"; shift
  local start end
  start=$(date +%s%N)
  if ! "$@" >"$WORK/$label.log" 2>&1; then echo "$label failed; see $WORK/$label.log" >&2; exit 1; fi
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", (e - s) / 1e9 }'
}
karate()        { (cd "$WORK/karate-peer" && "$MVN" -B -o -q test -DbaseUrl="$BASE_URL" -DapiKey="$KEY"); }
contract()      { "$MVN" -B -o -q verify; }
live()          { CRAZYROUTER_API_KEY="$KEY" "$MVN" -B -o -q verify -Plive -Dcrazyrouter.baseUrl="$BASE_URL"; }
live_smoke()    { CRAZYROUTER_API_KEY="$KEY" "$MVN" -B -o -q verify -Plive -Dcrazyrouter.baseUrl="$BASE_URL" -Dcucumber.filter.tags=@smoke; }
self_check()    { "$MVN" -B -o -q verify -Pself-check; }
fault_catalogue() { "$MVN" -B -o verify -Pself-check -Dit.test=FaultCatalogueIT -Dharness.unitTests.skip=true; }
latency() { curl -sf -X POST "$BASE_URL/__admin/settings" -H 'Content-Type: application/json' -d "{\"fixedDelay\":$1}" >/dev/null; }
live_latency()  { latency 1500; if live; then latency 0; else local rc=$?; latency 0; return $rc; fi; }

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

wanted() { [[ " $ONLY " == *" $1 "* ]]; }
for command in contract live live_smoke; do
  wanted "$command" || continue
  run warmup "$command" >/dev/null; run warmup karate >/dev/null
  : >"$WORK/$command.times"; : >"$WORK/$command.karate"; : >"$WORK/$command.ratios"
  for i in $(seq "$PAIRS"); do
    a=$(run "$command" "$command"); b=$(run karate karate)
    echo "$a" >>"$WORK/$command.times"; echo "$b" >>"$WORK/$command.karate"
    awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f\n", a / b }' >>"$WORK/$command.ratios"
    echo "$command pair $i: harness ${a} s, Karate ${b} s"
  done
done
if wanted self_check; then
  run warmup self_check >/dev/null
  : >"$WORK/self_check.times"
  for i in $(seq "$PAIRS"); do
    t=$(run self_check self_check); echo "$t" >>"$WORK/self_check.times"; echo "self-check run $i: ${t} s"
  done
fi
if wanted live_latency; then # alone: what it measures is the waiting, at the live profile's polite concurrency
  : >"$WORK/live_latency.times"
  for i in $(seq "$PAIRS"); do
    t=$(run live_latency live_latency); echo "$t" >>"$WORK/live_latency.times"; echo "live, every answer after 1.5 s, run $i: ${t} s"
  done
fi
if wanted fault_catalogue; then # alone, as the catalogue times itself ("detected 39 of 39 faults in N s")
  run warmup fault_catalogue >/dev/null
  : >"$WORK/fault_catalogue.times"
  for i in $(seq "$PAIRS"); do
    run fault_catalogue fault_catalogue >/dev/null
    t=$(sed -n 's/^detected .* faults in \([0-9.]*\) s.*/\1/p' "$WORK/fault_catalogue.log"); echo "$t" >>"$WORK/fault_catalogue.times"
    echo "fault catalogue run $i: ${t} s"
  done
fi

echo
echo "medians of $PAIRS warm runs on $(nproc) cores ($(java -version 2>&1 | head -1))"
printf '%-46s %9s %9s %14s\n' "command" "harness" "Karate" "harness/Karate"
row() { wanted "$2" || return 0; printf '%-46s %8ss %8ss %14s\n' "$1" "$(median <"$WORK/$2.times")" "$(median <"$WORK/$2.karate")" "$(median <"$WORK/$2.ratios")"; }
row "./mvnw verify (contract, offline)" contract
row "./mvnw verify -Plive (whole suite)" live
row "./mvnw verify -Plive -Dcucumber.filter.tags=@smoke" live_smoke
! wanted self_check || printf '%-46s %8ss\n' "./mvnw verify -Pself-check" "$(median <"$WORK/self_check.times")"
! wanted live_latency || printf '%-46s %8ss\n' "./mvnw verify -Plive, every answer after 1.5 s" "$(median <"$WORK/live_latency.times")"
! wanted fault_catalogue || printf '%-46s %8ss\n' "the fault catalogue alone (its own figure)" "$(median <"$WORK/fault_catalogue.times")"
