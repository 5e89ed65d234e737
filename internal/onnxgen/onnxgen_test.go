package onnxgen

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/callscope/callscope/transcribe/onnxcheck"
)

// field is one protobuf field as decoded here, independently of the
// encoder: varints and fixed32 in num, length-delimited ones in data.
type field struct {
	num  int
	wire int
	n    uint64
	data []byte
}

// decode splits a protobuf message into its fields, failing on anything
// malformed.
func decode(t *testing.T, b []byte) []field {
	t.Helper()
	var out []field
	for len(b) > 0 {
		key, k := binary.Uvarint(b)
		if k <= 0 {
			t.Fatalf("bad field key at % x", b)
		}
		b = b[k:]
		f := field{num: int(key >> 3), wire: int(key & 7)}
		switch f.wire {
		case wireVarint:
			v, k := binary.Uvarint(b)
			if k <= 0 {
				t.Fatalf("field %d: bad varint", f.num)
			}
			f.n, b = v, b[k:]
		case wireFixed32:
			if len(b) < 4 {
				t.Fatalf("field %d: short fixed32", f.num)
			}
			f.n, b = uint64(binary.LittleEndian.Uint32(b)), b[4:]
		case wireBytes:
			n, k := binary.Uvarint(b)
			if k <= 0 || uint64(len(b)-k) < n {
				t.Fatalf("field %d: bad length", f.num)
			}
			f.data, b = b[k:k+int(n)], b[k+int(n):]
		default:
			t.Fatalf("field %d: unexpected wire type %d", f.num, f.wire)
		}
		out = append(out, f)
	}
	return out
}

// all returns the fields numbered num.
func all(fs []field, num int) []field {
	var out []field
	for _, f := range fs {
		if f.num == num {
			out = append(out, f)
		}
	}
	return out
}

// one returns the only field numbered num.
func one(t *testing.T, fs []field, num int) field {
	t.Helper()
	got := all(fs, num)
	if len(got) != 1 {
		t.Fatalf("want one field %d, got %d", num, len(got))
	}
	return got[0]
}

func strs(fs []field) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = string(f.data)
	}
	return out
}

// The tiny NeMo CTC model decodes back, field by field of onnx.proto, to
// what it was built from.
func TestNemoCTCDecodesBack(t *testing.T) {
	c := NemoCTC{Threshold: -11.5, Gain: 3, SubsamplingFactor: 4}
	data, err := c.Model().Marshal()
	if err != nil {
		t.Fatal(err)
	}
	model := decode(t, data)
	if ir := one(t, model, 1).n; ir != 8 {
		t.Errorf("ir_version = %d, want 8", ir)
	}
	opset := decode(t, one(t, model, 8).data)
	if d, v := one(t, opset, 1).data, one(t, opset, 2).n; len(d) != 0 || v != 17 {
		t.Errorf("opset_import = %q %d, want the default domain, 17", d, v)
	}
	meta := map[string]string{}
	for _, e := range all(model, 14) {
		kv := decode(t, e.data)
		meta[string(one(t, kv, 1).data)] = string(one(t, kv, 2).data)
	}
	if meta["vocab_size"] != "2" || meta["subsampling_factor"] != "4" {
		t.Errorf("metadata = %v, want vocab_size 2 and subsampling_factor 4", meta)
	}

	graph := decode(t, one(t, model, 7).data)
	var ops []string
	for _, n := range all(graph, 1) {
		ops = append(ops, string(one(t, decode(t, n.data), 4).data))
	}
	if want := []string{"AveragePool", "Transpose", "MatMul", "Add", "LogSoftmax", "Div"}; !slices.Equal(ops, want) {
		t.Errorf("ops = %v, want %v", ops, want)
	}
	// LogSoftmax's axis -1 is a ten-byte varint of its two's complement.
	soft := decode(t, all(graph, 1)[4].data)
	axis := decode(t, one(t, soft, 5).data)
	if got := int64(one(t, axis, 3).n); got != -1 || one(t, axis, 20).n != attrInt {
		t.Errorf("LogSoftmax axis = %d (type %d), want -1 (INT)", got, one(t, axis, 20).n)
	}

	// Inputs: names, element types and shapes with symbolic dimensions.
	type shape struct {
		name string
		elem uint64
		dims string
	}
	var inputs []shape
	for _, v := range all(graph, 11) {
		vi := decode(t, v.data)
		tensor := decode(t, one(t, decode(t, one(t, vi, 2).data), 1).data)
		var dims []string
		for _, d := range all(decode(t, one(t, tensor, 2).data), 1) {
			df := decode(t, d.data)[0]
			if df.num == 2 {
				dims = append(dims, string(df.data))
			} else {
				dims = append(dims, fmt.Sprint(df.n))
			}
		}
		inputs = append(inputs, shape{string(one(t, vi, 1).data), one(t, tensor, 1).n, strings.Join(dims, ",")})
	}
	if want := []shape{{"audio_signal", 1, "N,80,T"}, {"length", 7, "N"}}; !slices.Equal(inputs, want) {
		t.Errorf("inputs = %v, want %v", inputs, want)
	}

	// The weights: bias of the word -Gain·Threshold, of the blank 0.
	found := false
	for _, init := range all(graph, 5) {
		tf := decode(t, init.data)
		if string(one(t, tf, 8).data) != "bias" {
			continue
		}
		found = true
		raw := one(t, tf, 9).data
		got := []float32{math.Float32frombits(binary.LittleEndian.Uint32(raw)), math.Float32frombits(binary.LittleEndian.Uint32(raw[4:]))}
		if !slices.Equal(got, []float32{34.5, 0}) || one(t, tf, 2).n != uint64(Float) {
			t.Errorf("bias = %v (type %d), want [34.5 0] FLOAT", got, one(t, tf, 2).n)
		}
	}
	if !found {
		t.Error("no initializer named bias")
	}
}

// onnxcheck, the reader the sherpa adapter vets model files with, sees
// in the written file what sherpa-onnx needs of a NeMo CTC model.
func TestNemoCTCPassesOnnxcheck(t *testing.T) {
	dir := t.TempDir()
	if err := (NemoCTC{}).Write(dir); err != nil {
		t.Fatal(err)
	}
	m, err := onnxcheck.ReadFile(filepath.Join(dir, "model.onnx"))
	if err != nil {
		t.Fatal(err)
	}
	want := onnxcheck.Want{Kind: "a NeMo CTC model", NumInputs: 2, IntMetadata: []string{"vocab_size", "subsampling_factor"}}
	if err := m.Check(want); err != nil {
		t.Error(err)
	}
	if got := m.InputNames(); !slices.Equal(got, []string{"audio_signal", "length"}) {
		t.Errorf("inputs = %v: the initializers must not be listed as inputs", got)
	}
	if got := m.OutputNames(); !slices.Equal(got, []string{"logprobs", "encoded_lengths"}) {
		t.Errorf("outputs = %v", got)
	}
	tokens, err := os.ReadFile(filepath.Join(dir, "tokens.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if string(tokens) != "▁да 0\n<blk> 1\n" {
		t.Errorf("tokens.txt = %q", tokens)
	}
}

func TestMarshalRefusesBrokenGraphs(t *testing.T) {
	in := Value{Name: "x", Type: Float, Dims: []Dim{Sym("N")}}
	out := Value{Name: "y", Type: Float}
	ident := Node{Op: "Identity", Inputs: []string{"x"}, Outputs: []string{"y"}}
	tests := []struct {
		name    string
		graph   Graph
		wantErr string
	}{
		{"undefined input", Graph{Inputs: []Value{in}, Outputs: []Value{out},
			Nodes: []Node{{Op: "Add", Inputs: []string{"x", "w"}, Outputs: []string{"y"}}}}, `reads "w"`},
		{"used before defined", Graph{Inputs: []Value{in}, Outputs: []Value{out}, Nodes: []Node{
			{Op: "Identity", Inputs: []string{"z"}, Outputs: []string{"y"}},
			{Op: "Identity", Inputs: []string{"x"}, Outputs: []string{"z"}}}}, `reads "z"`},
		{"defined twice", Graph{Inputs: []Value{in}, Outputs: []Value{out}, Nodes: []Node{ident,
			{Op: "Identity", Inputs: []string{"x"}, Outputs: []string{"y"}}}}, `"y" is defined twice`},
		{"output not produced", Graph{Inputs: []Value{in}, Outputs: []Value{{Name: "z", Type: Float}}, Nodes: []Node{ident}}, `"z" is not produced`},
		{"no outputs", Graph{Inputs: []Value{in}, Nodes: []Node{ident}}, "no outputs"},
		{"no op", Graph{Inputs: []Value{in}, Outputs: []Value{out}, Nodes: []Node{{Inputs: []string{"x"}, Outputs: []string{"y"}}}}, "no op type"},
		{"input without a type", Graph{Inputs: []Value{{Name: "x"}}, Outputs: []Value{out}, Nodes: []Node{ident}}, "no element type"},
		{"tensor short of its shape", Graph{Inputs: []Value{in}, Outputs: []Value{out}, Nodes: []Node{ident},
			Initializers: []Tensor{{Name: "w", Dims: []int64{2, 3}, Floats: make([]float32, 5)}}}, "holds 6 elements, got 5"},
		{"tensor without data", Graph{Inputs: []Value{in}, Outputs: []Value{out}, Nodes: []Node{ident},
			Initializers: []Tensor{{Name: "w"}}}, "either float or int64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := (&Model{Graph: tt.graph}).Marshal()
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Marshal: %v, want ErrInvalid with %q", err, tt.wantErr)
			}
		})
	}
	// The same graph, wired right, is accepted.
	if _, err := (&Model{Graph: Graph{Inputs: []Value{in}, Outputs: []Value{out}, Nodes: []Node{ident}}}).Marshal(); err != nil {
		t.Errorf("a wired graph: %v", err)
	}
}

// Every attribute type is written in its own field with its type.
func TestAttributes(t *testing.T) {
	tests := []struct {
		attr  Attr
		field int
		typ   uint64
		check func(f field) bool
	}{
		{IntAttr("axis", -1), 3, attrInt, func(f field) bool { return int64(f.n) == -1 }},
		{FloatAttr("alpha", 0.25), 2, attrFloat, func(f field) bool { return math.Float32frombits(uint32(f.n)) == 0.25 }},
		{StringAttr("auto_pad", "VALID"), 4, attrString, func(f field) bool { return string(f.data) == "VALID" }},
		{IntsAttr("perm", 0, 2, 1), 8, attrInts, func(f field) bool { return string(f.data) == "\x00\x02\x01" }},
	}
	for _, tt := range tests {
		t.Run(tt.attr.name, func(t *testing.T) {
			fs := decode(t, tt.attr.encode())
			if got := string(one(t, fs, 1).data); got != tt.attr.name {
				t.Errorf("name = %q", got)
			}
			if got := one(t, fs, 20).n; got != tt.typ {
				t.Errorf("type = %d, want %d", got, tt.typ)
			}
			if f := one(t, fs, tt.field); !tt.check(f) {
				t.Errorf("value field %d = %+v", tt.field, f)
			}
		})
	}
}
