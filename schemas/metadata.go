package schemas

import "time"

// Metadata is what a contact center says about a call, in a sidecar JSON
// beside the audio or in the object's user metadata. Every field is optional.
// Pointer fields are nil when the value is unknown, which is not the same as
// zero (no transfers is 0; an unknown number of transfers is nil).
type Metadata struct {
	CallID    string    `json:"call_id,omitempty"`
	StartedAt time.Time `json:"started_at,omitzero"`
	Direction string    `json:"direction,omitempty"` // inbound, outbound or internal (ingest checks it)
	Language  string    `json:"language,omitempty"`  // BCP 47 primary tag: ru, en
	Operator  Operator  `json:"operator,omitzero"`
	Client    Client    `json:"client,omitzero"`
	Queue     string    `json:"queue,omitempty"`
	// WaitSeconds is how long the client waited before an answer.
	WaitSeconds *float64   `json:"wait_seconds,omitempty"`
	Holds       []Interval `json:"holds,omitempty"`
	Transfers   *int       `json:"transfers,omitempty"`
	CSAT        *CSAT      `json:"csat,omitempty"`
	// Channels maps "left" and "right" to a role: "operator" or "client".
	// Empty means left = operator, right = client.
	Channels map[string]string `json:"channels,omitempty"`
	// Tags keeps the sidecar's own fields and every field callscope does not
	// know, so nothing the uploader said is lost.
	Tags map[string]string `json:"tags,omitempty"`
}

// WarningsTag is the tag under which ingest keeps what it noticed about a
// call's metadata without failing the call: an unknown field that looks
// like a misspelt known one ("operatr": did you mean operator), a
// started_at before 2000 or in the future. Each warning names the file and
// the field; warnings are joined by "; ", which no warning holds. Being a tag, it is stored with
// the call and shown with it (callscope show, the API's call card).
const WarningsTag = "callscope_warnings"

// Operator is the contact-center employee on the call.
type Operator struct {
	ID         string `json:"id,omitempty"`
	Name       string `json:"name,omitempty"`
	Department string `json:"department,omitempty"`
}

// Client is the caller. ID is personal data (a phone number): ingest replaces
// it with IDHash, a keyed hash, and clears ID before the metadata travels on.
type Client struct {
	ID     string `json:"id,omitempty"`
	IDHash string `json:"id_hash,omitempty"`
}

// Interval is a span of the recording in seconds from its start.
type Interval struct {
	Start float64 `json:"start"`
	End   float64 `json:"end"`
}

// CSAT is the client's rating after the call on a 3- or 5-point scale.
type CSAT struct {
	Score float64 `json:"score"`
	Scale float64 `json:"scale"`
}

// Roles of a channel.
const (
	RoleOperator = "operator"
	RoleClient   = "client"
	RoleMixed    = "mixed" // a mono recording: both parties on one channel
)
