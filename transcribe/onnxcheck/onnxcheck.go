// Package onnxcheck reads what an ONNX model file declares about itself —
// its graph's inputs and outputs and its metadata — without ONNX Runtime,
// so that a file of the wrong kind is refused with an error before it
// reaches code that ends the process on it.
//
// sherpa-onnx checks a model's inputs and metadata when it loads it and
// calls exit() when they are not what it wants (Silero VAD given as a
// NeMo CTC model: «'vocab_size' does not exist in the metadata»), and ONNX
// Runtime throws an exception nobody catches, which aborts, on a file that
// is not ONNX at all. Read parses the file's protobuf (onnx.proto's
// ModelProto: ir_version, graph's input, output and initializer names,
// metadata_props) with a small hand-written walker that seeks past the
// weights, so a model of hundreds of megabytes costs a few thousand small
// reads; Model.Check compares it with what a consumer reads (Want).
//
// A file that passes is the right kind of model, not necessarily a
// working one: a graph broken inside is still ONNX Runtime's to find.
package onnxcheck

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

var (
	// ErrNotONNX means the file is not an ONNX model: empty, text, an HTML
	// error page, truncated, or another format.
	ErrNotONNX = errors.New("not an ONNX model")
	// ErrWrongModel means the file is ONNX but not the kind of model
	// expected: other inputs, outputs or metadata.
	ErrWrongModel = errors.New("not the model expected")
)

// Model is what an ONNX file declares.
type Model struct {
	// Path is the file read, for messages ("" when read from a reader).
	Path string
	// IRVersion is the ONNX IR version (ModelProto.ir_version).
	IRVersion int64
	// Producer is the exporter's name (producer_name), e.g. "pytorch".
	Producer string
	// Inputs are the graph inputs the caller must feed, in order: the
	// declared inputs that are not initializers, as ONNX Runtime lists
	// them.
	Inputs []Value
	// Outputs are the graph outputs, in order.
	Outputs []Value
	// Metadata is metadata_props, the key-value pairs exporters add
	// (sherpa-onnx reads vocab_size, model_type, ... from them).
	Metadata map[string]string
}

// Value is one graph input or output.
type Value struct {
	Name string
	// Rank is the number of dimensions its tensor type declares, or -1
	// when it declares no shape.
	Rank int
}

// InputNames lists the inputs' names.
func (m *Model) InputNames() []string { return names(m.Inputs) }

// OutputNames lists the outputs' names.
func (m *Model) OutputNames() []string { return names(m.Outputs) }

func names(vs []Value) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.Name
	}
	return out
}

// ReadFile reads the model at path. Errors name the file; one about the
// content wraps ErrNotONNX.
func ReadFile(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("onnxcheck: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("onnxcheck: %w", err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("onnxcheck: %s: %w: a directory", path, ErrNotONNX)
	}
	m, err := Read(f, fi.Size())
	if err != nil {
		return nil, fmt.Errorf("onnxcheck: %s: %w", path, err)
	}
	m.Path = path
	return m, nil
}

// Read parses an ONNX model of size bytes from r. An error about the
// content wraps ErrNotONNX and says where the bytes stop making sense.
func Read(r io.ReaderAt, size int64) (*Model, error) {
	if size == 0 {
		return nil, fmt.Errorf("%w: empty file", ErrNotONNX)
	}
	s := &source{r: r, size: size}
	m := &Model{Metadata: map[string]string{}}
	var graph *span
	haveIR := false
	err := s.walk(0, size, func(f field) error {
		switch f.num {
		case 1: // ir_version
			if err := f.want(wireVarint, "ir_version"); err != nil {
				return err
			}
			m.IRVersion, haveIR = int64(f.varint), true
		case 2: // producer_name
			if err := f.want(wireBytes, "producer_name"); err != nil {
				return err
			}
			p, err := s.text(f.val)
			m.Producer = p
			return err
		case 7: // graph
			if err := f.want(wireBytes, "graph"); err != nil {
				return err
			}
			graph = &f.val
		case 14: // metadata_props
			if err := f.want(wireBytes, "metadata_props"); err != nil {
				return err
			}
			k, v, err := s.entry(f.val)
			if err != nil {
				return err
			}
			m.Metadata[k] = v
		}
		return nil
	})
	if err != nil {
		return nil, s.notONNX(err)
	}
	switch {
	case !haveIR:
		return nil, s.notONNX(errors.New("no ir_version (ModelProto field 1)"))
	case m.IRVersion < 1 || m.IRVersion > maxIR:
		return nil, s.notONNX(fmt.Errorf("ir_version %d, want 1..%d", m.IRVersion, maxIR))
	case graph == nil:
		return nil, s.notONNX(errors.New("no graph (ModelProto field 7)"))
	}
	if err := s.graph(*graph, m); err != nil {
		return nil, s.notONNX(err)
	}
	return m, nil
}

// maxIR bounds a plausible IR version (ONNX 1.19 writes 11): a larger
// number is noise that happened to parse.
const maxIR = 64

// graph reads GraphProto's inputs, outputs and initializer names.
func (s *source) graph(g span, m *Model) error {
	var inputs []Value
	initializers := map[string]bool{}
	err := s.walk(g.start, g.end, func(f field) error {
		switch f.num {
		case 5, 15: // initializer (TensorProto), sparse_initializer
			if err := f.want(wireBytes, "graph initializer"); err != nil {
				return err
			}
			name, err := s.tensorName(f.val, f.num == 15)
			initializers[name] = true
			return err
		case 11, 12: // input, output (ValueInfoProto)
			if err := f.want(wireBytes, "graph input/output"); err != nil {
				return err
			}
			v, err := s.valueInfo(f.val)
			if err != nil {
				return err
			}
			if f.num == 11 {
				inputs = append(inputs, v)
			} else {
				m.Outputs = append(m.Outputs, v)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Before IR version 4 initializers were listed as inputs too; ONNX
	// Runtime does not ask for those.
	for _, v := range inputs {
		if !initializers[v.Name] {
			m.Inputs = append(m.Inputs, v)
		}
	}
	return nil
}

// tensorName is TensorProto.name (field 8), or SparseTensorProto's, which
// is its values tensor's (field 1).
func (s *source) tensorName(t span, sparse bool) (string, error) {
	var name string
	err := s.walk(t.start, t.end, func(f field) error {
		switch {
		case sparse && f.num == 1 && f.wire == wireBytes:
			n, err := s.tensorName(f.val, false)
			name = n
			return err
		case !sparse && f.num == 8 && f.wire == wireBytes:
			n, err := s.text(f.val)
			name = n
			return err
		}
		return nil
	})
	return name, err
}

// valueInfo reads ValueInfoProto: name (1) and the rank of its tensor
// type (2: TypeProto; tensor_type 1 or sparse_tensor_type 8; shape 2;
// dim 1).
func (s *source) valueInfo(v span) (Value, error) {
	out := Value{Rank: -1}
	err := s.walk(v.start, v.end, func(f field) error {
		switch {
		case f.num == 1 && f.wire == wireBytes:
			n, err := s.text(f.val)
			out.Name = n
			return err
		case f.num == 2 && f.wire == wireBytes:
			return s.walk(f.val.start, f.val.end, func(t field) error {
				if (t.num != 1 && t.num != 8) || t.wire != wireBytes {
					return nil
				}
				return s.walk(t.val.start, t.val.end, func(tt field) error {
					if tt.num != 2 || tt.wire != wireBytes {
						return nil
					}
					out.Rank = 0
					return s.walk(tt.val.start, tt.val.end, func(d field) error {
						if d.num == 1 {
							out.Rank++
						}
						return nil
					})
				})
			})
		}
		return nil
	})
	return out, err
}

// entry reads a StringStringEntryProto: key 1, value 2.
func (s *source) entry(e span) (key, value string, err error) {
	err = s.walk(e.start, e.end, func(f field) error {
		if f.wire != wireBytes || (f.num != 1 && f.num != 2) {
			return nil
		}
		t, err := s.text(f.val)
		if f.num == 1 {
			key = t
		} else {
			value = t
		}
		return err
	})
	return key, value, err
}

// Protobuf wire types.
const (
	wireVarint = 0
	wire64     = 1
	wireBytes  = 2
	wire32     = 5
)

// span is a range of the file, [start, end).
type span struct{ start, end int64 }

// field is one field of a message as the walker found it.
type field struct {
	num    uint64
	wire   int
	at     int64  // offset of its tag
	varint uint64 // the value of a varint field
	val    span   // the bytes of a length-delimited field
}

func (f field) want(wire int, name string) error {
	if f.wire != wire {
		return fmt.Errorf("field %d (%s) at byte %d has wire type %d, want %d", f.num, name, f.at, f.wire, wire)
	}
	return nil
}

// source reads a file through a small window, so that walking a graph's
// thousands of fields is not a system call each.
type source struct {
	r      io.ReaderAt
	size   int64
	win    []byte // the file's bytes from winOff on
	winOff int64
}

const windowSize = 64 << 10

// maxText bounds a name or metadata value: a length past it is not a
// string an exporter wrote but a misparse of something else.
const maxText = 16 << 20

// at returns up to n bytes from off (fewer at the end of the file).
func (s *source) at(off int64, n int) ([]byte, error) {
	if off >= s.winOff && off+int64(n) <= s.winOff+int64(len(s.win)) {
		return s.win[off-s.winOff : off-s.winOff+int64(n)], nil
	}
	if s.win == nil {
		s.win = make([]byte, windowSize)
	}
	s.win = s.win[:cap(s.win)]
	got, err := s.r.ReadAt(s.win, off)
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("read at byte %d: %w", off, err)
	}
	s.win, s.winOff = s.win[:got], off
	return s.win[:min(n, got)], nil
}

// varint reads a base-128 varint at off and returns it and its length.
func (s *source) varint(off, end int64) (uint64, int64, error) {
	b, err := s.at(off, binary.MaxVarintLen64)
	if err != nil {
		return 0, 0, err
	}
	b = b[:min(int64(len(b)), end-off)]
	v, n := binary.Uvarint(b)
	if n <= 0 {
		return 0, 0, fmt.Errorf("broken varint at byte %d", off)
	}
	return v, int64(n), nil
}

// walk calls fn for each field of the message in [start, end).
func (s *source) walk(start, end int64, fn func(field) error) error {
	for pos := start; pos < end; {
		tag, n, err := s.varint(pos, end)
		if err != nil {
			return err
		}
		f := field{num: tag >> 3, wire: int(tag & 7), at: pos}
		pos += n
		if f.num == 0 {
			return fmt.Errorf("field number 0 at byte %d", f.at)
		}
		switch f.wire {
		case wireVarint:
			if f.varint, n, err = s.varint(pos, end); err != nil {
				return err
			}
			pos += n
		case wire64:
			pos += 8
		case wire32:
			pos += 4
		case wireBytes:
			l, n, err := s.varint(pos, end)
			if err != nil {
				return err
			}
			pos += n
			if l > uint64(end-pos) {
				return fmt.Errorf("field %d at byte %d claims %d bytes, but only %d remain (truncated?)", f.num, f.at, l, end-pos)
			}
			f.val = span{pos, pos + int64(l)}
			pos += int64(l)
		default:
			// 3 and 4 are protobuf's deprecated groups, which ONNX does
			// not use; 6 and 7 do not exist.
			return fmt.Errorf("field %d at byte %d has wire type %d, which ONNX does not use", f.num, f.at, f.wire)
		}
		if pos > end {
			return fmt.Errorf("field %d at byte %d runs past the end of its message (truncated?)", f.num, f.at)
		}
		if err := fn(f); err != nil {
			return err
		}
	}
	return nil
}

// text reads a length-delimited field as a string.
func (s *source) text(v span) (string, error) {
	n := v.end - v.start
	if n > maxText {
		return "", fmt.Errorf("a %d-byte string at byte %d", n, v.start)
	}
	if n <= windowSize {
		b, err := s.at(v.start, int(n))
		return string(b), err
	}
	b := make([]byte, n)
	if _, err := s.r.ReadAt(b, v.start); err != nil {
		return "", fmt.Errorf("read at byte %d: %w", v.start, err)
	}
	return string(b), nil
}

// notONNX wraps a parse failure, showing how the file starts when that
// tells what it is.
func (s *source) notONNX(err error) error {
	head, _ := s.at(0, 16)
	return fmt.Errorf("%w: %w (the file starts with %q)", ErrNotONNX, err, head)
}

// Want is what a consumer reads from a model and would fail on. Zero
// fields are not checked.
type Want struct {
	// Kind names the model in errors: "a Silero VAD model".
	Kind string
	// Inputs lists the accepted input names, in order: the model's must
	// equal one of the lists.
	Inputs [][]string
	// Outputs likewise for the outputs.
	Outputs [][]string
	// NumInputs is the number of inputs the consumer feeds.
	NumInputs int
	// IntMetadata are metadata keys that must hold a whole number >= 0.
	IntMetadata []string
	// IntListMetadata are keys that must hold comma-separated integers.
	IntListMetadata []string
	// Metadata are keys that must be present with a non-empty value.
	Metadata []string
	// Values restricts keys to one of the listed values; a missing key
	// fails too.
	Values map[string][]string
	// OutputRank[i] is the rank output i must have, when it declares one.
	OutputRank map[int]int
}

// Check compares the model with w. The error matches ErrWrongModel
// (errors.Is), names the file and lists every difference, what was wanted
// against what the file has.
func (m *Model) Check(w Want) error {
	var bad []string
	if len(w.Inputs) > 0 && !slices.ContainsFunc(w.Inputs, func(want []string) bool { return slices.Equal(want, m.InputNames()) }) {
		bad = append(bad, fmt.Sprintf("inputs are %s, want %s", list(m.InputNames()), alternatives(w.Inputs)))
	}
	if len(w.Outputs) > 0 && !slices.ContainsFunc(w.Outputs, func(want []string) bool { return slices.Equal(want, m.OutputNames()) }) {
		bad = append(bad, fmt.Sprintf("outputs are %s, want %s", list(m.OutputNames()), alternatives(w.Outputs)))
	}
	if w.NumInputs > 0 && len(m.Inputs) != w.NumInputs {
		bad = append(bad, fmt.Sprintf("%d inputs %s, want %d", len(m.Inputs), list(m.InputNames()), w.NumInputs))
	}
	var missing []string
	for _, k := range w.IntMetadata {
		v, ok := m.Metadata[k]
		if !ok || v == "" {
			missing = append(missing, k)
			continue
		}
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err != nil || n < 0 {
			bad = append(bad, fmt.Sprintf("metadata %s is %q, want a whole number >= 0", k, v))
		}
	}
	for _, k := range w.IntListMetadata {
		v, ok := m.Metadata[k]
		if !ok || v == "" {
			missing = append(missing, k)
			continue
		}
		for _, part := range strings.Split(v, ",") {
			if _, err := strconv.Atoi(strings.TrimSpace(part)); err != nil {
				bad = append(bad, fmt.Sprintf("metadata %s is %q, want comma-separated integers", k, v))
				break
			}
		}
	}
	for _, k := range w.Metadata {
		if m.Metadata[k] == "" {
			missing = append(missing, k)
		}
	}
	for _, k := range sortedKeys(w.Values) {
		v, ok := m.Metadata[k]
		if !ok {
			missing = append(missing, k)
			continue
		}
		if !slices.Contains(w.Values[k], v) {
			bad = append(bad, fmt.Sprintf("metadata %s is %q, want %s", k, v, strings.Join(w.Values[k], " or ")))
		}
	}
	if len(missing) > 0 {
		bad = append(bad, fmt.Sprintf("metadata lacks %s (it has %s)", strings.Join(missing, ", "), list(sortedKeys(m.Metadata))))
	}
	for _, i := range sortedKeys(w.OutputRank) {
		want := w.OutputRank[i]
		switch {
		case i >= len(m.Outputs):
			bad = append(bad, fmt.Sprintf("no output %d (outputs are %s)", i, list(m.OutputNames())))
		case m.Outputs[i].Rank >= 0 && m.Outputs[i].Rank != want:
			bad = append(bad, fmt.Sprintf("output %s has %d dimensions, want %d", m.Outputs[i].Name, m.Outputs[i].Rank, want))
		}
	}
	if len(bad) == 0 {
		return nil
	}
	name := m.Path
	if name == "" {
		name = "model"
	}
	kind := w.Kind
	if kind == "" {
		kind = "the model expected"
	}
	return &wrongModel{fmt.Sprintf("%s is not %s: %s", name, kind, strings.Join(bad, "; "))}
}

// wrongModel is ErrWrongModel with a message that reads on its own:
// "model.onnx is not a NeMo CTC model: ...".
type wrongModel struct{ msg string }

func (e *wrongModel) Error() string        { return e.msg }
func (e *wrongModel) Is(target error) bool { return target == ErrWrongModel }

func list(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return "[" + strings.Join(s, " ") + "]"
}

func alternatives(lists [][]string) string {
	parts := make([]string, len(lists))
	for i, l := range lists {
		parts[i] = list(l)
	}
	return strings.Join(parts, " or ")
}

func sortedKeys[K int | string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
