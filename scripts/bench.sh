#!/usr/bin/env bash
# `make bench`: the issue-12 figures, each scenario in its own process (so peak RSS is its
# own), then the SimPy yardstick on the same two workloads in the same run. Prints what
# README's performance section and docs/performance.md quote. Release build expected.
set -euo pipefail
BIN=${BIN:-.build/release/fleetsim}
RUNS=${RUNS:-5}
SIMPY=${SIMPY:-../shared/peers/simpy/migsim.py}
VENV=${VENV:-.build/simpy-venv}

echo "## machine"
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), load $(cut -d' ' -f1-3 /proc/loadavg)"

echo "## kernel (events/s, median of $RUNS)"
for population in 1000 100000 1000000; do
    "$BIN" bench kernel --runs "$RUNS" --population "$population" | tail -1
done

echo "## scenarios (medians of $RUNS; large-fleet and region-1m: 1 run each)"
"$BIN" bench scenarios Scenarios/bench/concurrent-10k.yaml --runs "$RUNS"
"$BIN" bench scenarios Scenarios/bench/backbone-10k.yaml --runs "$RUNS" | tail -1
for scale in 0.0625 0.625; do
    "$BIN" bench scenarios Scenarios/large-fleet.yaml --runs 1 --scale "$scale" | tail -1 | sed "s|^|scale $scale: |"
done
"$BIN" bench scenarios Scenarios/large-fleet.yaml --runs 1 | tail -1
if [ "${REGION:-0}" = 1 ]; then "$BIN" bench scenarios Scenarios/bench/region-1m.yaml --runs 1 | tail -1; fi

echo "## SimPy yardstick (same workloads, same machine, wall seconds of the whole process, median of $RUNS)"
if [ -f "$SIMPY" ]; then
    if [ ! -x "$VENV/bin/python" ]; then
        python3 -m venv "$VENV" && "$VENV/bin/pip" install -q simpy==4.1.2
    fi
    common=(--hosts=2000 --vms=10000 --ram=2048 --bw=10 --lat=10 --dirty=100 --realloc=instant)
    for workload in "concurrent-10k --concurrency=0" "backbone-10k --concurrency=32 --backbone=100"; do
        set -- $workload
        name=$1; shift
        walls=()
        for _ in $(seq "$RUNS"); do
            start=$(date +%s.%N)
            "$VENV/bin/python" "$SIMPY" "${common[@]}" "$@" >/dev/null
            walls+=("$(python3 -c "import sys; print(round($(date +%s.%N) - $start, 3))")")
        done
        echo "simpy $name: $(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') s"
    done
else
    echo "SimPy model not found at $SIMPY (set SIMPY=path/to/migsim.py)"
fi
