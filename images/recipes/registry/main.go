// The CNCF Distribution registry with only what DropDeploy uses: filesystem storage and htpasswd authentication.
// Upstream's cmd/registry also links the S3, Azure and GCS storage drivers, whose SDKs take most of its 12 minutes
// of compiling on two cores; without them it compiles in under a minute. The commands are upstream's own
// (serve, garbage-collect).
package main

import (
	"os"

	"github.com/distribution/distribution/v3/registry"
	_ "github.com/distribution/distribution/v3/registry/auth/htpasswd"
	_ "github.com/distribution/distribution/v3/registry/storage/driver/filesystem"
)

func main() {
	if err := registry.RootCmd.Execute(); err != nil {
		os.Exit(1)
	}
}
