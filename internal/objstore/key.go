package objstore

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ErrBadKey is wrapped by errors about an object key that S3 cannot carry
// faithfully: S3 lists keys in XML, which has no way to write a control
// character, so such a key comes back from a listing as another key
// (U+FFFD in its place) that names no object.
var ErrBadKey = errors.New("object key cannot be stored")

// MaxKeyBytes is the longest key S3 accepts.
const MaxKeyBytes = 1024

// CheckKey reports whether key can be stored and listed back as itself:
// valid UTF-8 of characters XML 1.0 can write (no control characters
// U+0000-U+001F other than tab, line feed and carriage return; not U+FFFE,
// U+FFFF), at most MaxKeyBytes bytes, not empty. The error names the key as
// PrintableKey shows it and says what is wrong where.
func CheckKey(key string) error {
	show := PrintableKey(key)
	switch {
	case key == "":
		return fmt.Errorf("%w: empty key", ErrBadKey)
	case len(key) > MaxKeyBytes:
		return fmt.Errorf("%w: %s: %d bytes, longer than S3's %d", ErrBadKey, show, len(key), MaxKeyBytes)
	}
	for i := 0; i < len(key); {
		r, size := utf8.DecodeRuneInString(key[i:])
		if r == utf8.RuneError && size == 1 {
			return fmt.Errorf("%w: %s: not valid UTF-8 (byte 0x%02x at %d): rename the file", ErrBadKey, show, key[i], i)
		}
		if !xmlChar(r) {
			return fmt.Errorf("%w: %s: control character %U at byte %d, which S3 listings cannot carry: rename the file", ErrBadKey, show, r, i)
		}
		i += size
	}
	return nil
}

// PrintableKey is key safe to print and store: control characters and
// bytes that are not UTF-8 are written as \xNN, the rest is unchanged.
func PrintableKey(key string) string {
	if utf8.ValidString(key) && !strings.ContainsFunc(key, isControl) {
		return key
	}
	var b strings.Builder
	for i := 0; i < len(key); {
		r, size := utf8.DecodeRuneInString(key[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, key[i])
		case isControl(r) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteString(key[i : i+size])
		}
		i += size
	}
	return b.String()
}

// xmlChar reports whether XML 1.0 can hold r (its Char production).
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xd7ff) || (r >= 0xe000 && r <= 0xfffd) || (r >= 0x10000 && r <= 0x10ffff)
}

func isControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) }
