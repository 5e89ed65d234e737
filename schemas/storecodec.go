package schemas

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"
	"unicode/utf8"
)

// The store job travels between analyze and store in a compact binary
// form: encoding/json spent about 7% of an analysis-only reprocess's CPU
// writing it and the store stage another 7% reading it back (a job holds a
// whole analysis: every hit, criterion and indexed segment). The Go types
// in this package stay the one definition of the contract; this file only
// writes and reads them, field by field, and TestStoreJobCodec fails when a
// field is added to them and not here (it fills every field through
// reflection and wants the value encoding/json would give back).
//
// A binary body starts with storeJobMagic, which no JSON document can
// start with (a zero byte): DecodeStoreJob still reads JSON bodies, as
// older versions published them and tests write them.
//
// Layout: the magic, then a presence byte (1 analysis, 2 status, 3 both),
// then the analysis and/or the status, each field in declaration order.
// Strings and lengths are unsigned varints (a string's length, then its
// bytes), signed integers zig-zag varints, floats their 8 IEEE 754 bytes
// (little-endian, so every value comes back bit for bit), times the Unix
// seconds, nanoseconds and zone offset in seconds. A slice that JSON
// writes even when empty (no omitempty) keeps nil apart from empty: its
// length is written plus one, 0 meaning nil. Pointers and optional parts
// have a presence byte.
//
// The magic's last byte is the layout's version: 2 adds the inputs (their
// sidecar and transcript strings) at the end of the analysis and of the
// status. A version-1 body (a worker not yet upgraded) is still read, with
// no inputs.
var storeJobMagic = []byte{0, 'c', 's', 2}

// storeJobOldest is the oldest layout version DecodeStoreJob reads.
const storeJobOldest = 1

// ErrBadStoreJob is wrapped by errors about a binary store job that cannot
// be read (truncated, or from a newer version).
var ErrBadStoreJob = errors.New("schemas: bad binary store job")

// ErrNewerLayout is wrapped (with ErrBadStoreJob) by the error about a
// binary store job of a layout newer than this code reads: a newer worker
// wrote it, and a newer worker can read it, so the store stage hands it
// back to the stream instead of dropping it (a rolling upgrade).
var ErrNewerLayout = errors.New("a newer worker wrote it")

// EncodeStoreJob is the body that publishes job (see the layout above).
func EncodeStoreJob(job StoreJob) []byte {
	e := encoder{b: make([]byte, 0, storeJobSizeHint(job))}
	e.b = append(e.b, storeJobMagic...)
	var has byte
	if job.Analysis != nil {
		has |= 1
	}
	if job.Status != nil {
		has |= 2
	}
	e.b = append(e.b, has)
	if a := job.Analysis; a != nil {
		e.analysis(a)
	}
	if s := job.Status; s != nil {
		e.status(s)
	}
	return e.b
}

// IsBinaryStoreJob tells a body written by EncodeStoreJob from JSON.
func IsBinaryStoreJob(data []byte) bool {
	n := len(storeJobMagic)
	return len(data) >= n && string(data[:n-1]) == string(storeJobMagic[:n-1]) &&
		data[n-1] >= storeJobOldest && data[n-1] <= storeJobMagic[n-1]
}

// storeJobSizeHint guesses the encoded size, so that the buffer grows
// once at most.
func storeJobSizeHint(job StoreJob) int {
	n := 64
	if s := job.Status; s != nil {
		n += len(s.ObjectKey) + len(s.ETag) + len(s.CallID) + len(s.Stage) + len(s.State) + len(s.Error) + len(s.Inputs.Sidecar) + len(s.Inputs.Transcript) + 32
	}
	if a := job.Analysis; a != nil {
		n += 512 + 16*len(a.Parameters) + 16*len(a.Categories)
		for _, h := range a.Hits {
			n += 24 + len(h.Category) + len(h.PhraseID) + len(h.Channel) + len(h.Text)
		}
		if a.Score != nil {
			for _, c := range a.Score.Criteria {
				n += 24 + len(c.ID) + len(c.Text) + len(c.Outcome) + len(c.Evidence)
			}
		}
		for _, s := range a.Segments {
			n += 28 + len(s.Channel) + len(s.Text)
			for _, t := range s.Terms {
				n += 1 + len(t)
			}
		}
	}
	return n
}

type encoder struct{ b []byte }

func (e *encoder) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int)        { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *encoder) float(v float64) {
	e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(v))
}
func (e *encoder) str(s string) {
	if !utf8.ValidString(s) {
		s = jsonUTF8(s)
	}
	e.uvarint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// jsonUTF8 replaces each byte of s that is not UTF-8 with U+FFFD, as
// encoding/json does: a string comes back as it would from JSON.
func jsonUTF8(s string) string {
	out := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			out = append(out, "\uFFFD"...)
		} else {
			out = append(out, s[i:i+size]...)
		}
		i += size
	}
	return string(out)
}
func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}
func (e *encoder) time(t time.Time) {
	_, off := t.Zone()
	e.b = binary.AppendVarint(e.b, t.Unix())
	e.uvarint(uint64(t.Nanosecond()))
	e.int(off)
}
func (e *encoder) optFloat(p *float64) {
	e.bool(p != nil)
	if p != nil {
		e.float(*p)
	}
}

// countNil writes the length of a slice that keeps nil apart from empty
// (one JSON writes as null or [], without omitempty): 0 for nil, else the
// length plus one (decoder.countNil).
func (e *encoder) countNil(n int, isNil bool) {
	if isNil {
		e.uvarint(0)
		return
	}
	e.uvarint(uint64(n) + 1)
}

// strings writes a slice of strings, nil kept apart from empty (countNil).
func (e *encoder) strings(s []string) {
	e.countNil(len(s), s == nil)
	for _, v := range s {
		e.str(v)
	}
}

// encodeMap writes a map by string as its length, then each key and its
// value (put); decodeMap reads it back.
func encodeMap[V any](e *encoder, m map[string]V, put func(V)) {
	e.uvarint(uint64(len(m)))
	for k, v := range m {
		e.str(k)
		put(v)
	}
}

func (e *encoder) strMap(m map[string]string) { encodeMap(e, m, e.str) }

func (e *encoder) analysis(a *Analysis) {
	e.str(a.CallID)
	e.str(a.ObjectKey)
	e.str(a.ETag)
	e.str(a.Version)
	e.str(a.DictionaryVersion)
	e.time(a.AnalyzedAt)
	e.meta(&a.Meta)
	e.str(a.ASR.Adapter)
	e.str(a.ASR.Model)
	e.float(a.Metrics.Duration)
	e.int(a.Metrics.Channels)
	e.optFloat(a.Metrics.OperatorTalk)
	e.optFloat(a.Metrics.ClientTalk)
	e.float(a.Metrics.TotalTalk)
	encodeMap(e, a.Categories, e.int)
	e.uvarint(uint64(len(a.Hits)))
	for i := range a.Hits {
		h := &a.Hits[i]
		e.str(h.Category)
		e.str(h.PhraseID)
		e.str(h.Channel)
		e.float(h.Start)
		e.float(h.End)
		e.str(h.Text)
	}
	encodeMap(e, a.Parameters, e.float)
	e.bool(a.Score != nil)
	if sc := a.Score; sc != nil {
		e.str(sc.Profile)
		e.str(sc.ProfileVersion)
		e.float(sc.Value)
		e.float(sc.Max)
		e.countNil(len(sc.Criteria), sc.Criteria == nil)
		for i := range sc.Criteria {
			c := &sc.Criteria[i]
			e.str(c.ID)
			e.str(c.Text)
			e.float(c.Weight)
			e.str(c.Outcome)
			e.str(c.Evidence)
			e.optFloat(c.Start)
		}
	}
	e.uvarint(uint64(len(a.Segments)))
	for i := range a.Segments {
		s := &a.Segments[i]
		e.str(s.Channel)
		e.int(s.Index)
		e.float(s.Start)
		e.float(s.End)
		e.str(s.Text)
		e.strings(s.Terms)
	}
	e.inputs(a.Inputs)
}

func (e *encoder) meta(m *Metadata) {
	e.str(m.CallID)
	e.time(m.StartedAt)
	e.str(m.Direction)
	e.str(m.Language)
	e.str(m.Operator.ID)
	e.str(m.Operator.Name)
	e.str(m.Operator.Department)
	e.str(m.Client.ID)
	e.str(m.Client.IDHash)
	e.str(m.Queue)
	e.optFloat(m.WaitSeconds)
	e.uvarint(uint64(len(m.Holds)))
	for _, h := range m.Holds {
		e.float(h.Start)
		e.float(h.End)
	}
	e.bool(m.Transfers != nil)
	if m.Transfers != nil {
		e.int(*m.Transfers)
	}
	e.bool(m.CSAT != nil)
	if m.CSAT != nil {
		e.float(m.CSAT.Score)
		e.float(m.CSAT.Scale)
	}
	e.strMap(m.Channels)
	e.strMap(m.Tags)
}

func (e *encoder) status(s *Status) {
	e.str(s.ObjectKey)
	e.str(s.ETag)
	e.str(s.CallID)
	e.str(s.Stage)
	e.str(s.State)
	e.str(s.Error)
	e.int(s.Attempts)
	e.time(s.At)
	e.inputs(s.Inputs)
}

func (e *encoder) inputs(in Inputs) {
	e.str(in.Sidecar)
	e.str(in.Transcript)
}

// decodeBinaryStoreJob reads a body written by EncodeStoreJob into the
// value encoding/json would give for the same job in JSON: an empty map or
// omitted slice comes back nil, times in UTC or in a fixed zone of their
// offset.
func decodeBinaryStoreJob(data []byte) (job StoreJob, err error) {
	// Every string is a slice of one copy of the body: one allocation
	// instead of one per string.
	d := decoder{s: string(data), pos: len(storeJobMagic), version: data[len(storeJobMagic)-1]}
	defer func() {
		if r := recover(); r != nil {
			if de, ok := r.(decodeError); ok {
				job, err = StoreJob{}, de.err
				return
			}
			panic(r)
		}
	}()
	has := d.byte()
	if has&^3 != 0 {
		return StoreJob{}, fmt.Errorf("%w: unknown parts %#x", ErrBadStoreJob, has)
	}
	if has&1 != 0 {
		job.Analysis = d.analysis()
	}
	if has&2 != 0 {
		job.Status = d.status()
	}
	if d.pos != len(d.s) {
		return StoreJob{}, fmt.Errorf("%w: %d bytes left over", ErrBadStoreJob, len(d.s)-d.pos)
	}
	return job, nil
}

type decodeError struct{ err error }

type decoder struct {
	s       string
	pos     int
	version byte // of the layout (the magic's last byte)
}

func (d *decoder) fail(what string) {
	panic(decodeError{fmt.Errorf("%w: %s at byte %d of %d", ErrBadStoreJob, what, d.pos, len(d.s))})
}

func (d *decoder) byte() byte {
	if d.pos >= len(d.s) {
		d.fail("truncated")
	}
	b := d.s[d.pos]
	d.pos++
	return b
}

func (d *decoder) uvarint() uint64 {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		b := d.byte()
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	d.fail("bad varint")
	return 0
}

func (d *decoder) varint() int64 {
	u := d.uvarint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

func (d *decoder) int() int { return int(d.varint()) }

// count reads a length and checks it cannot run past the body (each
// element takes at least one byte), so a broken body never makes a huge
// allocation.
func (d *decoder) count() int { return d.fits(d.uvarint()) }

// countNil reads the length of a slice that keeps nil apart from empty:
// 0 for nil, else the length plus one.
func (d *decoder) countNil() (n int, isNil bool) {
	v := d.uvarint()
	if v == 0 {
		return 0, true
	}
	return d.fits(v - 1), false
}

// fits checks that n elements of at least a byte each fit in what is left
// of the body.
func (d *decoder) fits(n uint64) int {
	if n > uint64(len(d.s)-d.pos) {
		d.fail("length out of range")
	}
	return int(n)
}

func (d *decoder) float() float64 {
	if len(d.s)-d.pos < 8 {
		d.fail("truncated")
	}
	s := d.s[d.pos : d.pos+8]
	d.pos += 8
	return math.Float64frombits(uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56)
}

func (d *decoder) str() string {
	n := d.count()
	s := d.s[d.pos : d.pos+n]
	d.pos += n
	return s
}

func (d *decoder) bool() bool {
	switch d.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail("bad flag")
	return false
}

// time reads a time as encoding/json decodes its RFC 3339 text: UTC for a
// zero offset, else a fixed zone without a name.
func (d *decoder) time() time.Time {
	sec := d.varint()
	nsec := d.uvarint()
	off := d.int()
	if nsec >= 1e9 {
		d.fail("bad time")
	}
	t := time.Unix(sec, int64(nsec))
	if off == 0 {
		return t.UTC()
	}
	return t.In(time.FixedZone("", off))
}

func (d *decoder) optFloat() *float64 {
	if !d.bool() {
		return nil
	}
	v := d.float()
	return &v
}

func (d *decoder) strings() []string {
	n, isNil := d.countNil()
	if isNil {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

// decodeMap reads what encodeMap wrote, each value with get; an empty
// map comes back nil, as encoding/json leaves an omitted one.
func decodeMap[V any](d *decoder, get func() V) map[string]V {
	n := d.count()
	if n == 0 {
		return nil
	}
	m := make(map[string]V, n)
	for range n {
		k := d.str()
		m[k] = get()
	}
	return m
}

func (d *decoder) strMap() map[string]string { return decodeMap(d, d.str) }

func (d *decoder) analysis() *Analysis {
	a := &Analysis{}
	a.CallID = d.str()
	a.ObjectKey = d.str()
	a.ETag = d.str()
	a.Version = d.str()
	a.DictionaryVersion = d.str()
	a.AnalyzedAt = d.time()
	d.meta(&a.Meta)
	a.ASR.Adapter = d.str()
	a.ASR.Model = d.str()
	a.Metrics.Duration = d.float()
	a.Metrics.Channels = d.int()
	a.Metrics.OperatorTalk = d.optFloat()
	a.Metrics.ClientTalk = d.optFloat()
	a.Metrics.TotalTalk = d.float()
	a.Categories = decodeMap(d, d.int)
	if n := d.count(); n > 0 {
		a.Hits = make([]Hit, n)
		for i := range a.Hits {
			h := &a.Hits[i]
			h.Category = d.str()
			h.PhraseID = d.str()
			h.Channel = d.str()
			h.Start = d.float()
			h.End = d.float()
			h.Text = d.str()
		}
	}
	a.Parameters = decodeMap(d, d.float)
	if d.bool() {
		sc := &Score{}
		sc.Profile = d.str()
		sc.ProfileVersion = d.str()
		sc.Value = d.float()
		sc.Max = d.float()
		if n, isNil := d.countNil(); !isNil {
			sc.Criteria = make([]CriterionResult, n)
			for i := range sc.Criteria {
				c := &sc.Criteria[i]
				c.ID = d.str()
				c.Text = d.str()
				c.Weight = d.float()
				c.Outcome = d.str()
				c.Evidence = d.str()
				c.Start = d.optFloat()
			}
		}
		a.Score = sc
	}
	if n := d.count(); n > 0 {
		a.Segments = make([]IndexedSegment, n)
		for i := range a.Segments {
			s := &a.Segments[i]
			s.Channel = d.str()
			s.Index = d.int()
			s.Start = d.float()
			s.End = d.float()
			s.Text = d.str()
			s.Terms = d.strings()
		}
	}
	a.Inputs = d.inputs()
	return a
}

func (d *decoder) meta(m *Metadata) {
	m.CallID = d.str()
	m.StartedAt = d.time()
	m.Direction = d.str()
	m.Language = d.str()
	m.Operator.ID = d.str()
	m.Operator.Name = d.str()
	m.Operator.Department = d.str()
	m.Client.ID = d.str()
	m.Client.IDHash = d.str()
	m.Queue = d.str()
	m.WaitSeconds = d.optFloat()
	if n := d.count(); n > 0 {
		m.Holds = make([]Interval, n)
		for i := range m.Holds {
			m.Holds[i].Start = d.float()
			m.Holds[i].End = d.float()
		}
	}
	if d.bool() {
		v := d.int()
		m.Transfers = &v
	}
	if d.bool() {
		m.CSAT = &CSAT{Score: d.float(), Scale: d.float()}
	}
	m.Channels = d.strMap()
	m.Tags = d.strMap()
}

func (d *decoder) status() *Status {
	s := &Status{}
	s.ObjectKey = d.str()
	s.ETag = d.str()
	s.CallID = d.str()
	s.Stage = d.str()
	s.State = d.str()
	s.Error = d.str()
	s.Attempts = d.int()
	s.At = d.time()
	s.Inputs = d.inputs()
	return s
}

// inputs reads what encoder.inputs wrote; a version-1 body has none.
func (d *decoder) inputs() Inputs {
	if d.version < 2 {
		return Inputs{}
	}
	return Inputs{Sidecar: d.str(), Transcript: d.str()}
}
