#!/usr/bin/env bash
# Every verdict the harness gives, written down so that a refactor can show it moved none:
#   the stub run's scenario results and summary, a live run's against the local gateway (the stub set served by
#   WireMock standalone on loopback), and the fault catalogue's detection table.
#
#   scripts/verdicts.sh before           # on the commit before the change (e.g. in a clone: git clone -q . ../before)
#   scripts/verdicts.sh after            # on the change
#   diff -r target/verdicts/before target/verdicts/after    # (copy one folder beside the other first)
#
# Timings (and the headroom figures made from them), ports, per-run ids and the order headers arrive in are masked; nothing is written outside target/verdicts/.
# Needs a warm ~/.m2 (every Maven call here is offline); about 3 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="target/verdicts/${1:?say a name for this capture, e.g. before or after}"
MVN="${MVN:-$PWD/mvnw}"
rm -rf "$OUT" && mkdir -p "$OUT"

results() { # the failsafe report of the contract: one line per scenario, its result and its name
  python3 - "target/failsafe-reports/TEST-com.crazyrouter.coze.ContractSuite.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
rows = []
for case in ET.parse(sys.argv[1]).getroot().iter('testcase'):
    result = next((k for k in ('failure', 'error', 'skipped') if case.find(k) is not None), 'passed')
    rows.append(f"{result}\t{case.get('name')}")
print("\n".join(sorted(rows)))
PY
}
masked() {
  sed -E 's/[0-9]+(\.[0-9]+)? ?(ms|s)\b/N s/g; s/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.Z]+/TIME/g; s/127\.0\.0\.1:[0-9]+/127.0.0.1:PORT/g;
          s/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/UUID/g; s/chatcmpl-[A-Za-z0-9-]+/chatcmpl-ID/g;
          s/request id: [A-Za-z0-9]+/request id: ID/g; s/127\.0\.0\.1-[0-9]+/127.0.0.1-PORT/g;
          s/[0-9][0-9,.]*×/N×/g; s/[0-9]{6,}/NUM/g' "$@"
}

"$MVN" -B -o -q verify >"$OUT/stub.log" 2>&1 || true
results >"$OUT/stub-results.txt"; masked reports/summary.md >"$OUT/stub-summary.md"

"$MVN" -B -o -q dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test >/dev/null
coproc GATEWAY { exec java -cp "target/test-classes:$(cat "$OUT/classpath.txt")" com.crazyrouter.coze.testsupport.LocalGateway stubs; }
read -r BASE_URL <&"${GATEWAY[0]}"
KEY="$(sed -n 's/^dedicated=//p' stubs/tokens.properties)"   # an obvious fake: the stub set's dedicated token
CRAZYROUTER_API_KEY="$KEY" "$MVN" -B -o -q verify -Plive -Dcrazyrouter.baseUrl="$BASE_URL" >"$OUT/live.log" 2>&1 || true
results >"$OUT/live-results.txt"; masked reports/summary.md >"$OUT/live-summary.md"
exec {GATEWAY[1]}>&-; wait "$GATEWAY_PID" 2>/dev/null || true

"$MVN" -B -o verify -Pself-check -Dharness.unitTests.skip=true -Dit.test=FaultCatalogueIT >"$OUT/faults.log" 2>&1 || true
sed -n '/fault  *| scenarios/,/detected [0-9]* of/p' "$OUT/faults.log" | awk -F'|' 'NF > 3 { print $1 "|" $2 "|" $4; next } { print }' | masked >"$OUT/fault-table.txt"
rm -f "$OUT/classpath.txt"
wc -l "$OUT"/*.txt | sed '$d'
