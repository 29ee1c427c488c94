#!/usr/bin/env bash
# npm run test:e2e — tests in a real VS Code (code-server 4.100.3 + Debian Chromium, no downloads but npm/apt):
#   1. setup.sh: Debian packages and code-server (cached outside the repo), idempotent
#   2. build the extension and the suite; package the .vsix (npm run package)
#   3. the .vsix contents; the extension-host suite on the development folder, then on the installed .vsix;
#      the UI smoke test on the installed .vsix
# Each runner ends with "N passed, N failed, N skipped"; the last line here is the total in the same format.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$SECONDS
stamp() { echo "[e2e +$((SECONDS - start))s] $*"; }
die() { echo "e2e: $* (see above)"; echo "0 passed, 1 failed"; exit 1; }

rm -rf .test-output/e2e # screenshots from an earlier run would read as this run's failures
CODE_SERVER="$(bash test/e2e/setup.sh | tail -1)" || die "setup failed"
export CODE_SERVER
stamp "code-server: $CODE_SERVER"
# Package first: vsce's prepublish writes a production build, and the dev run wants the dev build after it.
npm run --silent package >/dev/null || die "npm run package failed"
npm run --silent build || die "npm run build failed"
node test/integration/build.mjs || die "building the extension-host suite failed"
stamp "built and packaged bedrock-to-sagemaker.vsix"

passed=0 failed=0 skipped=0 rc=0
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
run() { # sums the runner's closing "N passed, N failed[, N skipped]" line into the total
  local name=$1; shift
  echo "== $name"
  "$@" 2>&1 | tee "$out" || rc=1
  local line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' "$out" | tail -1 || true)
  if [[ -z $line ]]; then
    echo "(no summary line from $name: counted as 1 failure)"; failed=$((failed + 1)); rc=1
  else
    read -r p _ f _ s _ <<<"${line//,/}"
    passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + ${s:-0}))
  fi
  stamp "$name done"
}
run "packaged .vsix contents" node test/e2e/check-vsix.js bedrock-to-sagemaker.vsix
run "extension tests (development folder)" node test/e2e/run-suite.js
run "extension tests (installed .vsix)" node test/e2e/run-suite.js --vsix bedrock-to-sagemaker.vsix
run "UI smoke test (installed .vsix)" node test/e2e/run-ui.js bedrock-to-sagemaker.vsix
stamp "total"
echo "$passed passed, $failed failed, $skipped skipped"
[[ $rc == 0 && $failed == 0 ]]
