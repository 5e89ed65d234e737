package redact

import (
	"slices"
	"strings"
	"unsafe"
)

// lexTable is a word list frozen for lookups: open addressing over one
// array whose slots hold the entries themselves, the keys in one string.
// A lookup reads one slot and the key's bytes, two cache lines, where a
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
	n   uint32
	e   lexEntry
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
		t.slots[i] = lexSlot{tag: uint32(h) | 1, off: uint32(b.Len()), n: uint32(len(w)), e: *words[w]}
		b.WriteString(w)
	}
	t.keys = b.String()
	return t
}

// lexHash is wordKey mixed, so that its top bits and its low bits
// depend on every byte it reads.
func lexHash(w string) uint64 {
	h := wordKey(w)
	return (h ^ h>>31) * 0xBF58476D1CE4E5B9
}

// get returns w's entry, or nil.
func (t *lexTable) get(w string) *lexEntry {
	h := lexHash(w)
	tag := uint32(h) | 1
	mask := uint64(len(t.slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.tag == 0 {
			return nil
		}
		if sl.tag == tag && int(sl.n) == len(w) && t.keys[sl.off:sl.off+sl.n] == w {
			return &sl.e
		}
	}
}

// has reports whether the word held in b is in the table.
func (t *lexTable) has(b []byte) bool {
	return t.get(unsafe.String(unsafe.SliceData(b), len(b))) != nil
}
