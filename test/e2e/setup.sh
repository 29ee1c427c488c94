#!/usr/bin/env bash
# Idempotent, registry-only install of a real VS Code for the e2e tests: code-server (VS Code 1.100, Node 20)
# from npm into a cache OUTSIDE the repo, plus Debian's Chromium. Prints the code-server binary on the last
# line of stdout; everything else goes to stderr. Why each step exists: /work/shared/vscode-e2e.md ("Install").
set -euo pipefail
CS_VERSION="${CS_VERSION:-4.100.3}"
CS_HOME="${CS_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/bedrock-to-sagemaker-e2e/code-server-$CS_VERSION}"
BIN="$CS_HOME/node_modules/.bin/code-server"
log() { echo "[setup +${SECONDS}s] $*" >&2; }
die() { echo "[setup] ERROR: $*" >&2; exit 1; }

# Debian packages: chromium (the browser that hosts the workbench), ripgrep (seeds code-server's
# @vscode/ripgrep, whose postinstall would download from GitHub), libkrb5-dev + a C++ toolchain
# (code-server's native modules are built with node-gyp).
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v make >/dev/null && command -v g++ >/dev/null || missing+=(build-essential)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    log "apt-get install ${missing[*]}"
    aptlog="$(mktemp)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
      >"$aptlog" 2>&1 || { tail -30 "$aptlog" >&2; die "apt-get install ${missing[*]} failed"; }
    rm -f "$aptlog"
  else
    die "missing Debian packages: ${missing[*]}. Install them as root: apt-get install ${missing[*]}"
  fi
fi

if [[ -f "$CS_HOME/.ok" ]] && "$BIN" --version >/dev/null 2>&1; then
  log "code-server $CS_VERSION already installed in $CS_HOME"
  echo "$BIN"; exit 0
fi
[[ "$(node -p 'process.versions.node.split(".")[0]')" == 20 ]] || die "code-server $CS_VERSION needs Node 20, this is $(node --version)"
log "installing code-server $CS_VERSION into $CS_HOME (about 1 minute)"
rm -rf "$CS_HOME"; mkdir -p "$CS_HOME"; cd "$CS_HOME"
# @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache (in os.tmpdir()) has the tarball.
TMP="$(node -p 'require("os").tmpdir()')"
stage="$(mktemp -d)"; cp "$(command -v rg)" "$stage/rg"
for v in 1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14; do
  mkdir -p "$TMP/vscode-ripgrep-cache-$v"
  tar czf "$TMP/vscode-ripgrep-cache-$v/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$stage" rg
done
rm -rf "$stage"
echo '{"private":true}' > package.json
npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" >&2
log "code-server postinstall (node-gyp builds VS Code's native modules)"
( cd node_modules/code-server && npm_config_yes=true npm_config_unsafe_perm=true \
  npm_config_user_agent="npm/$(npm --version) node/$(node --version) linux x64" sh ./postinstall.sh ) > postinstall.log 2>&1 \
  || { tail -40 postinstall.log >&2; die "code-server postinstall failed (log: $CS_HOME/postinstall.log)"; }
npm rebuild argon2 --loglevel=error >&2
"$BIN" --version >&2 || die "code-server does not start"
touch .ok
log "installed"
echo "$BIN"
