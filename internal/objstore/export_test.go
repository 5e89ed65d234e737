package objstore

import "time"

// SetTargetWait shortens NotifyNATS's wait for an unknown notification
// target in tests, and returns a function that restores it.
func SetTargetWait(d time.Duration) (restore func()) {
	old := targetWait
	targetWait = d
	return func() { targetWait = old }
}
