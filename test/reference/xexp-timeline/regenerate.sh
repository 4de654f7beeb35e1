#!/usr/bin/env bash
# Rebuilds the timeline goldens (<trace>.timeline.json.gz next to each trace) with
# golang.org/x/exp/trace: every goroutine state transition and the goroutine-running
# slices of each P, as Go's own reader sees them. Read by
# test/reference/trace/timeline-golden.test.ts.
#
#   bash test/reference/xexp-timeline/regenerate.sh
#
# The traces themselves are not rewritten, so the output is the same on every run.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
TRACES="$ROOT/test/fixtures/traces"
BIN="$(mktemp -d)"
trap 'rm -rf "$BIN"' EXIT

(cd "$HERE" && go build -o "$BIN/xexp-timeline" .)

gen() { # trace file, output file
  "$BIN/xexp-timeline" "$1" "$2"
  echo "$(basename "$2"): $(stat -c %s "$2") bytes"
}

for b in go1.22 go1.23 go1.24 go1.26 go1.26-long go1.27 go1.26-flightrecorder go1.27-flightrecorder; do
  gen "$TRACES/v2/$b.trace" "$TRACES/v2/$b.timeline.json.gz"
done
for b in go1.19-v1 go1.21-v1; do
  gen "$TRACES/v1/$b.trace" "$TRACES/v1/$b.timeline.json.gz"
done
# An execution trace despite its name.
gen "$ROOT/test/fixtures/incident2/main-1-trace-1732262400.pprof" "$TRACES/incident2.timeline.json.gz"
