package onnxcheck

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sileroLike declares what Silero VAD v5 declares.
var sileroLike = &Model{
	IRVersion: 8, Producer: "spox",
	Inputs:  []Value{{"input", 2}, {"state", 3}, {"sr", 0}},
	Outputs: []Value{{"output", 2}, {"stateN", 3}},
}

// ctcLike declares what a NeMo CTC export declares.
var ctcLike = &Model{
	Inputs:   []Value{{"audio_signal", 3}, {"length", 1}},
	Outputs:  []Value{{"logprobs", 3}},
	Metadata: map[string]string{"vocab_size": "34", "subsampling_factor": "4", "model_type": "EncDecCTCModelBPE"},
}

// Hand-built protobuf for what Encode does not write: initializers, nodes,
// fields of every wire type.
func tensor(name string, rawData int) []byte {
	t := appendVarint(nil, 1, 1) // dims
	t = appendVarint(t, 2, 1)    // data_type FLOAT
	t = appendBytes(t, 8, []byte(name))
	return appendBytes(t, 9, make([]byte, rawData)) // raw_data
}

// withGraphFields is Encode with extra fields in the graph (before the
// inputs) and, around the graph, fields Read skips: opset_import,
// model_version and unknown fixed32 and fixed64 fields.
func withGraphFields(m *Model, extra ...[]byte) []byte {
	var graph []byte
	graph = appendBytes(graph, 2, []byte("graph"))
	for _, e := range extra {
		graph = append(graph, e...)
	}
	for _, v := range m.Inputs {
		graph = appendBytes(graph, 11, valueInfo(v))
	}
	for _, v := range m.Outputs {
		graph = appendBytes(graph, 12, valueInfo(v))
	}
	out := appendVarint(nil, 1, 4)
	out = appendBytes(out, 8, appendVarint(appendBytes(nil, 1, nil), 2, 17)) // opset_import
	out = appendVarint(out, 5, 3)                                            // model_version
	out = appendBytes(out, 7, graph)
	out = append(out, 0x7D, 0, 0, 0x80, 0x3F) // an unknown fixed32 field 15
	out = append(out, 0x81, 0x01, 1, 2, 3, 4, 5, 6, 7, 8)
	return out
}

func TestRead(t *testing.T) {
	node := appendBytes(nil, 1, appendBytes(appendBytes(nil, 1, []byte("x")), 2, []byte("y"))) // node: input x, output y
	sparse := appendBytes(nil, 15, appendBytes(nil, 1, tensor("w2", 4)))
	bigMeta := strings.Repeat("é", 40000) // 80 000 bytes: past the read window
	tests := []struct {
		name     string
		file     []byte
		inputs   []string
		outputs  []string
		ranks    []int // of the inputs
		metadata map[string]string
		wantErr  string
	}{
		{"Silero-like", Encode(sileroLike), []string{"input", "state", "sr"}, []string{"output", "stateN"}, []int{2, 3, 0}, map[string]string{}, ""},
		{"CTC-like with metadata", Encode(ctcLike), []string{"audio_signal", "length"}, []string{"logprobs"}, []int{3, 1}, ctcLike.Metadata, ""},
		{"no shape", Encode(&Model{Inputs: []Value{{"x", -1}}}), []string{"x"}, nil, []int{-1}, map[string]string{}, ""},
		{"initializers listed as inputs (IR < 4) are not inputs",
			withGraphFields(&Model{Inputs: []Value{{"x", 2}, {"w", 1}, {"w2", 1}}, Outputs: []Value{{"y", 2}}},
				appendBytes(nil, 5, tensor("w", 200_000)), sparse, node),
			[]string{"x"}, []string{"y"}, []int{2}, map[string]string{}, ""},
		{"long metadata value", Encode(&Model{Metadata: map[string]string{"big": bigMeta, "k": "v"}}), nil, nil, nil,
			map[string]string{"big": bigMeta, "k": "v"}, ""},

		{"empty", nil, nil, nil, nil, nil, "empty file"},
		{"HTML error page", []byte("<html><body>404 Not Found</body></html>"), nil, nil, nil, nil, `wire type 4, which ONNX does not use (the file starts with "<html><body>404 "`},
		{"text", []byte("version https://git-lfs.github.com/spec/v1\noid sha256:0123\nsize 2327524\n"), nil, nil, nil, nil, "not an ONNX model"},
		{"truncated", Encode(ctcLike)[:60], nil, nil, nil, nil, "truncated?"},
		{"no graph", appendVarint(nil, 1, 8), nil, nil, nil, nil, "no graph"},
		{"no ir_version", appendBytes(nil, 7, nil), nil, nil, nil, nil, "no ir_version"},
		{"absurd ir_version", appendBytes(appendVarint(nil, 1, 9999), 7, nil), nil, nil, nil, nil, "ir_version 9999"},
		{"ir_version of the wrong wire type", appendBytes(nil, 1, []byte("8")), nil, nil, nil, nil, "field 1 (ir_version) at byte 0 has wire type 2, want 0"},
		{"broken varint", []byte{0x08, 0xFF, 0xFF}, nil, nil, nil, nil, "broken varint at byte 1"},
		{"field number 0", []byte{0x00, 0x01}, nil, nil, nil, nil, "field number 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Read(bytes.NewReader(tt.file), int64(len(tt.file)))
			if tt.wantErr != "" {
				if !errors.Is(err, ErrNotONNX) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Read: %v, want ErrNotONNX with %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ranks []int
			for _, v := range m.Inputs {
				ranks = append(ranks, v.Rank)
			}
			if !slices.Equal(m.InputNames(), tt.inputs) || !slices.Equal(m.OutputNames(), tt.outputs) || !slices.Equal(ranks, tt.ranks) {
				t.Errorf("inputs %v ranks %v outputs %v, want %v %v %v", m.InputNames(), ranks, m.OutputNames(), tt.inputs, tt.ranks, tt.outputs)
			}
			if len(m.Metadata) != len(tt.metadata) {
				t.Errorf("metadata %d keys, want %d", len(m.Metadata), len(tt.metadata))
			}
			for k, v := range tt.metadata {
				if m.Metadata[k] != v {
					t.Errorf("metadata %s = %.20q..., want %.20q...", k, m.Metadata[k], v)
				}
			}
		})
	}
}

func TestCheck(t *testing.T) {
	silero := Want{Kind: "a Silero VAD model", Inputs: [][]string{{"input", "state", "sr"}, {"input", "sr", "h", "c"}}}
	nemo := Want{Kind: "a NeMo CTC model", NumInputs: 2, IntMetadata: []string{"vocab_size", "subsampling_factor"}}
	tests := []struct {
		name    string
		model   *Model
		want    Want
		wantErr string // "" passes
	}{
		{"Silero as Silero", sileroLike, silero, ""},
		{"CTC as CTC", ctcLike, nemo, ""},
		{"Silero as NeMo CTC", sileroLike, nemo,
			"model is not a NeMo CTC model: 3 inputs [input state sr], want 2; metadata lacks vocab_size, subsampling_factor (it has none)"},
		{"CTC as Silero", ctcLike, silero,
			"inputs are [audio_signal length], want [input state sr] or [input sr h c]"},
		{"negative number", &Model{Inputs: ctcLike.Inputs, Metadata: map[string]string{"vocab_size": "-1", "subsampling_factor": "4"}}, nemo,
			`metadata vocab_size is "-1", want a whole number >= 0`},
		{"outputs", sileroLike, Want{Outputs: [][]string{{"output", "hn", "cn"}}}, "outputs are [output stateN], want [output hn cn]"},
		{"list of integers", &Model{Metadata: map[string]string{"sot_sequence": "50258, 50259,x"}}, Want{IntListMetadata: []string{"sot_sequence"}},
			`metadata sot_sequence is "50258, 50259,x", want comma-separated integers`},
		{"list of integers passes", &Model{Metadata: map[string]string{"sot_sequence": "50258,50259,50359"}}, Want{IntListMetadata: []string{"sot_sequence"}}, ""},
		{"value from a set", ctcLike, Want{Values: map[string][]string{"model_type": {"zipformer", "zipformer2"}}},
			`metadata model_type is "EncDecCTCModelBPE", want zipformer or zipformer2`},
		{"value missing", sileroLike, Want{Values: map[string][]string{"model_type": {"zipformer"}}}, "metadata lacks model_type (it has none)"},
		{"present", ctcLike, Want{Metadata: []string{"model_type"}}, ""},
		{"output rank", ctcLike, Want{OutputRank: map[int]int{0: 2}}, "output logprobs has 3 dimensions, want 2"},
		{"output rank unknown passes", &Model{Outputs: []Value{{"y", -1}}}, Want{OutputRank: map[int]int{0: 3}}, ""},
		{"no such output", ctcLike, Want{OutputRank: map[int]int{1: 3}}, "no output 1 (outputs are [logprobs])"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.model.Check(tt.want)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, ErrWrongModel) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Check: %v, want ErrWrongModel with %q", err, tt.wantErr)
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "model.onnx")
	html := filepath.Join(dir, "html.onnx")
	os.WriteFile(good, Encode(ctcLike), 0o644)
	os.WriteFile(html, []byte("<!DOCTYPE html>"), 0o644)
	tests := []struct {
		name    string
		path    string
		notONNX bool
		wantErr string
	}{
		{"good", good, false, ""},
		{"HTML", html, true, html + ": not an ONNX model"},
		{"missing", filepath.Join(dir, "absent.onnx"), false, "absent.onnx: no such file"},
		{"directory", dir, true, dir + ": not an ONNX model: a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ReadFile(tt.path)
			if tt.wantErr == "" {
				if err != nil || m.Path != tt.path {
					t.Fatalf("ReadFile = %+v, %v", m, err)
				}
				return
			}
			if errors.Is(err, ErrNotONNX) != tt.notONNX || err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("ReadFile: %v, want an error with %q (ErrNotONNX: %v)", err, tt.wantErr, tt.notONNX)
			}
		})
	}
	// The error of a check names the file.
	m, _ := ReadFile(good)
	if err := m.Check(Want{Kind: "a Silero VAD model", NumInputs: 3}); err == nil || !strings.Contains(err.Error(), good+" is not a Silero VAD model") {
		t.Errorf("Check: %v, want it to name %s", err, good)
	}
}

// The Silero VAD v5 model scripts/setup.sh installs: read as sherpa-onnx
// sees it.
func TestRealSileroModel(t *testing.T) {
	home, _ := os.UserHomeDir()
	path := filepath.Join(home, ".cache/callscope/silero-vad/1.0.10/silero_vad_v5.onnx")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no Silero VAD model at %s (scripts/setup.sh vad installs it)", path)
	}
	m, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.InputNames(), []string{"input", "state", "sr"}) || !slices.Equal(m.OutputNames(), []string{"output", "stateN"}) {
		t.Errorf("inputs %v outputs %v, want [input state sr] and [output stateN]", m.InputNames(), m.OutputNames())
	}
	if m.IRVersion < 3 || len(m.Metadata) != 0 {
		t.Errorf("IR version %d, metadata %v", m.IRVersion, m.Metadata)
	}
}

// FuzzRead: no input panics Read, and every failure wraps ErrNotONNX.
func FuzzRead(f *testing.F) {
	f.Add(Encode(sileroLike))
	f.Add(Encode(ctcLike))
	f.Add(withGraphFields(ctcLike, appendBytes(nil, 5, tensor("w", 10))))
	f.Add([]byte("<html>"))
	f.Fuzz(func(t *testing.T, in []byte) {
		m, err := Read(bytes.NewReader(in), int64(len(in)))
		if err != nil {
			if !errors.Is(err, ErrNotONNX) || m != nil {
				t.Fatalf("Read: %v (model %v), want only ErrNotONNX", err, m)
			}
			return
		}
		if m.IRVersion < 1 || m.Metadata == nil {
			t.Fatalf("model %+v", m)
		}
	})
}

// BenchmarkReadLargeModel reads a 100 MB model (1000 weight tensors of
// 100 kB, 5000 nodes) from disk: the weights are skipped, not read.
func BenchmarkReadLargeModel(b *testing.B) {
	node := appendBytes(nil, 1, appendBytes(appendBytes(nil, 1, []byte("x")), 2, []byte("y")))
	var extra [][]byte
	for i := range 1000 {
		extra = append(extra, appendBytes(nil, 5, tensor("w"+string(rune('a'+i%26))+strings.Repeat("x", i%7), 100_000)))
	}
	for range 5000 {
		extra = append(extra, node)
	}
	file := withGraphFields(ctcLike, extra...)
	path := filepath.Join(b.TempDir(), "large.onnx")
	if err := os.WriteFile(path, file, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(file)))
	for b.Loop() {
		m, err := ReadFile(path)
		if err != nil || len(m.Inputs) != 2 {
			b.Fatalf("ReadFile = %+v, %v", m, err)
		}
	}
}
