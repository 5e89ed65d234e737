// Package config holds callscope's configuration and loads it from, in
// rising order of precedence: built-in defaults, a YAML file, CALLSCOPE_*
// environment variables, and command-line flags.
//
// Every setting has a dotted path (s3.endpoint) that is its YAML key and,
// upper-cased with '_' for '.', its environment variable
// (CALLSCOPE_S3_ENDPOINT). `callscope config` prints them all.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/callscope/callscope/internal/secrets"
)

// ErrConfig wraps every configuration error.
var ErrConfig = errors.New("config")

// Config is the whole configuration.
type Config struct {
	// DataDir holds the embedded servers' data for `callscope run`.
	DataDir      string       `yaml:"data_dir" doc:"data directory of the one-machine default (embedded NATS, S3 and ClickHouse)"`
	NATS         NATS         `yaml:"nats"`
	S3           S3           `yaml:"s3"`
	ClickHouse   ClickHouse   `yaml:"clickhouse"`
	ASR          ASR          `yaml:"asr"`
	Workers      Workers      `yaml:"workers"`
	Dictionaries Dictionaries `yaml:"dictionaries"`
	Scoring      Scoring      `yaml:"scoring"`
	Privacy      Privacy      `yaml:"privacy"`
	Server       Server       `yaml:"server"`
	Log          Log          `yaml:"log"`
}

// Server configures `callscope serve`: the HTTP API, its users and access
// (docs/security.md).
type Server struct {
	HTTP string `yaml:"http" doc:"address of the HTTP API and web UI"`
	// AllowRemote lets a server without TLS listen beyond loopback.
	AllowRemote bool   `yaml:"allow_remote" doc:"listen on a non-loopback address without TLS (behind a TLS proxy)"`
	TLSCert     string `yaml:"tls_cert" doc:"TLS certificate file (PEM); with tls_key turns HTTPS on"`
	TLSKey      string `yaml:"tls_key" doc:"TLS private key file (PEM)" secret:"true"`
	Users       string `yaml:"users" doc:"the users file of 'callscope users'; empty is DATA_DIR/users.yaml"`
	// SessionIdle and SessionMax end sessions.
	SessionIdle time.Duration `yaml:"session_idle" doc:"a session ends after this long without a request"`
	SessionMax  time.Duration `yaml:"session_max" doc:"a session ends this long after login at the latest"`
	// TrustedProxies are CIDRs whose identity headers are believed.
	TrustedProxies    string `yaml:"trusted_proxies" doc:"comma-separated addresses or CIDRs of a reverse proxy whose user and group headers are trusted; empty turns proxy login off"`
	ProxyUserHeader   string `yaml:"proxy_user_header" doc:"header carrying the proxy's user name"`
	ProxyGroupsHeader string `yaml:"proxy_groups_header" doc:"header carrying the proxy's comma-separated groups"`
	// ProxyGroups maps proxy groups to roles (YAML only).
	ProxyGroups map[string]ProxyGroup `yaml:"proxy_groups" doc:"group name -> role, departments, listen, raw_audio (YAML only)"`
	S3Listen    string                `yaml:"s3_listen" doc:"address the embedded S3 server of 'serve --data' listens on, e.g. 0.0.0.0:9100; empty is a free loopback port"`
}

// ProxyGroup is what a group of the trusted proxy grants.
type ProxyGroup struct {
	Role        string   `yaml:"role"`
	Departments []string `yaml:"departments"`
	Listen      bool     `yaml:"listen"`
	// RawAudio: the original recording instead of the redacted copy.
	RawAudio bool `yaml:"raw_audio"`
}

// NATS is the message bus.
type NATS struct {
	URL      string `yaml:"url" doc:"NATS server URL(s), comma-separated; empty in 'run' starts an embedded server" secret:"url"`
	Replicas int    `yaml:"replicas" doc:"JetStream stream replicas (3 in a NATS cluster)"`
}

// S3 is the object storage.
type S3 struct {
	Endpoint          string `yaml:"endpoint" doc:"S3 endpoint host:port or URL; empty in 'run' starts an embedded S3 server" secret:"url"`
	AccessKey         string `yaml:"access_key" doc:"S3 access key"`
	SecretKey         string `yaml:"secret_key" doc:"S3 secret key (prefer the environment variable)" secret:"true"`
	Region            string `yaml:"region" doc:"S3 region"`
	Secure            bool   `yaml:"secure" doc:"use HTTPS"`
	Bucket            string `yaml:"bucket" doc:"bucket of recordings and sidecars"`
	TranscriptsBucket string `yaml:"transcripts_bucket" doc:"bucket the transcribe stage writes transcripts to"`
	NotifyARN         string `yaml:"notify_arn" doc:"when set, 'worker' points the bucket's new-recording notifications at this target, e.g. arn:minio:sqs::CALLSCOPE:nats"`
}

// ClickHouse is the analytics store.
type ClickHouse struct {
	DSN string `yaml:"dsn" doc:"clickhouse://user:pass@host:9000/db for a server, chdb:///dir for the embedded engine; empty in 'run' uses DATA_DIR/clickhouse" secret:"url"`
}

// ASR chooses the speech recognizer.
type ASR struct {
	Adapter string         `yaml:"adapter" doc:"ASR adapter: import (transcripts beside the audio), sherpa, vosk, openai, or none (timing from the VAD only; see docs/asr.md)"`
	Options map[string]any `yaml:"options" doc:"adapter options (YAML only)"`
	// ModelsDir holds downloaded ASR and VAD models.
	ModelsDir string `yaml:"models_dir" doc:"directory of ASR and VAD models; empty uses ~/.cache/callscope/models"`
}

// Workers tunes the stage workers.
type Workers struct {
	Transcribe int           `yaml:"transcribe" doc:"concurrent transcribe jobs per process"`
	Analyze    int           `yaml:"analyze" doc:"concurrent analyze jobs per process"`
	AckWait    time.Duration `yaml:"ack_wait" doc:"how long a job may go without a heartbeat before redelivery"`
	MaxDeliver int           `yaml:"max_deliver" doc:"attempts before a job is recorded as failed"`
	MaxBatch   int           `yaml:"max_batch" doc:"rows per ClickHouse insert batch"`
	Flush      time.Duration `yaml:"flush" doc:"a store batch is written after this long without a new job (after 5 times this while jobs keep coming)"`
	HealthAddr string        `yaml:"health_addr" doc:"address of the worker's /healthz and /metrics endpoint, e.g. :9464; empty turns it off"`
}

// Dictionaries chooses the phrase dictionaries.
type Dictionaries struct {
	Dir string `yaml:"dir" doc:"directory of dictionary YAML files; empty uses the built-in ones"`
	// Models turns the trained category models beside the dictionaries on
	// or off for every process that matches (docs/models.md).
	Models bool `yaml:"models" doc:"use the trained category models (models/ beside the dictionaries, docs/models.md); false matches with the phrases alone"`
	// Reload is how often a worker checks the directory for changes.
	Reload time.Duration `yaml:"reload" doc:"how often workers look for changed dictionaries (0 turns reloading off); a set that does not validate never replaces a working one"`
}

// Scoring chooses the scoring profiles.
type Scoring struct {
	Dir string `yaml:"dir" doc:"directory of scoring profile YAML files; empty uses the built-in default profile"`
}

// Privacy protects personal data.
type Privacy struct {
	ClientIDKey      string `yaml:"client_id_key" doc:"secret key of the hash that replaces client phone numbers; 'run' generates one in the data dir" secret:"true"`
	Redact           string `yaml:"redact" doc:"personal data masked in transcripts before anything is stored: all, off, or a list of types (phone,card,cvv,code,passport,snils,inn,account,email,birthdate,address,name,number); see docs/privacy.md"`
	AudioBucket      string `yaml:"audio_bucket" doc:"bucket for redacted copies of the recordings (personal data silenced or toned, same format and length); empty: no copies"`
	AudioMask        string `yaml:"audio_mask" doc:"what replaces personal data in the redacted copy: silence or tone"`
	OriginalAudio    string `yaml:"original_audio" doc:"the original recording once its redacted copy is stored: keep, restrict (moved to restricted_bucket) or delete"`
	RestrictedBucket string `yaml:"restricted_bucket" doc:"bucket the originals are moved to with original_audio: restrict (grant it only to those allowed raw audio)"`
	RecordingsDays   int    `yaml:"recordings_days" doc:"retention of recordings and sidecars in the calls bucket, in days (callscope retention apply); 0 keeps them"`
	TranscriptsDays  int    `yaml:"transcripts_days" doc:"retention of transcripts (both buckets) and transcript segments and search terms in ClickHouse, in days; 0 keeps them"`
	AnalysesDays     int    `yaml:"analyses_days" doc:"retention of analyses (calls, hits, criteria, statuses, first contacts) in ClickHouse, in days; 0 keeps them"`
	AuditDays        int    `yaml:"audit_days" doc:"retention of the audit trail (who viewed or heard which call), in days; 0 keeps it"`
	PhoneTags        string `yaml:"phone_tags" doc:"tags and unknown sidecar fields that hold a phone number (keys such as ani, phone, caller, msisdn, or a value that looks like one): hash (like client.id) or drop"`
}

// Log configures logging.
type Log struct {
	Level  string `yaml:"level" doc:"debug, info, warn or error"`
	Format string `yaml:"format" doc:"text or json"`
}

// Default returns the built-in defaults.
func Default() Config {
	return Config{
		DataDir: ".callscope",
		NATS:    NATS{Replicas: 1},
		S3: S3{
			AccessKey: "callscope", SecretKey: "callscope-secret", Region: "us-east-1",
			Bucket: "calls", TranscriptsBucket: "callscope-transcripts",
		},
		ASR:          ASR{Adapter: "import"},
		Workers:      Workers{Transcribe: 2, Analyze: 4, AckWait: 30 * time.Second, MaxDeliver: 5, MaxBatch: 5000, Flush: 200 * time.Millisecond},
		Dictionaries: Dictionaries{Reload: 30 * time.Second, Models: true},
		Log:          Log{Level: "info", Format: "text"},
		Privacy:      Privacy{Redact: "all", AudioMask: "silence", OriginalAudio: "keep", RestrictedBucket: "callscope-restricted"},
		Server: Server{HTTP: "127.0.0.1:8080", SessionIdle: 30 * time.Minute, SessionMax: 12 * time.Hour,
			ProxyUserHeader: "X-Forwarded-User", ProxyGroupsHeader: "X-Forwarded-Groups"},
	}
}

// Load builds the configuration: defaults, then the YAML file at path (if
// path is empty: $CALLSCOPE_CONFIG, then ./callscope.yaml if it exists), then
// the environment. Flags are applied afterwards with Set.
func Load(path string, environ []string) (Config, error) {
	cfg := Default()
	if path == "" {
		path = lookup(environ, "CALLSCOPE_CONFIG")
	}
	if path == "" {
		if _, err := os.Stat("callscope.yaml"); err == nil {
			path = "callscope.yaml"
		}
	}
	if path != "" {
		if err := loadFile(&cfg, path); err != nil {
			return cfg, err
		}
	}
	for _, f := range Fields() {
		if v, ok := lookupOK(environ, f.Env); ok {
			if err := Set(&cfg, f.Path, v); err != nil {
				return cfg, fmt.Errorf("%w: environment variable %s: %w", ErrConfig, f.Env, err)
			}
		}
	}
	return cfg, nil
}

func loadFile(cfg *Config, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrConfig, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	// An empty file is a valid, empty configuration (yaml.v3 says io.EOF).
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("%w: %s", ErrConfig, yamlErrorAt(filepath.Clean(path), err))
	}
	return nil
}

// yamlLine finds yaml.v3's "line N: " in its messages.
var yamlLine = regexp.MustCompile(`(?:yaml: )?line (\d+): `)

// yamlErrorAt rewrites yaml.v3's "line N: problem" messages as
// "file:N: problem", the form editors and terminals link to.
func yamlErrorAt(path string, err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs := make([]string, len(te.Errors))
		for i, m := range te.Errors {
			msgs[i] = yamlLine.ReplaceAllString(m, path+":$1: ")
		}
		return strings.Join(msgs, "; ")
	}
	msg := err.Error()
	if yamlLine.MatchString(msg) {
		return yamlLine.ReplaceAllString(msg, path+":$1: ")
	}
	return path + ": " + msg
}

// Field describes one setting.
type Field struct {
	Path   string // s3.endpoint
	Env    string // CALLSCOPE_S3_ENDPOINT
	Doc    string
	Secret bool // the whole value is a secret: shown as ***
	// SecretURL: the value is a URL (or a list of them) that may hold a
	// password or token: shown with those masked.
	SecretURL bool
	Type      string
}

// Display is a setting's value as callscope shows it: secrets masked.
func Display(f Field, value string) string {
	switch {
	case value == "":
		return value
	case f.Secret:
		return secrets.Mask
	case f.SecretURL:
		return secrets.MaskURL(value)
	}
	return value
}

// Fields lists every setting settable by path, sorted by path.
func Fields() []Field {
	var out []Field
	walk(reflect.TypeOf(Config{}), "", func(path string, sf reflect.StructField) {
		if sf.Type.Kind() == reflect.Map {
			return // YAML only
		}
		out = append(out, Field{
			Path: path, Env: "CALLSCOPE_" + strings.ToUpper(strings.ReplaceAll(path, ".", "_")),
			Doc: sf.Tag.Get("doc"), Secret: sf.Tag.Get("secret") == "true", SecretURL: sf.Tag.Get("secret") == "url",
			Type: typeName(sf.Type),
		})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

func walk(t reflect.Type, prefix string, fn func(string, reflect.StructField)) {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name := strings.Split(sf.Tag.Get("yaml"), ",")[0]
		path := name
		if prefix != "" {
			path = prefix + "." + name
		}
		if sf.Type.Kind() == reflect.Struct && sf.Type != reflect.TypeOf(time.Duration(0)) {
			walk(sf.Type, path, fn)
			continue
		}
		fn(path, sf)
	}
}

// Set assigns a value given as text to the setting at path.
func Set(cfg *Config, path, value string) error {
	v := reflect.ValueOf(cfg).Elem()
	for _, part := range strings.Split(path, ".") {
		found := false
		for i := 0; i < v.NumField(); i++ {
			if strings.Split(v.Type().Field(i).Tag.Get("yaml"), ",")[0] == part {
				v = v.Field(i)
				found = true
				break
			}
		}
		if !found {
			return fmt.Errorf("unknown setting %q", path)
		}
	}
	switch {
	case v.Type() == reflect.TypeOf(time.Duration(0)):
		d, err := time.ParseDuration(value)
		if err != nil {
			return fmt.Errorf("%s: want a duration such as 30s, got %q", path, value)
		}
		v.SetInt(int64(d))
	case v.Kind() == reflect.String:
		v.SetString(value)
	case v.Kind() == reflect.Int:
		n, err := strconv.Atoi(value)
		if err != nil {
			return fmt.Errorf("%s: want a whole number, got %q", path, value)
		}
		v.SetInt(int64(n))
	case v.Kind() == reflect.Bool:
		b, err := strconv.ParseBool(value)
		if err != nil {
			return fmt.Errorf("%s: want true or false, got %q", path, value)
		}
		v.SetBool(b)
	default:
		return fmt.Errorf("%s: cannot be set from text", path)
	}
	return nil
}

// Get returns the setting at path as text.
func Get(cfg Config, path string) string {
	v := reflect.ValueOf(cfg)
	for _, part := range strings.Split(path, ".") {
		for i := 0; i < v.NumField(); i++ {
			if strings.Split(v.Type().Field(i).Tag.Get("yaml"), ",")[0] == part {
				v = v.Field(i)
				break
			}
		}
	}
	if d, ok := v.Interface().(time.Duration); ok {
		return d.String()
	}
	return fmt.Sprint(v.Interface())
}

func typeName(t reflect.Type) string {
	if t == reflect.TypeOf(time.Duration(0)) {
		return "duration"
	}
	return t.Kind().String()
}

func lookup(environ []string, key string) string {
	v, _ := lookupOK(environ, key)
	return v
}

func lookupOK(environ []string, key string) (string, bool) {
	for i := len(environ) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(environ[i], "="); ok && k == key {
			return v, true
		}
	}
	return "", false
}
