#!/usr/bin/env bash
# Refresh Reports/baselines/<scenario>/ on purpose (`make baselines`): the reports the
# baseline test (BaselineTests) compares fresh runs against. Run it when a change to the
# engine, model or policies is meant to change the numbers, look at `git diff --stat
# Reports/baselines`, and commit the new baselines with the change that explains them.
# Settings here and in Tests/fleetsimTests/BaselineTests.swift must match.
set -euo pipefail
BIN=${BIN:-.build/release/fleetsim}
REPLICATIONS=2
for s in default oci-rolling-fault-domain oci-mixed-fleet lxd-cluster-evacuation capacity-tight large-fleet failure-storm simgrid-concurrent; do
    scale=()
    [ "$s" = large-fleet ] && scale=(--scale 0.01)
    [ "$s" = simgrid-concurrent ] && scale=(--scale 0.05)
    out=Reports/baselines/$s
    rm -rf "$out"
    "$BIN" run "Scenarios/$s.yaml" --replications "$REPLICATIONS" "${scale[@]}" --format json,csv --out "$out" --quiet
    # compare reads summary.json and instances.csv; the other CSVs and the HTML page are not kept.
    rm -f "$out/hosts.csv" "$out/links.csv" "$out/link_utilisation.csv" "$out/report.html"
    echo "baseline: $out"
done
