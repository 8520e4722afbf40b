#!/usr/bin/env bash
# Builds etcd, kube-apiserver, kube-controller-manager and kube-scheduler from Go
# modules (one `go build`) into a content-addressed cache directory and prints
# that directory (absolute) as the last line on stdout.
#
#   CLUSTERC_APISERVER_CACHE  cache root (default: $HOME/.cache/clusterc/apiserver)
#
# The key is a hash of go.mod, go.sum, the main.go files, this script and the
# Go version/platform. If all binaries for the key exist, nothing is built.
# All progress goes to stderr.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

export GOTOOLCHAIN=local     # never download a toolchain
export GOFLAGS=-mod=mod      # go.sum is committed; allow module downloads
export CGO_ENABLED=0

log() { printf 'test-apiserver: %s\n' "$*" >&2; }

command -v go >/dev/null 2>&1 || { log "go not found on PATH"; exit 1; }

cache_root="${CLUSTERC_APISERVER_CACHE:-$HOME/.cache/clusterc/apiserver}"
programs=(etcd kube-apiserver kube-controller-manager kube-scheduler)
key="$( { cat go.mod go.sum; for p in "${programs[@]}"; do cat "cmd/$p/main.go"; done
          cat build.sh; go version; } | sha256sum | cut -c1-16)"
out="$cache_root/$key"

have_binaries() {
  local p
  for p in "${programs[@]}"; do [[ -x "$out/$p" ]] || return 1; done
}

if have_binaries; then
  echo "$out"
  exit 0
fi

mkdir -p "$cache_root"
# Serialize concurrent builds of the same key (e.g. parallel test JVMs).
exec 9>"$cache_root/.$key.lock"
if command -v flock >/dev/null 2>&1; then
  flock 9
fi
if have_binaries; then
  echo "$out"
  exit 0
fi

k8s_version="$(awk '$1=="k8s.io/kubernetes"{print $2; exit}' go.mod)"
etcd_version="$(awk '$1=="go.etcd.io/etcd/server/v3"{print $2; exit}' go.mod)"
k8s_major="${k8s_version#v}"; k8s_major="${k8s_major%%.*}"
k8s_minor="${k8s_version#v*.}"; k8s_minor="${k8s_minor%%.*}"

# Same version stamping as upstream's hack/lib/version.sh, so /version reports
# the real release instead of v0.0.0-master.
ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X $pkg.gitVersion=$k8s_version"
  ldflags+=" -X $pkg.gitMajor=$k8s_major -X $pkg.gitMinor=$k8s_minor"
  ldflags+=" -X $pkg.gitTreeState=clean"
done

tmp="$(mktemp -d "$cache_root/.build-$key.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

log "building kubernetes $k8s_version and etcd $etcd_version with $(go version)"
log "output: $out (this takes a long time on a cold Go cache)"
start=$SECONDS
go build -trimpath -buildvcs=false -ldflags "$ldflags" -o "$tmp/" "${programs[@]/#/./cmd/}" >&2
log "built in $((SECONDS - start)) s"

cat >"$tmp/versions.env" <<EOF
KUBERNETES_VERSION=$k8s_version
ETCD_VERSION=$etcd_version
EOF

chmod 755 "$tmp"
rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
echo "$out"
