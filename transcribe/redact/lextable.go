package redact

import (
	"fmt"
	"slices"
	"strings"
	"unsafe"
)

// lexTable is a word list frozen for lookups: open addressing over one
// array whose slots hold what the tokens need of the entries and the
// word itself when it has 16 bytes or fewer (32 bytes, half a cache
// line), the longer keys in one string.
// A lookup reads one slot, one cache line (two for a longer word), where a
// Go map read its directory, a control group, a slot, the key and then
// the entry, each a cache miss once the analyze stage's work between two
// calls has evicted them: the maps' lookups were a third of redaction's
// time in BenchmarkRedactShare.
type lexTable struct {
	slots []lexSlot // a power of two, at most half full
	shift uint      // 64 - log2(len(slots)): a hash's top bits index
	keys  string
}

type lexSlot struct {
	tag uint32 // the hash's high bits | 1; 0 is an empty slot
	off uint32 // the key is keys[off : off+n]
	// The entry's roles and number kind, for the tokens.
	// (trig, ent and kind in a token's order and layout: tokenizeWords
	// copies them as one word of 8 bytes, n's byte cleared.)
	trig trig
	ent  uint16 // the entry: lexEntries[ent]
	kind nk
	n    uint8
	// key is the word when it has 16 bytes or fewer (nearly every word:
	// two in three words of a call are in the table, and comparing them
	// here reads no other line).
	key [16]byte
}

// lexEntries holds the frozen tables' entries; 0 is no entry. Tokens
// refer to an entry by its index (they hold no pointer).
var lexEntries = []lexEntry{{}}

// lexNumVals holds the entries' number values (numWord.val), by the
// same index: 2 bytes an entry, where lexEntries has 40. The number
// parser reads a value for every number word of a dictation, and the
// values of a call's words are then a few lines of 4 KB instead of a line
// each of 80 KB (lines the analyze stage's work evicts between two calls).
var lexNumVals = []int16{0}

// lexCues holds the entries' cue types (lexEntry.cue) by the same index,
// as 1 + typeIndex (0: not a cue): a byte an entry, so that the cue words
// of a call are read from 2 KB, not from lines of lexEntries' 80 KB
// (lines the analyze stage's work evicts between two calls).
var lexCues = []uint8{0}

// entryIndex appends e to lexEntries and returns its index.
func entryIndex(e lexEntry) uint16 {
	if len(lexEntries) >= 1<<16 {
		panic("redact: more than 65535 lexicon entries")
	}
	if int(int16(e.num.val)) != e.num.val {
		panic(fmt.Sprintf("redact: a number word's value %d does not fit in int16", e.num.val))
	}
	lexEntries = append(lexEntries, e)
	lexNumVals = append(lexNumVals, int16(e.num.val))
	lexCues = append(lexCues, uint8(1+typeIndex(e.cue)))
	return uint16(len(lexEntries) - 1)
}

// newLexTable freezes words (an entry per word).
func newLexTable(words map[string]*lexEntry) *lexTable {
	size, shift := 16, uint(60)
	for size < 2*len(words) {
		size, shift = size*2, shift-1
	}
	t := &lexTable{slots: make([]lexSlot, size), shift: shift}
	// Keys in sorted order: the table does not depend on map order.
	ks := make([]string, 0, len(words))
	for w := range words {
		ks = append(ks, w)
	}
	slices.Sort(ks)
	var b strings.Builder
	for _, w := range ks {
		h := lexHash(w)
		i := h >> shift
		for t.slots[i].tag != 0 {
			i = (i + 1) & uint64(size-1)
		}
		e := *words[w]
		if len(w) > 255 {
			panic("redact: a lexicon word of more than 255 bytes: " + w)
		}
		t.slots[i] = lexSlot{tag: uint32(h) | 1, off: uint32(b.Len()), n: uint8(len(w)), ent: entryIndex(e), trig: e.trig, kind: e.num.kind}
		copy(t.slots[i].key[:], w) // the first 16 bytes; used only when that is all
		b.WriteString(w)
	}
	t.keys = b.String()
	return t
}

// lexHash is wordKey mixed (slot computes it itself), so that its top bits and its low bits
// depend on every byte it reads.
func lexHash(w string) uint64 {
	h := wordKey(w)
	return (h ^ h>>31) * 0xBF58476D1CE4E5B9
}

// get returns w's entry, or nil.
func (t *lexTable) get(w string) *lexEntry {
	if sl := t.slot(w); sl != nil {
		return &lexEntries[sl.ent]
	}
	return nil
}

// slot returns w's slot, or nil.
func (t *lexTable) slot(w string) *lexSlot {
	// lexHash and holds, written out: a call each less per word (the
	// compiler inlines neither).
	h := wordKey(w)
	h = (h ^ h>>31) * 0xBF58476D1CE4E5B9
	tag := uint32(h) | 1
	mask := uint64(len(t.slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.tag == 0 {
			return nil
		}
		if sl.tag != tag || int(sl.n) != len(w) {
			continue
		}
		if len(w) <= len(sl.key) && sameKey(unsafe.String(&sl.key[0], len(w)), w) || len(w) > len(sl.key) && t.holds(sl, w) {
			return sl
		}
	}
}

// holds reports whether the word of slot sl, of w's length, is w.
func (t *lexTable) holds(sl *lexSlot, w string) bool {
	if len(w) > len(sl.key) {
		return t.keys[sl.off:sl.off+uint32(len(w))] == w
	}
	return sameKey(unsafe.String(&sl.key[0], len(w)), w)
}

// has reports whether the word held in b is in the table.
func (t *lexTable) has(b []byte) bool {
	return t.slot(unsafe.String(unsafe.SliceData(b), len(b))) != nil
}

// sameKey is a == b for two strings of one length, the lexicon's words
// (4 to 16 bytes, nearly all) compared by two overlapping loads each
// instead of a call.
func sameKey(a, b string) bool {
	n := len(a)
	if n < 4 || n > 16 {
		return a == b
	}
	pa, pb := unsafe.Pointer(unsafe.StringData(a)), unsafe.Pointer(unsafe.StringData(b))
	if n >= 8 {
		return *(*uint64)(pa) == *(*uint64)(pb) && *(*uint64)(unsafe.Add(pa, n-8)) == *(*uint64)(unsafe.Add(pb, n-8))
	}
	return *(*uint32)(pa) == *(*uint32)(pb) && *(*uint32)(unsafe.Add(pa, n-4)) == *(*uint32)(unsafe.Add(pb, n-4))
}
