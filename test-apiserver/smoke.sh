#!/usr/bin/env bash
# Smoke test for the cached etcd + kube-apiserver binaries:
#   build (or reuse) the binaries, start etcd and kube-apiserver on 127.0.0.1,
#   check kubectl access, install every CRD under the CRD directory, wait for
#   them to be Established, server-side apply a Flux Kustomization and a
#   Deployment (dry run), then stop both processes.
#
#   CLUSTERC_CRD_DIR   CRDs to install (default: the upstream CRDs crds.sh fetches)
#   KUBECTL            kubectl to use (default: kubectl on PATH)
#   KEEP_TMP=1         keep the temp dir (logs, kubeconfig) after the run
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kubectl="${KUBECTL:-kubectl}"

log() { printf 'smoke: %s\n' "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }

bin="$("$here/build.sh" | tail -n1)"
log "binaries: $bin"
crd_dir="${CLUSTERC_CRD_DIR:-$("$here/crds.sh" | tail -n1)}"
log "CRDs: $crd_dir"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/clusterc-apiserver.XXXXXX")"
etcd_pid=""
api_pid=""

stop_pid() { # name pid
  local name="$1" pid="$2" i
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 150); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name did not stop after SIGTERM; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  log "$name stopped"
}

cleanup() {
  local rc=$?
  stop_pid kube-apiserver "$api_pid"
  stop_pid etcd "$etcd_pid"
  if [[ $rc -ne 0 ]]; then
    for f in "$tmp"/etcd.log "$tmp"/kube-apiserver.log; do
      [[ -f "$f" ]] && { log "--- tail of $f"; tail -n 30 "$f" >&2; }
    done
  fi
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then log "kept $tmp"; else rm -rf "$tmp"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free TCP port on 127.0.0.1, outside the default ephemeral range.
declare -A taken=()
free_port() {
  local p i
  for i in $(seq 1 200); do
    p=$((20000 + RANDOM % 12000))
    [[ -n "${taken[$p]:-}" ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      taken[$p]=1; echo "$p"; return 0
    fi
  done
  die "no free port found"
}
etcd_client_port="$(free_port)"; taken[$etcd_client_port]=1
etcd_peer_port="$(free_port)"; taken[$etcd_peer_port]=1
api_port="$(free_port)"

wait_for() { # description timeout-seconds command...
  local what="$1" timeout="$2"; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    (( SECONDS < deadline )) || die "timed out after ${timeout}s waiting for $what"
    sleep 0.2
  done
}

# --- etcd ---------------------------------------------------------------------
start=$SECONDS
"$bin/etcd" \
  --name=default \
  --data-dir="$tmp/etcd" \
  --listen-client-urls="http://127.0.0.1:$etcd_client_port" \
  --advertise-client-urls="http://127.0.0.1:$etcd_client_port" \
  --listen-peer-urls="http://127.0.0.1:$etcd_peer_port" \
  --initial-advertise-peer-urls="http://127.0.0.1:$etcd_peer_port" \
  --initial-cluster="default=http://127.0.0.1:$etcd_peer_port" \
  --unsafe-no-fsync \
  --log-level=warn \
  >"$tmp/etcd.log" 2>&1 &
etcd_pid=$!
wait_for "etcd health" 30 curl -fsS "http://127.0.0.1:$etcd_client_port/health"
log "etcd ready on 127.0.0.1:$etcd_client_port after $((SECONDS - start)) s"

# --- kube-apiserver -------------------------------------------------------------
openssl genrsa -out "$tmp/sa.key" 2048 2>/dev/null
openssl rsa -in "$tmp/sa.key" -pubout -out "$tmp/sa.pub" 2>/dev/null
token="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
echo "$token,clusterc-admin,clusterc-admin,system:masters" >"$tmp/tokens.csv"
mkdir -p "$tmp/certs"

api_flags=(
  --etcd-servers="http://127.0.0.1:$etcd_client_port"
  --bind-address=127.0.0.1
  --advertise-address=127.0.0.1
  --secure-port="$api_port"
  --cert-dir="$tmp/certs"
  --token-auth-file="$tmp/tokens.csv"
  --authorization-mode=RBAC
  --service-account-issuer=https://kubernetes.default.svc.cluster.local
  --service-account-key-file="$tmp/sa.pub"
  --service-account-signing-key-file="$tmp/sa.key"
  --service-cluster-ip-range=10.43.0.0/16
  --disable-admission-plugins=ServiceAccount
  --endpoint-reconciler-type=none
  --allow-privileged=true
  --profiling=false
)
start=$SECONDS
"$bin/kube-apiserver" "${api_flags[@]}" >"$tmp/kube-apiserver.log" 2>&1 &
api_pid=$!
printf '%s\n' "${api_flags[@]}" >"$tmp/kube-apiserver.flags"

cat >"$tmp/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: test
  cluster:
    server: https://127.0.0.1:$api_port
    certificate-authority: $tmp/certs/apiserver.crt
users:
- name: admin
  user:
    token: $token
contexts:
- name: test
  context: {cluster: test, user: admin, namespace: default}
current-context: test
EOF
k() { "$kubectl" --kubeconfig="$tmp/kubeconfig" "$@"; }

wait_for "kube-apiserver /readyz" 120 \
  curl -fsS --cacert "$tmp/certs/apiserver.crt" -H "Authorization: Bearer $token" \
  "https://127.0.0.1:$api_port/readyz"
wait_for "namespace default" 60 k get ns default
log "kube-apiserver ready on 127.0.0.1:$api_port after $((SECONDS - start)) s"
k version >&2 || die "kubectl version"
k get ns >&2 || die "kubectl get ns"

# --- CRDs ---------------------------------------------------------------------
[[ -d "$crd_dir" ]] || die "CRD directory not found: $crd_dir"
mapfile -t crd_files < <(find "$crd_dir" -type f \( -name '*.yaml' -o -name '*.yml' \) | sort)
(( ${#crd_files[@]} > 0 )) || die "no CRD files under $crd_dir"
start=$SECONDS
crd_names=()
for f in "${crd_files[@]}"; do
  out="$(k apply --server-side --field-manager=clusterc-smoke -f "$f" -o name)" \
    || die "apply $f"
  crd_names+=($out)
done
log "applied ${#crd_files[@]} files (${#crd_names[@]} CRDs) in $((SECONDS - start)) s"
k wait --for=condition=Established --timeout=120s "${crd_names[@]}" >/dev/null \
  || die "CRDs not Established"
established="$(k get crd -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.status.conditions[?(@.type=="Established")].status}{"\n"}{end}' \
  | awk '$2=="True"' | wc -l)"
log "CRDs Established: $established of ${#crd_names[@]} (after $((SECONDS - start)) s)"
(( established == ${#crd_names[@]} )) || die "not all CRDs Established"

# --- sample resources ----------------------------------------------------------
k apply --server-side --field-manager=clusterc-smoke -f - >&2 <<'EOF' || die "apply Kustomization"
apiVersion: v1
kind: Namespace
metadata:
  name: smoke
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: apps
  namespace: smoke
spec:
  interval: 10m
  path: ./apps
  prune: true
  sourceRef:
    kind: GitRepository
    name: flux-system
EOF
k -n smoke get kustomizations.kustomize.toolkit.fluxcd.io apps >&2 || die "get Kustomization"

# CRD schema validation must reject a bad custom resource (sourceRef is required).
if k apply --server-side --field-manager=clusterc-smoke -f - >/dev/null 2>"$tmp/invalid.err" <<'EOF'
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: invalid
  namespace: smoke
spec:
  interval: 10m
  prune: true
EOF
then die "an invalid Kustomization was accepted"; fi
log "invalid Kustomization rejected: $(head -c 300 "$tmp/invalid.err" | tr '\n' ' ')"

k apply --server-side --dry-run=server --field-manager=clusterc-smoke -f - >&2 <<'EOF' || die "dry-run Deployment"
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: smoke
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 80
EOF

log "PASS"
