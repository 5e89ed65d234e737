package embedded_test

import (
	"fmt"
	"log"
	"os"

	"github.com/callscope/callscope/internal/embedded"
	"github.com/callscope/callscope/internal/objstore"
)

// The one-machine default: NATS and S3 in this process, data under one
// directory, clients over loopback.
func Example() {
	dir, err := os.MkdirTemp("", "callscope-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	ns, err := embedded.StartNATS(embedded.NATSConfig{Dir: dir + "/nats"})
	if err != nil {
		log.Fatal(err)
	}
	defer ns.Shutdown()

	// Resolve relative paths before this: the posix backend changes the
	// working directory until Close.
	s3, err := embedded.StartS3(embedded.S3Config{Dir: dir + "/objects", AccessKey: "callscope", SecretKey: "callscope-secret"})
	if err != nil {
		log.Fatal(err)
	}
	defer s3.Close()

	store, err := objstore.New(objstore.Config{Endpoint: s3.Endpoint(), AccessKey: "callscope", SecretKey: "callscope-secret"})
	if err != nil {
		log.Fatal(err)
	}
	_ = store // EnsureBucket, Put, Get… as against any S3
	fmt.Println("S3 over plain HTTP at 127.0.0.1:", len(s3.Endpoint()) > len("127.0.0.1:"))
	// Output: S3 over plain HTTP at 127.0.0.1: true
}
