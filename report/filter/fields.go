package filter

import (
	"sort"
	"strings"

	"github.com/callscope/callscope/analyze"
)

// Type is the type of a field: it decides which operators and values a
// comparison may use.
type Type int

// Field types.
const (
	// String is text compared exactly (=, !=, in) or by substring (~).
	String Type = iota + 1
	// Number is a plain number: 3, 4.5, -1.
	Number
	// Duration is seconds; values take a unit: 90, 90s, 1.5m, 2h, 250ms, 1:30.
	Duration
	// Ratio is a fraction stored as 0..1; values are 0.4 or 40%.
	Ratio
	// Time is a moment; values are periods: 2026, 2026-11, 2026-W47,
	// 2026-11-20, 2026-11-20T10:15 (UTC unless an offset is given).
	Time
	// Category is the set of dictionary categories a call has hits of.
	Category
	// Outcome is a criterion's result: passed, failed or n/a.
	Outcome
	// Percent is a percentage stored as 0..100, as the analyzer writes its
	// "%" parameters; values are 60 or 60%.
	Percent
)

func (t Type) String() string {
	switch t {
	case String:
		return "string"
	case Number:
		return "number"
	case Duration:
		return "duration"
	case Ratio:
		return "ratio"
	case Time:
		return "time"
	case Category:
		return "category"
	case Outcome:
		return "outcome"
	case Percent:
		return "percent"
	}
	return "unknown type"
}

// Field is one named filter.
type Field struct {
	// Name is what an expression writes. A name ending in ".NAME", ".KEY" or
	// ".ID" is a family: the part after the dot is chosen by the user
	// (param.silence_longest, tag.tariff).
	Name string
	Type Type
	// Doc is one line for the user.
	Doc string

	// col is the SQL of the value (a column of calls FINAL, or an
	// expression with ? placeholders bound to the family key).
	col string
	// nullable says the value can be unknown (SQL NULL).
	nullable bool
	// key is the family prefix ("param.") for a family, "" otherwise.
	family string
	// param is the parameter a shorthand stands for (param_names entry).
	param string
	// tz says col takes the time zone as its one argument.
	tz bool
}

// IsFamily reports whether the field takes a user-chosen key after its
// prefix.
func (f Field) IsFamily() bool { return f.family != "" }

// Families and their SQL. The key is bound as an argument, never spliced.
const (
	paramSQL     = "if(has(param_names, ?), param_values[indexOf(param_names, ?)], NULL)"
	tagSQL       = "if(has(tag_keys, ?), tag_values[indexOf(tag_keys, ?)], NULL)"
	criterionSQL = "if(has(criteria_ids, ?), criteria_outcomes[indexOf(criteria_ids, ?)], NULL)"
	catCountSQL  = "if(has(category_names, ?), toFloat64(category_counts[indexOf(category_names, ?)]), 0)"
)

// fields is every named filter, in documentation order.
var fields = withParams([]Field{
	// Identity and metadata.
	{Name: "call_id", Type: String, Doc: "the call id", col: "call_id"},
	{Name: "operator", Type: String, Doc: "operator id (op-12)", col: "operator_id"},
	{Name: "operator_name", Type: String, Doc: "operator name as in the metadata", col: "operator_name"},
	{Name: "department", Type: String, Doc: "operator's department", col: "department"},
	{Name: "queue", Type: String, Doc: "queue or line the call came through", col: "queue"},
	{Name: "direction", Type: String, Doc: "inbound or outbound", col: "direction"},
	{Name: "language", Type: String, Doc: "language of the call (ru, en)", col: "language"},
	{Name: "client", Type: String, Doc: "hashed client id (id_hash): all calls of one client", col: "client_hash"},
	{Name: "object_key", Type: String, Doc: "key of the recording in the bucket", col: "object_key"},
	{Name: "asr_adapter", Type: String, Doc: "ASR adapter that made the transcript", col: "asr_adapter"},
	{Name: "asr_model", Type: String, Doc: "ASR model that made the transcript", col: "asr_model"},
	{Name: "dictionary_version", Type: String, Doc: "version of the dictionaries the call was analysed with", col: "dictionary_version"},
	{Name: "tag.KEY", Type: String, Doc: "a metadata tag (tag.tariff = home-100); unknown when the call has no such tag", col: tagSQL, nullable: true, family: "tag."},

	// Time.
	{Name: "started", Type: Time, Doc: "when the call started; unknown start times never match", col: "started_at"},
	{Name: "analyzed", Type: Time, Doc: "when the call was last analysed", col: "analyzed_at"},
	{Name: "hour", Type: Number, Doc: "hour of day the call started, 0-23", col: "toHour(toTimeZone(started_at, ?))", tz: true},
	{Name: "weekday", Type: Number, Doc: "day of week the call started, 1 = Monday ... 7 = Sunday", col: "toDayOfWeek(toTimeZone(started_at, ?))", tz: true},

	// Categories.
	{Name: "category", Type: Category, Doc: "dictionary categories the call has hits of: category = complaint, category in (a, b); `has complaint` is short for category = complaint", col: "category_names"},
	{Name: "categories", Type: Number, Doc: "number of categories the call has hits of (0: no hits at all)", col: "toFloat64(length(category_names))"},
	{Name: "category.NAME", Type: Number, Doc: "number of hits of a category (0 when none)", col: catCountSQL, family: "category."},

	// Call timing stored as columns.
	{Name: "duration", Type: Duration, Doc: "length of the recording", col: "duration"},
	{Name: "channels", Type: Number, Doc: "audio channels: 1 (mono, mixed) or 2", col: "toFloat64(channels)"},
	{Name: "operator_talk", Type: Duration, Doc: "time the operator speaks; unknown for mono", col: "operator_talk", nullable: true},
	{Name: "client_talk", Type: Duration, Doc: "time the client speaks; unknown for mono", col: "client_talk", nullable: true},
	{Name: "total_talk", Type: Duration, Doc: "time either side speaks", col: "total_talk"},
	{Name: "wait", Type: Duration, Doc: "waiting time before the answer (metadata wait_seconds)", col: "wait_seconds", nullable: true},
	{Name: "transfers", Type: Number, Doc: "number of transfers (metadata)", col: "toFloat64(transfers)", nullable: true},
	{Name: "csat", Type: Number, Doc: "customer satisfaction score as given (4 of 5 is 4)", col: "csat_score", nullable: true},
	{Name: "csat_scale", Type: Number, Doc: "the top of the CSAT scale (5, 10)", col: "csat_scale", nullable: true},

	// Score.
	{Name: "score", Type: Number, Doc: "the call's score on a 5-point scale (a profile with another maximum is rescaled, as in the reports); unknown when no profile applied", col: "if(score_max > 0, score * 5 / score_max, NULL)", nullable: true},
	{Name: "score_profile", Type: String, Doc: "scoring profile the call was scored with", col: "score_profile"},
	{Name: "score_profile_version", Type: String, Doc: "version (content hash) of the scoring profile the call was scored with: reprocess --filter 'score_profile_version != V' rescores calls of older versions", col: "score_profile_version"},
	{Name: "criterion.ID", Type: Outcome, Doc: "result of one scoring criterion: passed, failed or n/a (criterion.greeting = failed)", col: criterionSQL, nullable: true, family: "criterion."},

	// Parameters (docs/parameters.md), by name; param.NAME reaches any. A
	// shorthand is the parameter's own name: its type comes from the
	// parameter's unit and its description from analyze.Parameters().
	{Name: "param.NAME", Type: Number, Doc: "any call parameter by name (docs/parameters.md); its type follows the parameter's unit (param.first_response_time > 5s); unknown when the call has no value", col: paramSQL, nullable: true, family: "param."},
	{param: "talk_share_operator"},
	{param: "talk_listen_ratio"},
	{param: "silence_total"},
	{param: "silence_longest"},
	{param: "dead_air_longest"},
	{param: "overtalk_total"},
	{param: "overtalk_count"},
	{param: "interruptions_operator"},
	{param: "interruptions_client"},
	{param: "first_response_time"},
	{param: "response_time_max"},
	{param: "speech_rate_operator"},
	{param: "speech_rate_client"},
	{param: "hold_count"},
	{param: "hold_total"},
	{param: "pii_count"},
	{param: "pii_types"},
})

// Renamed are names the filter language once had (or that were easy to
// mistake for a parameter): an expression using one is refused with the
// name to write instead.
var Renamed = map[string]string{
	"first_response": "first_response_time",
	"holds_count":    "hold_count",
	"holds_total":    "hold_total",
	"talk_ratio":     "talk_share_operator (the operator's share of talk, 0-100%) or talk_listen_ratio (talk_operator / talk_client)",
}

// withParams fills parameter shorthands from the analyzer's catalogue: the
// name, the type its unit gives and its description; the SQL of param.NAME.
func withParams(fs []Field) []Field {
	for i := range fs {
		if fs[i].param == "" {
			continue
		}
		p, ok := analyze.LookupParameter(fs[i].param)
		if !ok {
			panic("filter: shorthand for unknown parameter " + fs[i].param)
		}
		fs[i].Name, fs[i].Type, fs[i].Doc = p.Name, UnitType(p.Unit), p.Description
		fs[i].col, fs[i].nullable = paramSQL, true
	}
	return fs
}

// UnitType is the filter type of a parameter of unit (analyze.Parameter.Unit):
// seconds are a Duration, "%" a Percent, anything else a Number.
func UnitType(unit string) Type {
	switch unit {
	case "s":
		return Duration
	case "%":
		return Percent
	}
	return Number
}

// Param is the parameter a field stands for ("" for a field that is not a
// parameter shorthand).
func (f Field) Param() string { return f.param }

// Fields returns every named filter, in documentation order.
func Fields() []Field {
	return append([]Field(nil), fields...)
}

var byName = func() map[string]Field {
	m := map[string]Field{}
	for _, f := range fields {
		if f.family != "" {
			m[f.family] = f
		} else {
			m[f.Name] = f
		}
	}
	return m
}()

// lookup finds the field of a name as written and the family key.
func lookup(name string) (Field, string, bool) {
	if f, ok := byName[name]; ok && f.family == "" {
		return f, "", true
	}
	if i := strings.IndexByte(name, '.'); i > 0 && i < len(name)-1 {
		if f, ok := byName[name[:i+1]]; ok {
			key := name[i+1:]
			if f.family == "param." {
				f.Type = UnitType(analyze.ParameterUnit(key))
			}
			return f, key, true
		}
	}
	return Field{}, "", false
}

// suggest is the known name closest to name, or "" if none is close.
func suggest(name string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if d := distance(name, c); d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	limit := 2
	if n := len([]rune(name)); n <= 4 {
		limit = 1
	}
	if bestD > limit {
		return ""
	}
	return best
}

// fieldNames are the names suggest offers for an unknown field.
func fieldNames() []string {
	var out []string
	for _, f := range fields {
		if f.family != "" {
			out = append(out, strings.TrimSuffix(f.family, "."))
			continue
		}
		out = append(out, f.Name)
	}
	sort.Strings(out)
	return out
}

// distance is the edit distance between a and b in runes, a swap of two
// neighbours counting as one edit (optimal string alignment).
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
