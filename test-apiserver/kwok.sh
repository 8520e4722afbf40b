#!/usr/bin/env bash
# Builds kwok (the fake kubelet of the test cluster) from its own Go module with `go install`
# into a content-addressed cache directory, copies beside it the Stage documents that ship in the
# same module (kwok v0.8.0 has no default stages as a plain binary), and prints that directory
# (absolute) as the last line on stdout.
#
#   CLUSTERC_KWOK_CACHE  cache root (default: $HOME/.cache/clusterc/kwok)
#
# The key is a hash of this script (which pins the version and the module's h1: sum) and the Go
# version/platform. If the binary and every stage for the key exist, nothing is built.
# All progress goes to stderr. Layout: <dir>/kwok, <dir>/stages/<name>.yaml, <dir>/versions.env.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

module=sigs.k8s.io/kwok
version=v0.8.0
sum="h1:OTIOTwgROqPMovcTwxICx2eYQ4AwLpSx5EpjbDKF4SQ="
# The stages the test cluster plays, as paths in the module: nodes become Ready and keep a lease;
# scheduled pods become Ready, pods of Jobs complete, deleted pods go away.
stages=(
  kustomize/stage/node/fast/node-initialize.yaml
  kustomize/stage/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml
  kustomize/stage/pod/fast/pod-ready.yaml
  kustomize/stage/pod/fast/pod-complete.yaml
  kustomize/stage/pod/fast/pod-delete.yaml
)

export GOTOOLCHAIN=local     # never download a toolchain
export GOFLAGS=              # `go install pkg@version` builds outside any main module
export GOWORK=off
export CGO_ENABLED=0

log() { printf 'test-apiserver: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

command -v go >/dev/null 2>&1 || die "go not found on PATH (kwok.sh builds kwok from its Go module)"

cache_root="${CLUSTERC_KWOK_CACHE:-$HOME/.cache/clusterc/kwok}"
key="$( { cat kwok.sh; go version; } | sha256sum | cut -c1-16)"
out="$cache_root/$key"

complete() {
  local s
  [[ -x "$out/kwok" ]] || return 1
  for s in "${stages[@]}"; do [[ -f "$out/stages/$(basename "$s")" ]] || return 1; done
}

if complete; then
  echo "$out"
  exit 0
fi

mkdir -p "$cache_root"
# Serialize concurrent builds of the same key (e.g. parallel test JVMs).
exec 9>"$cache_root/.$key.lock"
if command -v flock >/dev/null 2>&1; then
  flock 9
fi
if complete; then
  echo "$out"
  exit 0
fi

tmp="$(mktemp -d "$cache_root/.build-$key.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/stages" "$tmp/work"

log "fetching $module@$version"
json="$(cd "$tmp/work" && go mod download -json "$module@$version")" \
  || { printf '%s\n' "$json" >&2; die "go mod download $module@$version failed"; }
dir="$(awk -F'"' '/^\t"Dir":/ { print $4 }' <<<"$json")"
got="$(awk -F'"' '/^\t"Sum":/ { print $4 }' <<<"$json")"
[[ "$got" == "$sum" ]] || die "$module@$version has sum $got, expected $sum (pinned in kwok.sh)"
for s in "${stages[@]}"; do
  [[ -f "$dir/$s" ]] || die "$module@$version has no $s"
  cp "$dir/$s" "$tmp/stages/$(basename "$s")"
done

log "building kwok $version with $(go version)"
log "output: $out (this takes minutes on a cold Go cache)"
start=$SECONDS
(cd "$tmp/work" && GOBIN="$tmp" go install -trimpath -buildvcs=false -ldflags "-s -w" \
  "$module/cmd/kwok@$version") >&2
log "built in $((SECONDS - start)) s"

printf 'KWOK_VERSION=%s\n' "$version" >"$tmp/versions.env"
rm -rf "$tmp/work"
chmod 755 "$tmp"
rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
echo "$out"
