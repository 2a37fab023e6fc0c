#!/usr/bin/env bash
# Checks the shipped Prometheus alerting rules: syntax (promtool check rules) and behaviour
# (promtool test rules: each alert fires on synthetic series and stays quiet otherwise).
#
# Needs promtool. When it is not on the PATH this script fetches Debian's `prometheus` package with
# `apt-get download` and unpacks only promtool into observability/.tools/ (~2-3 s, no root needed
# once the package lists exist; the package has no smaller promtool-only sibling). Set PROMTOOL to use
# another binary.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

promtool="${PROMTOOL:-}"
if [[ -z "$promtool" ]]; then
  if command -v promtool >/dev/null 2>&1; then
    promtool="$(command -v promtool)"
  elif [[ -x "$here/.tools/promtool" ]]; then
    promtool="$here/.tools/promtool"
  else
    echo "promtool not found: unpacking it from Debian's prometheus package" >&2
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    if ! (cd "$tmp" && apt-get download prometheus >/dev/null 2>&1); then
      if [[ "$(id -u)" == 0 ]]; then
        apt-get update -qq >/dev/null
        (cd "$tmp" && apt-get download prometheus >/dev/null)
      else
        echo "cannot download the prometheus package; install promtool (apt-get install prometheus) or set PROMTOOL" >&2
        exit 2
      fi
    fi
    dpkg-deb -x "$tmp"/prometheus_*.deb "$tmp/x"
    mkdir -p "$here/.tools"
    cp "$tmp/x/usr/bin/promtool" "$here/.tools/promtool"
    promtool="$here/.tools/promtool"
  fi
fi

"$promtool" --version 2>&1 | head -1
"$promtool" check rules prometheus-alerts.yml
"$promtool" test rules prometheus-alerts.test.yml

# The dashboard's queries are PromQL too: with Grafana's variables replaced by plain values, each
# one must parse. promtool parses them as recording rules (python3 extracts them; skipped without it).
if command -v python3 >/dev/null 2>&1; then
  queries="$(mktemp -d)"
  python3 - "$here/grafana-dashboard.json" "$queries/dashboard-queries.yml" <<'PY'
import json, sys
dashboard = json.load(open(sys.argv[1]))
exprs = [t["expr"] for p in dashboard["panels"] for t in p.get("targets", [])]
out = ["groups:", "  - name: dashboard-queries", "    rules:"]
for i, expr in enumerate(exprs):
    for var, value in (("$__rate_interval", "1m"), ("$__range", "1h"), ("$job", ".*"), ("$instance", ".*"), ("$pool", ".*")):
        expr = expr.replace(var, value)
    out += ["      - record: dashboard:query%d" % i, "        expr: " + json.dumps(expr)]
open(sys.argv[2], "w").write("\n".join(out) + "\n")
print("grafana-dashboard.json: %d panels, %d queries" % (len(dashboard["panels"]), len(exprs)))
PY
  "$promtool" check rules "$queries/dashboard-queries.yml"
  rm -rf "$queries"
fi
