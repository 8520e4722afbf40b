#!/usr/bin/env bash
# Fetches the upstream CustomResourceDefinitions listed in crds.txt from their projects' Go modules
# (through the Go module proxy, checked against the h1: sums in the list) into a content-addressed
# cache directory, one CRD per file at <dir>/<API group>/<file>.yaml, and prints that directory
# (absolute) as the last line on stdout.
#
#   CLUSTERC_CRD_CACHE  cache root (default: $HOME/.cache/clusterc/crds)
#   CLUSTERC_CRD_LIST   the list to fetch (default: crds.txt beside this script)
#
# The key is a hash of the list and this script. If the key's directory exists, nothing is fetched.
# Modules go to a private module cache that is deleted afterwards, so only the CRDs stay on disk.
# All progress goes to stderr.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
list="$(realpath "${CLUSTERC_CRD_LIST:-$here/crds.txt}")"

export GOTOOLCHAIN=local                 # never download a toolchain
export GOFLAGS="-mod=mod -modcacherw"    # module cache files writable, so it can be deleted
export GOWORK=off

log() { printf 'test-apiserver: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

command -v go >/dev/null 2>&1 || die "go not found on PATH (crds.sh fetches CRDs from Go modules)"
[[ -f "$list" ]] || die "CRD list not found: $list"

cache_root="${CLUSTERC_CRD_CACHE:-$HOME/.cache/clusterc/crds}"
key="$(cat "$list" "$here/crds.sh" | sha256sum | cut -c1-16)"
out="$cache_root/$key"

if [[ -d "$out" ]]; then
  echo "$out"
  exit 0
fi

mkdir -p "$cache_root"
# Serialize concurrent fetches of the same key (e.g. parallel test JVMs).
exec 9>"$cache_root/.$key.lock"
if command -v flock >/dev/null 2>&1; then
  flock 9
fi
if [[ -d "$out" ]]; then
  echo "$out"
  exit 0
fi

tmp="$(mktemp -d "$cache_root/.fetch-$key.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
export GOMODCACHE="$tmp/gomod"
mkdir -p "$tmp/work" "$tmp/out"

# Lines: MODULE@VERSION SUM PATH [CRD-NAME]; '#' starts a comment.
entries="$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$list")"
[[ -n "$entries" ]] || die "no entries in $list"
modules="$(awk '{print $1}' <<<"$entries" | sort -u)"

log "fetching $(wc -l <<<"$entries") CRDs from $(wc -l <<<"$modules") Go modules (list $list)"
start=$SECONDS
# One call downloads in parallel; -json prints one object per module, indented with tabs.
# shellcheck disable=SC2086
(cd "$tmp/work" && go mod download -json $modules) >"$tmp/download.json" \
  || { cat "$tmp/download.json" >&2; die "go mod download failed"; }
awk -F'"' '
  /^\t"Path":/    { path = $4 }
  /^\t"Version":/ { version = $4 }
  /^\t"Dir":/     { dir = $4 }
  /^\t"Sum":/     { sum = $4 }
  /^\t"Error":/   { error = $4 }
  /^}/ { print path "@" version "\t" dir "\t" sum "\t" error; path = version = dir = sum = error = "" }
' "$tmp/download.json" >"$tmp/modules.tsv"
bytes="$(du -sb "$GOMODCACHE/cache/download" | cut -f1)"
log "downloaded in $((SECONDS - start)) s ($((bytes / 1024 / 1024)) MiB of module zips and metadata)"

# Prints the document of a multi-document YAML file whose metadata.name is $2.
extract_document() {
  awk -v want="  name: $2" '
    function flush() { if (found) { printf "%s", doc; hits++ } doc = ""; found = 0 }
    /^---/ { flush(); next }
    { doc = doc $0 "\n"; if ($0 == want) found = 1 }
    END { flush(); if (hits != 1) exit 1 }
  ' "$1"
}

while read -r module sum path name; do
  row="$(awk -F'\t' -v m="$module" '$1 == m' "$tmp/modules.tsv")"
  dir="$(cut -f2 <<<"$row")"
  got="$(cut -f3 <<<"$row")"
  error="$(cut -f4 <<<"$row")"
  [[ -z "$error" ]] || die "$module: $error"
  [[ -n "$dir" && -d "$dir" ]] || die "$module: go mod download reported no directory"
  [[ "$got" == "$sum" ]] || die "$module: checksum mismatch: the list pins $sum, the proxy served $got"
  src="$dir/$path"
  [[ -f "$src" ]] || die "$module: no file $path in the module"
  if [[ -n "$name" ]]; then
    # A combined file (possibly a Helm template): cut out the one CRD, drop Helm's label include.
    doc="$(extract_document "$src" "$name")" \
      || die "$module: $path holds not exactly one document named $name"
    doc="$(sed -E 's/ ?\{\{- include "[^"]*" \. \| nindent [0-9]+ \}\}//' <<<"$doc")"
    if grep -q '{{' <<<"$doc"; then
      die "$module: $name in $path still holds a Helm template expression"
    fi
    group="${name#*.}"
    file="${group}_${name%%.*}.yaml"
    content="$doc"$'\n'
  else
    content="$(cat "$src"; echo x)"; content="${content%x}"
  fi
  grep -q '^kind: CustomResourceDefinition$' <<<"$content" \
    || die "$module: $path is not a CustomResourceDefinition"
  group="$(awk '/^  group: / { print $2; exit }' <<<"$content")"
  [[ -n "$group" ]] || die "$module: $path has no spec.group"
  [[ -n "$name" ]] || file="$(basename "$path")"
  mkdir -p "$tmp/out/$group"
  [[ ! -e "$tmp/out/$group/$file" ]] || die "two entries write $group/$file"
  printf '%s' "$content" >"$tmp/out/$group/$file"
  printf '%s/%s\t%s\t%s%s\n' "$group" "$file" "$module" "$path" "${name:+#$name}" >>"$tmp/out/SOURCES.tsv"
done <<<"$entries"

chmod 755 "$tmp/out"
mv "$tmp/out" "$out"
log "wrote $(wc -l <"$out/SOURCES.tsv") CRDs to $out in $((SECONDS - start)) s"
echo "$out"
