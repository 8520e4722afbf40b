// The workload of `clusterc bench` in Jsonnet (run by go-jsonnet and sjsonnet): for each of n apps, the
// nine objects clusterc compiles from it (namespace, database cluster and its scheduled backup, claim,
// restic repository secret and ReplicationSource, Deployment, Service, HTTPRoute), as one YAML stream.
// Usage: jsonnet -S --tla-code n=1000 apps.jsonnet
function(n)
  local labels(name) = {
    'app.kubernetes.io/managed-by': 'clusterc',
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/part-of': 'bench',
  };
  local meta(i, line, name, namespace) = {
    annotations: { 'clusterc.dev/source': 'apps-%d.cluster:%d' % [i % 20, std.floor(i / 20) * 10 + line] },
    labels: labels(name),
    name: name,
    namespace: namespace,
  };
  local secretRef(db, key) = { secretKeyRef: { key: key, name: db + '-app' } };
  local app(i) =
    local a = 'app%d' % i, v = 'data%d' % i, db = 'db%d' % i, DB = 'DB%d' % i;
    [
      { apiVersion: 'v1', kind: 'Namespace', metadata: {
        annotations: { 'clusterc.dev/source': 'cluster.cluster:1' }, labels: labels('bench'), name: a } },
      { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: meta(i, 1, db, a), spec: {
        backup: {
          barmanObjectStore: {
            data: { compression: 'gzip' },
            destinationPath: 's3://backups/bench',
            s3Credentials: {
              accessKeyId: { key: 'access-key-id', name: 'creds' },
              secretAccessKey: { key: 'secret-access-key', name: 'creds' },
            },
            wal: { compression: 'gzip' },
          },
          retentionPolicy: '4w',
        },
        imageName: 'ghcr.io/cloudnative-pg/postgresql:17',
        instances: 1,
        postgresql: { parameters: { archive_timeout: '5min' } },
        storage: { size: '1Gi' },
      } },
      { apiVersion: 'postgresql.cnpg.io/v1', kind: 'ScheduledBackup', metadata: meta(i, 1, db, a), spec: {
        backupOwnerReference: 'self', cluster: { name: db }, method: 'barmanObjectStore', schedule: '0 0 3 * * *',
      } },
      { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta(i, 2, v, a), spec: {
        accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } },
      } },
      { apiVersion: 'v1', kind: 'Secret', metadata: meta(i, 2, v, a) + {
        name: v + '-restic-repository',
        annotations+: {
          'clusterc.dev/secret-keys': 'RESTIC_PASSWORD=creds/RESTIC_PASSWORD,AWS_ACCESS_KEY_ID=creds/access-key-id,AWS_SECRET_ACCESS_KEY=creds/secret-access-key',
          'kustomize.toolkit.fluxcd.io/ssa': 'Merge',
        },
      }, stringData: { RESTIC_REPOSITORY: 's3:s3.amazonaws.com/backups/bench/' + v }, type: 'Opaque' },
      { apiVersion: 'volsync.backube/v1alpha1', kind: 'ReplicationSource', metadata: meta(i, 2, v, a) + {
        name: v + '-restic',
      }, spec: {
        restic: {
          copyMethod: 'Direct', repository: v + '-restic-repository', retain: { daily: 7, weekly: 4 },
        },
        sourcePVC: v,
        trigger: { schedule: '0 3 * * *' },
      } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(i, 3, a, a), spec: {
        replicas: 1,
        selector: { matchLabels: { 'app.kubernetes.io/instance': a, 'app.kubernetes.io/name': a } },
        strategy: { type: 'Recreate' },
        template: {
          metadata: { labels: labels(a) + { 'app.kubernetes.io/instance': a } },
          spec: {
            containers: [{
              env: [
                { name: DB + '_' + e[0], valueFrom: secretRef(db, e[1]) }
                for e in [['HOST', 'host'], ['PORT', 'port'], ['USER', 'username'], ['PASSWORD', 'password'], ['DATABASE', 'dbname']]
              ],
              image: 'ghcr.io/bench/app:1.%d' % i,
              name: a,
              ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
              volumeMounts: [{ mountPath: '/data', name: v }],
            }],
            volumes: [{ name: v, persistentVolumeClaim: { claimName: v } }],
          },
        },
      } },
      { apiVersion: 'v1', kind: 'Service', metadata: meta(i, 3, a, a), spec: {
        ports: [{ name: 'http', port: 8080, protocol: 'TCP', targetPort: 'http' }],
        selector: { 'app.kubernetes.io/instance': a, 'app.kubernetes.io/name': a },
      } },
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: meta(i, 6, a, a), spec: {
        hostnames: [a + '.bench.example'],
        parentRefs: [{ name: 'web', namespace: 'kube-system', sectionName: 'https' }],
        rules: [{ backendRefs: [{ name: a, port: 8080 }] }],
      } },
    ];
  std.manifestYamlStream(std.flattenArrays([app(i) for i in std.range(0, n - 1)]), quote_keys=false)
