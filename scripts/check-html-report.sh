#!/usr/bin/env bash
# Renders recovcheck's HTML report in a real headless Chromium (Debian's package) and checks it:
# the shipped specs (everything holds) and a flawed copy of them (violations with traces).
#  - `--dump-dom`: the rendered DOM has the summary table, a violation section, a timeline chart and row;
#  - the DevTools protocol (over --remote-debugging-pipe): no console message of level error or
#    warning, no uncaught exception, and no network request besides the page itself;
#  - `--screenshot`: saved as <build folder>/html-report-check/{shipped,flawed}.png.
# Exits non-zero on any failure. Usage: scripts/check-html-report.sh [scratch folder, default .build]
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scratch="${1:-.build}"
out="$scratch/html-report-check"
rm -rf "$out"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

fail() { echo "check-html-report: FAIL: $*" >&2; exit 1; }

if ! command -v chromium >/dev/null 2>&1; then
    echo "check-html-report: installing Debian's chromium package"
    if [ "$(id -u)" = 0 ]; then
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium) >"$out/apt.log" 2>&1 \
            || { tail -20 "$out/apt.log" >&2; fail "cannot install chromium"; }
    else
        fail "chromium is not installed (apt-get install chromium)"
    fi
fi
command -v python3 >/dev/null 2>&1 || fail "python3 is needed to drive chromium's DevTools pipe"

echo "check-html-report: building recovcheck ($scratch)"
swift build --scratch-path "$scratch" --product recovcheck >"$out/build.log" 2>&1 || { tail -30 "$out/build.log" >&2; fail "build failed"; }
bin="$(swift build --scratch-path "$scratch" --show-bin-path)/recovcheck"

# The flawed copy: a guardian any one firm can satisfy, and a pause nobody lifts.
flawed="$(mktemp -d)"
trap 'rm -rf "$flawed"' EXIT
mkdir -p "$flawed/specs"
cp -R models "$flawed/"
cp specs/LendingPause.swift "$flawed/specs/"
sed -i 's/threshold: 2, of: \[g1, g2, g3\]/threshold: 1, of: [g1, g2, g3]/' "$flawed/models/LendingPool.swift"
grep -q 'threshold: 1, of: \[g1, g2, g3\]' "$flawed/models/LendingPool.swift" || fail "could not lower the guardian threshold in the flawed copy"
python3 - "$flawed/specs/LendingPause.swift" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p).read()
t = re.sub(r'\n[ \t]*Step\("[^"]*", action: "[^"]*[uU]npause"[^\n]*\n.*?\n[ \t]*\}\n', '\n', s, count=1, flags=re.S)
if t == s: sys.exit("could not remove the unpause step")
open(p, "w").write(t)
PY

set +e
"$bin" "$root/specs" --models "$root/models" --report "$out/shipped" >"$out/shipped.txt" 2>&1; shipped_rc=$?
"$bin" "$flawed/specs" --models "$flawed/models" --report "$out/flawed" >"$out/flawed.txt" 2>&1; flawed_rc=$?
set -e
# The shipped specs may hold or not; their report must be written and render either way.
[ "$shipped_rc" = 0 ] || [ "$shipped_rc" = 1 ] || { cat "$out/shipped.txt" >&2; fail "the shipped specs exit $shipped_rc, expected 0 or 1"; }
[ "$flawed_rc" = 1 ] || { cat "$out/flawed.txt" >&2; fail "the flawed copy exits $flawed_rc, expected 1 (violated)"; }

chrome=(chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --no-default-browser-check
        --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$out/profile")

check_page() {
    local name="$1" expect_violation="$2"
    local page="$out/$name/index.html"
    [ -s "$page" ] || fail "$name: no $page"
    if grep -Eiq '<(script|link|img|iframe)[ >]|src=|https?://' "$page"; then fail "$name: the page references scripts or external assets"; fi

    timeout 120 "${chrome[@]}" --dump-dom "file://$page" >"$out/$name.dom.html" 2>"$out/$name.dom.log" || { tail -20 "$out/$name.dom.log" >&2; fail "$name: chromium --dump-dom failed"; }
    grep -q 'id="summary-table"' "$out/$name.dom.html" || fail "$name: rendered DOM has no summary table"
    grep -q 'class="verdict v-' "$out/$name.dom.html" || fail "$name: rendered DOM has no verdict cell"
    if [ "$expect_violation" = yes ]; then
        grep -q '<section class="violation"' "$out/$name.dom.html" || fail "$name: rendered DOM has no violation section"
        grep -q '<tr class="step' "$out/$name.dom.html" || fail "$name: rendered DOM has no trace timeline row"
        grep -q '<svg class="timeline-chart"' "$out/$name.dom.html" || fail "$name: rendered DOM has no timeline chart"
        grep -q 'class="verdict v-violated"' "$out/$name.dom.html" || fail "$name: no violated verdict cell"
    fi

    timeout 120 "${chrome[@]}" --hide-scrollbars --window-size=1400,1800 --screenshot="$out/$name.png" "file://$page" >"$out/$name.shot.log" 2>&1 || { tail -20 "$out/$name.shot.log" >&2; fail "$name: chromium --screenshot failed"; }
    [ -s "$out/$name.png" ] || fail "$name: no screenshot"

    # Console errors and network requests, observed through the DevTools protocol.
    timeout 120 python3 - "$page" "$out/$name.cdp.json" "${chrome[@]}" <<'PY' || fail "$name: DevTools check failed (see $out/$name.cdp.json)"
import json, os, subprocess, sys, time
page, report, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()
# Chromium reads commands from fd 3 and writes replies to fd 4.
import fcntl
def setup():
    a = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10); b = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
    os.dup2(a, 3); os.dup2(b, 4)
proc = subprocess.Popen(cmd + ["--remote-debugging-pipe", "about:blank"], preexec_fn=setup,
                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=False)
os.close(to_chrome_r); os.close(from_chrome_w)
buf = b""; next_id = 0; events = []
def send(method, params=None, session=None):
    global next_id
    next_id += 1
    msg = {"id": next_id, "method": method, "params": params or {}}
    if session: msg["sessionId"] = session
    os.write(to_chrome_w, json.dumps(msg).encode() + b"\0")
    return next_id
def read_msg():
    global buf
    while b"\0" not in buf:
        chunk = os.read(from_chrome_r, 1 << 16)
        if not chunk: raise SystemExit("chromium closed the DevTools pipe")
        buf += chunk
    raw, buf = buf.split(b"\0", 1)
    return json.loads(raw)
def call(method, params=None, session=None):
    i = send(method, params, session)
    while True:
        m = read_msg()
        if m.get("id") == i:
            if "error" in m: raise SystemExit(f"{method}: {m['error']}")
            return m.get("result", {})
        events.append(m)
try:
    target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for d in ("Page", "Runtime", "Log", "Network"):
        call(d + ".enable", session=session)
    events.clear()
    call("Page.navigate", {"url": "file://" + page}, session=session)
    deadline = time.time() + 60
    while not any(e.get("method") == "Page.loadEventFired" for e in events):
        if time.time() > deadline: raise SystemExit("the page did not finish loading")
        events.append(read_msg())
    time.sleep(0.5)
    counts = call("Runtime.evaluate", {"returnByValue": True, "expression":
        "JSON.stringify({summary: document.querySelectorAll('#summary-table').length, violations: document.querySelectorAll('section.violation').length, steps: document.querySelectorAll('table.timeline tr.step').length, scripts: document.scripts.length, title: document.title})"},
        session=session)["result"]["value"]
finally:
    try: send("Browser.close")
    except OSError: pass
    try: proc.wait(timeout=10)
    except subprocess.TimeoutExpired: proc.kill()
requests = [e["params"]["request"]["url"] for e in events if e.get("method") == "Network.requestWillBeSent"]
others = [u for u in requests if u != "file://" + page]
console = [e["params"] for e in events if e.get("method") == "Runtime.consoleAPICalled" and e["params"].get("type") in ("error", "warning", "assert")]
exceptions = [e["params"] for e in events if e.get("method") == "Runtime.exceptionThrown"]
logs = [e["params"]["entry"] for e in events if e.get("method") == "Log.entryAdded" and e["params"]["entry"].get("level") in ("error", "warning")]
result = {"dom": json.loads(counts), "requests": requests, "consoleErrors": console, "exceptions": exceptions, "logErrors": logs}
json.dump(result, open(report, "w"), indent=2)
problems = []
if result["dom"]["summary"] != 1: problems.append("no summary table in the live DOM")
if result["dom"]["scripts"] != 0: problems.append("the page has scripts")
if "file://" + page not in requests: problems.append("the page load itself was not observed (is the Network domain working?)")
if others: problems.append(f"network requests besides the page: {others}")
if console or exceptions or logs: problems.append(f"console errors: {console + exceptions + logs}")
if problems: raise SystemExit("; ".join(problems))
print(f"  devtools: {result['dom']}, requests: {len(requests)} (the page only), console errors: 0")
PY
    echo "check-html-report: $name ok — DOM checked, screenshot $out/$name.png"
}

check_page shipped "$([ "$shipped_rc" = 1 ] && echo yes || echo no)"
check_page flawed yes
python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["dom"]; sys.exit(0 if d["violations"]>=1 and d["steps"]>=2 else "flawed: expected violation sections with timeline rows, got %s" % d)' "$out/flawed.cdp.json"
echo "check-html-report: passed (reports and screenshots in $out)"
