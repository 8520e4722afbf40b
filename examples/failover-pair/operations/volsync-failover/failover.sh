#!/bin/sh
# The failover monitor of the failover-pair cluster (the seed's operations/volsync-failover).
#
# Every CHECK_INTERVAL it asks the API server whether PRIMARY_NODE is Ready. After FAILURES_BEFORE_FAILOVER
# failed checks in a row it moves each app of APPS to BACKUP_NODE: the Deployment is pinned to that node and
# mounts the Syncthing replica (claim APP-data-backup) instead of the primary claim (APP-data). When the
# primary is Ready again it only says so: moving back (and syncing back first) is a decision for a person.
#
# Flux reconciles the Deployments back to what Git says; suspend the apps Kustomization during a failover
# (`flux suspend kustomization apps`), or the next reconcile undoes it.
set -eu

. /etc/volsync-failover/failover.conf

ready() {
  kubectl get node "$PRIMARY_NODE" \
    -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null | grep -qx True
}

fail_over() {
  app="$1"
  echo "failing $app over to $BACKUP_NODE"
  kubectl -n "$app" patch deployment "$app" --type json -p "[
    {\"op\": \"replace\",
     \"path\": \"/spec/template/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/0/values\",
     \"value\": [\"$BACKUP_NODE\"]},
    {\"op\": \"replace\",
     \"path\": \"/spec/template/spec/volumes/0/persistentVolumeClaim/claimName\",
     \"value\": \"$app-data-backup\"}
  ]"
}

failures=0
failed_over=false
while true; do
  if ready; then
    if [ "$failed_over" = true ]; then
      echo "$PRIMARY_NODE is Ready again; the apps stay on $BACKUP_NODE until moved back by hand"
    fi
    failures=0
  else
    failures=$((failures + 1))
    echo "$PRIMARY_NODE is not Ready ($failures/$FAILURES_BEFORE_FAILOVER)"
    if [ "$failures" -ge "$FAILURES_BEFORE_FAILOVER" ] && [ "$failed_over" = false ]; then
      for app in $APPS; do
        fail_over "$app"
      done
      failed_over=true
    fi
  fi
  sleep "$CHECK_INTERVAL"
done
