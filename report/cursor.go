package report

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// callSort is an order of a call list: a key and a direction; call_id
// breaks ties so that pages never skip or repeat a call.
type callSort struct {
	Name string // started_at, duration or score
	Desc bool
}

// callSortKeys are the sortable keys and their SQL over calls FINAL.
var callSortKeys = map[string]string{
	"started_at": "started_at",
	"duration":   "duration",
	"score":      "ifNull(score, -1)",
}

// CallSorts lists the values of CallsRequest.Sort.
func CallSorts() []string {
	return []string{"started_at", "-started_at", "duration", "-duration", "score", "-score"}
}

func parseCallSort(s string) (callSort, error) {
	desc := strings.HasPrefix(s, "-")
	name := strings.TrimPrefix(s, "-")
	if name == "" && !desc {
		name = "started_at"
	}
	if _, ok := callSortKeys[name]; !ok {
		return callSort{}, paramErr("sort", "--sort: want one of %s, got %q", strings.Join(CallSorts(), ", "), s)
	}
	return callSort{Name: name, Desc: desc}, nil
}

func (s callSort) String() string {
	if s.Desc {
		return "-" + s.Name
	}
	return s.Name
}

// callCursor is where a page of calls starts: after the call with this key
// value and id in the list's order.
type callCursor struct {
	Sort string  `json:"s"`
	Time int64   `json:"t,omitempty"` // started_at, Unix seconds
	Num  float64 `json:"n,omitempty"` // duration or score
	ID   string  `json:"id"`
}

// cursorAfter is the cursor that continues after row r in order s.
func cursorAfter(s callSort, r CallRow, storedStart time.Time) string {
	c := callCursor{Sort: s.String(), ID: r.CallID}
	switch s.Name {
	case "started_at":
		c.Time = storedStart.Unix()
	case "duration":
		c.Num = r.Duration
	case "score":
		c.Num = -1
		if r.Score != nil {
			c.Num = *r.Score
		}
	}
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(text string, s callSort) (callCursor, error) {
	bad := func(why string) (callCursor, error) {
		return callCursor{}, paramErr("cursor", "--cursor: %s", why)
	}
	if len(text) > 2048 {
		return bad("too long")
	}
	b, err := base64.RawURLEncoding.DecodeString(text)
	if err != nil {
		return bad("not a cursor of this list")
	}
	var c callCursor
	if err := json.Unmarshal(b, &c); err != nil || c.ID == "" || math.IsNaN(c.Num) || math.IsInf(c.Num, 0) {
		return bad("not a cursor of this list")
	}
	if c.Sort != s.String() {
		return bad(fmt.Sprintf("made for sort %s, not %s", strconv.Quote(c.Sort), strconv.Quote(s.String())))
	}
	return c, nil
}

// cond is the condition of the rows after the cursor, in order s.
func (c callCursor) cond(s callSort) (string, []any) {
	key := callSortKeys[s.Name]
	op := ">"
	if s.Desc {
		op = "<"
	}
	var v any = c.Num
	if s.Name == "started_at" {
		v = time.Unix(c.Time, 0).UTC()
	}
	return "(" + key + " " + op + " ? OR (" + key + " = ? AND call_id " + op + " ?))", []any{v, v, c.ID}
}

// order is the ORDER BY of s.
func (s callSort) order() string {
	dir := ""
	if s.Desc {
		dir = " DESC"
	}
	return callSortKeys[s.Name] + dir + ", call_id" + dir
}
