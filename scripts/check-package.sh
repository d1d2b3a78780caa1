#!/usr/bin/env bash
# Installs cargo-ai the way users do: packs this checkout (prepack builds dist/), installs the tarball
# globally into a temporary prefix, then runs the installed CLI with an empty HOME. Fails on the first
# check that does not hold. CI runs it after the test suite; it takes a few minutes (better-sqlite3 compiles).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check-package: $*" >&2; exit 1; }

tarball="$work/$(npm pack --pack-destination "$work" --silent | tail -n 1)"
[ -f "$tarball" ] || fail "npm pack made no tarball"
contents=$(tar -tzf "$tarball")
for needed in package/bin/run.js package/dist/cli/base-command.js package/dist/commands/login.js package/.oclif.manifest.json package/templates/hosting/worker/blank/package.json; do
  grep -qx "$needed" <<<"$contents" || fail "the package lacks $needed"
done
if grep -E '^package/(src|test|bench|scripts|spec)/|\.ts$|^package/(tsconfig|vitest)' <<<"$contents" | grep -v '\.d\.ts$' | head -n 3 | grep -q .; then
  fail "the package carries files that do not run: $(grep -E '^package/(src|test|bench|scripts|spec)/' <<<"$contents" | head -n 3 | tr '\n' ' ')"
fi
echo "packed $(basename "$tarball"): $(wc -l <<<"$contents") files, $(du -k "$tarball" | cut -f1) KiB"

# nodedir: build better-sqlite3 against the installed headers, as the project's .npmrc does (no header download here).
npm install --global --prefix "$work/prefix" --no-audit --no-fund --loglevel=error --nodedir="${npm_config_nodedir:-/usr}" "$tarball" >/dev/null
cli="$work/prefix/bin/cargo-ai"
[ -x "$cli" ] || fail "npm install -g put no cargo-ai on the PATH prefix"

home="$work/home"
mkdir -p "$home"
run() { env -i PATH="$PATH" HOME="$home" CARGO_AI_KEYRING=off NO_COLOR=1 "$cli" "$@" </dev/null; }
version=$(node -p "require('./package.json').version")
[ "$(run --version)" = "$version" ] || fail "--version did not print $version"
run login --emulator >/dev/null || fail "login --emulator failed"
run orchestration tool list | grep -q '"Company enrichment"' || fail "orchestration tool list did not list the seeded tool"
run doctor >"$work/doctor.json" || fail "doctor exited $?: $(cat "$work/doctor.json")"
[ -d "$home/.config/cargo-ai" ] || fail "the config directory was not created under the empty HOME"
echo "installed package checked: --version, login --emulator, orchestration tool list, doctor"
