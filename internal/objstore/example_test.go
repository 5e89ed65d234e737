package objstore_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/callscope/callscope/internal/objstore"
)

// Reading a sidecar with a size limit and telling "absent" from a failure.
func ExampleStore_Get() {
	store, err := objstore.New(objstore.Config{
		Endpoint:  "http://127.0.0.1:9000", // or "127.0.0.1:9000"; https:// turns TLS on
		AccessKey: "callscope", SecretKey: "callscope-secret",
	})
	if err != nil {
		log.Fatal(err)
	}
	const limit = 1 << 20
	data, err := store.Get(context.Background(), "calls", "2026/11/20/000123.json", limit+1)
	switch {
	case errors.Is(err, objstore.ErrNotFound):
		fmt.Println("no sidecar: use the object's user metadata")
	case err != nil:
		log.Print(err) // names s3://calls/2026/11/20/000123.json
	case len(data) > limit:
		fmt.Println("sidecar too large")
	}
}
