# bench/test-cluster.sh: shell functions the bench scripts share, sourced (not run). They start and stop the
# project's test cluster (test-apiserver's TestClusterMain: etcd, kube-apiserver, kube-controller-manager,
# kube-scheduler and kwok on loopback). The sourcing script sets $root (the repository), $tmp (a scratch
# directory it removes) and $bench (its name, for messages), and calls stop_cluster from its EXIT trap.

cluster_pid=""

note() {
  printf '%s\n' "$*" >&2
}

# Stops the test cluster start_cluster started, if any: closing fd 3 ends TestClusterMain's input.
stop_cluster() {
  if [ -n "$cluster_pid" ]; then
    exec 3>&-
    wait "$cluster_pid" || true
    cluster_pid=""
  fi
}

# Starts a test cluster whose node has room for $1 pods; sets $kubeconfig. It stops when fd 3 closes.
start_cluster() {
  local fifo="$tmp/hold" log="$tmp/cluster.log"
  rm -f "$fifo" "$log"
  mkfifo "$fifo"
  (cd "$root" && exec mvn -q -B -Dstyle.color=never -pl test-apiserver compile \
    org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.mainClass=dev.clusterc.testapiserver.TestClusterMain \
    "-Dexec.args=--pods $1") <"$fifo" >"$log" 2>&1 &
  cluster_pid=$!
  exec 3>"$fifo"
  until grep -q '^kubeconfig: ' "$log" 2>/dev/null; do
    if ! kill -0 "$cluster_pid" 2>/dev/null; then
      cat "$log" >&2
      note "$bench: the test cluster did not start (see above)"
      exit 1
    fi
    sleep 1
  done
  kubeconfig="$(sed -n 's/^kubeconfig: //p' "$log")"
  note "test cluster: $(grep '^test-cluster: ready' "$log" | head -1)"
}

# One line about the machine, for the figures' context.
machine() {
  printf 'machine: %s cores, %s GB memory, %s; load average at start %s\n' "$(nproc)" \
    "$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)" "$(uname -sr)" "$(cut -d' ' -f1-3 /proc/loadavg)"
}
