// Package secrets keeps credentials out of what callscope prints: the
// password (or NATS token) in a URL's user info and secret query
// parameters (?password=, ?token=, ...) are replaced by ***, in a
// configured value and in any message that quotes one, such as a URL parse
// error.
package secrets

import (
	"regexp"
	"strings"
)

// Mask is what a secret is shown as.
const Mask = "***"

var (
	// scheme://userinfo@ : userinfo is everything up to the last '@'
	// before the host (a password may hold '@' unescaped).
	userinfoRe = regexp.MustCompile(`(?i)\b([a-z][a-z0-9+.-]*://)([^/\s,"'?#]*)@`)
	// ?password=... &token=... ;pwd=...
	queryRe = regexp.MustCompile(`(?i)([?&;](?:password|passwd|pass|pwd|secret|secret_key|secretkey|token|auth_token|access_token|api_key|apikey|key|jwt|nkey|seed|credentials)=)([^&;\s"',]*)`)
)

// tokenSchemes are the URL schemes where a user name alone is a secret
// (nats://TOKEN@host).
var tokenSchemes = map[string]bool{"nats://": true, "tls://": true, "ws://": true, "wss://": true}

// MaskURL masks the secrets in a URL or a comma-separated list of URLs
// (nats://a:pw@n1:4222,nats://n2:4222), leaving the rest as it is, so the
// value still says where it points. A value with no secret is returned
// unchanged.
func MaskURL(s string) string { return MaskText(s) }

// MaskText masks every URL secret in free text, such as an error message
// that quotes a URL.
func MaskText(s string) string {
	s = userinfoRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := userinfoRe.FindStringSubmatch(m)
		scheme, info := sub[1], sub[2]
		if info == "" {
			return m
		}
		if user, _, ok := strings.Cut(info, ":"); ok {
			return scheme + user + ":" + Mask + "@"
		}
		if tokenSchemes[strings.ToLower(scheme)] {
			return scheme + Mask + "@"
		}
		return m
	})
	return queryRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := queryRe.FindStringSubmatch(m)
		// "...?password=x: dial tcp": the colon is the message's.
		return sub[1] + Mask + tail(sub[2])
	})
}

// tail keeps the ':' that ends a message's "DSN: " after a masked value.
func tail(v string) string {
	if strings.HasSuffix(v, ":") {
		return ":"
	}
	return ""
}

// Scrub returns err with every URL secret in its message masked, and also
// every secret of the given raw values (the configured URLs) wherever the
// message quotes it, even outside a URL. errors.Is and errors.As still see
// the original error. Scrub(nil) is nil.
func Scrub(err error, raws ...string) error {
	if err == nil {
		return nil
	}
	msg := MaskText(err.Error())
	for _, raw := range raws {
		for _, v := range values(raw) {
			msg = strings.ReplaceAll(msg, v, Mask)
		}
	}
	if msg == err.Error() {
		return err
	}
	return &scrubbed{msg: msg, err: err}
}

type scrubbed struct {
	msg string
	err error
}

func (s *scrubbed) Error() string { return s.msg }
func (s *scrubbed) Unwrap() error { return s.err }

// values are the secret strings in raw: passwords, tokens and secret
// query values, at least 3 characters long (shorter ones would mask
// unrelated text).
func values(raw string) []string {
	var out []string
	for _, sub := range userinfoRe.FindAllStringSubmatch(raw, -1) {
		if _, pw, ok := strings.Cut(sub[2], ":"); ok {
			out = append(out, pw)
		} else if tokenSchemes[strings.ToLower(sub[1])] {
			out = append(out, sub[2])
		}
	}
	for _, sub := range queryRe.FindAllStringSubmatch(raw, -1) {
		out = append(out, strings.TrimSuffix(sub[2], ":"))
	}
	kept := out[:0]
	for _, v := range out {
		if len(v) >= 3 {
			kept = append(kept, v)
		}
	}
	return kept
}
