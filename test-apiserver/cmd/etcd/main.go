// Command etcd is a thin wrapper that builds the upstream etcd server from
// Go modules, for clusterc's integration tests.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
