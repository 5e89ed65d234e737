// Package onnxgen writes small ONNX models by hand, for tests that need a
// model ONNX Runtime really runs where no trained model can be had (no
// model hub is reachable from the machines the tests run on).
//
// A Model is encoded as onnx.proto's ModelProto in protobuf wire format
// with a hand-written encoder (the module does not depend on a protobuf
// library): IR version, one opset import, a graph with typed inputs and
// outputs (fixed or symbolic dimensions), initializers (float32 or int64
// tensors), nodes with attributes, and metadata_props. Marshal checks
// that the graph is wired (every node input is defined before it is
// used, every output is produced), because ONNX Runtime inside
// sherpa-onnx throws an exception nobody catches, which aborts the test
// binary, on a graph that is not.
//
// NemoCTC builds on it a tiny model that sherpa-onnx loads as a NeMo CTC
// recognizer.
package onnxgen

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
)

// ErrInvalid wraps every reason Marshal refuses a model.
var ErrInvalid = errors.New("onnxgen: invalid model")

// DataType is an ONNX tensor element type (onnx.proto TensorProto.DataType).
type DataType int32

// The element types this package writes.
const (
	Float DataType = 1
	Int64 DataType = 7
)

// Dim is one dimension of a declared shape: a fixed size, or a symbolic
// name (dim_param) such as "N" for a size known only at run time.
type Dim struct {
	Size  int64
	Param string
}

// Fixed is a dimension of size n.
func Fixed(n int64) Dim { return Dim{Size: n} }

// Sym is a symbolic dimension.
func Sym(name string) Dim { return Dim{Param: name} }

// Value is a graph input or output (ValueInfoProto): a name and a tensor
// type. Nil Dims declares no shape at all.
type Value struct {
	Name string
	Type DataType
	Dims []Dim
}

// Tensor is an initializer: constant weights. Exactly one of Floats and
// Int64s holds the data, as many elements as Dims multiply to (one for a
// scalar, Dims empty).
type Tensor struct {
	Name   string
	Dims   []int64
	Floats []float32
	Int64s []int64
}

// Attr is a node attribute; build it with IntAttr, IntsAttr, FloatAttr or
// StringAttr.
type Attr struct {
	name string
	typ  int // AttributeProto.AttributeType
	i    int64
	ints []int64
	f    float32
	s    string
}

// AttributeProto.AttributeType values.
const (
	attrFloat  = 1
	attrInt    = 2
	attrString = 3
	attrInts   = 7
)

// IntAttr is an integer attribute, such as LogSoftmax's axis.
func IntAttr(name string, v int64) Attr { return Attr{name: name, typ: attrInt, i: v} }

// IntsAttr is a list of integers, such as Transpose's perm.
func IntsAttr(name string, v ...int64) Attr { return Attr{name: name, typ: attrInts, ints: v} }

// FloatAttr is a float attribute, such as LeakyRelu's alpha.
func FloatAttr(name string, v float32) Attr { return Attr{name: name, typ: attrFloat, f: v} }

// StringAttr is a text attribute, such as AveragePool's auto_pad.
func StringAttr(name, v string) Attr { return Attr{name: name, typ: attrString, s: v} }

// Node is one operator of the default ONNX domain. An empty input name
// leaves an optional input out, as ONNX does.
type Node struct {
	Op      string
	Name    string // optional; defaults to the op and its position
	Inputs  []string
	Outputs []string
	Attrs   []Attr
}

// Graph is the model's computation, its nodes in an order where each
// node's inputs come before it.
type Graph struct {
	Name         string
	Inputs       []Value
	Outputs      []Value
	Initializers []Tensor
	Nodes        []Node
}

// Model is an ONNX model.
type Model struct {
	// IRVersion is the ONNX IR version (default 8, ONNX 1.10).
	IRVersion int64
	// Opset is the version of the default operator set (default 17).
	Opset    int64
	Producer string
	Graph    Graph
	// Metadata is metadata_props: what consumers such as sherpa-onnx read
	// from a model besides its graph. Written sorted by key.
	Metadata map[string]string
}

// Marshal encodes the model as a ModelProto, after checking its graph.
func (m *Model) Marshal() ([]byte, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	ir, opset := m.IRVersion, m.Opset
	if ir == 0 {
		ir = 8
	}
	if opset == 0 {
		opset = 17
	}
	var b []byte
	b = putVarint(b, 1, uint64(ir))
	if m.Producer != "" {
		b = putString(b, 2, m.Producer)
	}
	b = putBytes(b, 7, m.Graph.encode())
	// OperatorSetIdProto: domain "" (the default one), version.
	b = putBytes(b, 8, putVarint(putString(nil, 1, ""), 2, uint64(opset)))
	for _, k := range sortedKeys(m.Metadata) {
		b = putBytes(b, 14, putString(putString(nil, 1, k), 2, m.Metadata[k]))
	}
	return b, nil
}

// WriteFile marshals the model into path.
func (m *Model) WriteFile(path string) error {
	data, err := m.Marshal()
	if err != nil {
		return fmt.Errorf("%w (writing %s)", err, path)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("onnxgen: %w", err)
	}
	return nil
}

// check refuses a graph ONNX Runtime would not load: names missing or
// defined twice, tensors whose data does not fill their shape, inputs used
// before they are defined, outputs never produced.
func (m *Model) check() error {
	g := &m.Graph
	defined := map[string]string{} // name -> what defines it, for messages
	define := func(name, by string) error {
		if name == "" {
			return fmt.Errorf("%w: %s has an empty name", ErrInvalid, by)
		}
		if prev, dup := defined[name]; dup {
			return fmt.Errorf("%w: %q is defined twice, by %s and by %s", ErrInvalid, name, prev, by)
		}
		defined[name] = by
		return nil
	}
	for i, v := range g.Inputs {
		if err := define(v.Name, fmt.Sprintf("graph input %d", i)); err != nil {
			return err
		}
		if v.Type == 0 {
			return fmt.Errorf("%w: graph input %q has no element type", ErrInvalid, v.Name)
		}
	}
	for i, t := range g.Initializers {
		if err := define(t.Name, fmt.Sprintf("initializer %d", i)); err != nil {
			return err
		}
		n := int64(1)
		for _, d := range t.Dims {
			n *= d
		}
		if (t.Floats == nil) == (t.Int64s == nil) {
			return fmt.Errorf("%w: initializer %q: want either float or int64 data", ErrInvalid, t.Name)
		}
		if got := int64(len(t.Floats) + len(t.Int64s)); got != n {
			return fmt.Errorf("%w: initializer %q: shape %v holds %d elements, got %d", ErrInvalid, t.Name, t.Dims, n, got)
		}
	}
	for i, nd := range g.Nodes {
		what := fmt.Sprintf("node %d (%s)", i, nd.Op)
		if nd.Op == "" {
			return fmt.Errorf("%w: node %d has no op type", ErrInvalid, i)
		}
		for _, in := range nd.Inputs {
			if _, ok := defined[in]; !ok && in != "" {
				return fmt.Errorf("%w: %s reads %q, which nothing before it defines", ErrInvalid, what, in)
			}
		}
		if len(nd.Outputs) == 0 {
			return fmt.Errorf("%w: %s has no outputs", ErrInvalid, what)
		}
		for _, out := range nd.Outputs {
			if err := define(out, what); err != nil {
				return err
			}
		}
	}
	if len(g.Outputs) == 0 {
		return fmt.Errorf("%w: the graph has no outputs", ErrInvalid)
	}
	for _, v := range g.Outputs {
		if _, ok := defined[v.Name]; !ok {
			return fmt.Errorf("%w: graph output %q is not produced by any node", ErrInvalid, v.Name)
		}
		if v.Type == 0 {
			return fmt.Errorf("%w: graph output %q has no element type", ErrInvalid, v.Name)
		}
	}
	return nil
}

// encode writes the GraphProto.
func (g *Graph) encode() []byte {
	var b []byte
	for i, nd := range g.Nodes {
		b = putBytes(b, 1, nd.encode(i))
	}
	name := g.Name
	if name == "" {
		name = "graph"
	}
	b = putString(b, 2, name)
	for _, t := range g.Initializers {
		b = putBytes(b, 5, t.encode())
	}
	for _, v := range g.Inputs {
		b = putBytes(b, 11, v.encode())
	}
	for _, v := range g.Outputs {
		b = putBytes(b, 12, v.encode())
	}
	return b
}

// encode writes the NodeProto.
func (nd *Node) encode(i int) []byte {
	var b []byte
	for _, in := range nd.Inputs {
		b = putString(b, 1, in)
	}
	for _, out := range nd.Outputs {
		b = putString(b, 2, out)
	}
	name := nd.Name
	if name == "" {
		name = fmt.Sprintf("%s_%d", nd.Op, i)
	}
	b = putString(b, 3, name)
	b = putString(b, 4, nd.Op)
	for _, a := range nd.Attrs {
		b = putBytes(b, 5, a.encode())
	}
	return b
}

// encode writes the AttributeProto: its name, the value in the field of
// its type, and the type (field 20), which ONNX Runtime requires.
func (a *Attr) encode() []byte {
	b := putString(nil, 1, a.name)
	switch a.typ {
	case attrFloat:
		b = binary.AppendUvarint(b, 2<<3|wireFixed32)
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(a.f))
	case attrInt:
		b = putVarint(b, 3, uint64(a.i))
	case attrString:
		b = putString(b, 4, a.s)
	case attrInts:
		var packed []byte
		for _, v := range a.ints {
			packed = binary.AppendUvarint(packed, uint64(v))
		}
		b = putBytes(b, 8, packed)
	}
	return putVarint(b, 20, uint64(a.typ))
}

// encode writes the TensorProto with its data as raw little-endian bytes.
func (t *Tensor) encode() []byte {
	var b []byte
	if len(t.Dims) > 0 {
		var dims []byte
		for _, d := range t.Dims {
			dims = binary.AppendUvarint(dims, uint64(d))
		}
		b = putBytes(b, 1, dims)
	}
	var raw []byte
	if t.Floats != nil {
		b = putVarint(b, 2, uint64(Float))
		for _, f := range t.Floats {
			raw = binary.LittleEndian.AppendUint32(raw, math.Float32bits(f))
		}
	} else {
		b = putVarint(b, 2, uint64(Int64))
		for _, v := range t.Int64s {
			raw = binary.LittleEndian.AppendUint64(raw, uint64(v))
		}
	}
	b = putString(b, 8, t.Name)
	return putBytes(b, 9, raw)
}

// encode writes the ValueInfoProto: name, and TypeProto.tensor_type with
// the element type and, unless Dims is nil, the shape.
func (v *Value) encode() []byte {
	tensor := putVarint(nil, 1, uint64(v.Type))
	if v.Dims != nil {
		var shape []byte
		for _, d := range v.Dims {
			var dim []byte
			if d.Param != "" {
				dim = putString(nil, 2, d.Param)
			} else {
				dim = putVarint(nil, 1, uint64(d.Size))
			}
			shape = putBytes(shape, 1, dim)
		}
		tensor = putBytes(tensor, 2, shape)
	}
	return putBytes(putString(nil, 1, v.Name), 2, putBytes(nil, 1, tensor))
}

// Protobuf wire types.
const (
	wireVarint  = 0
	wireBytes   = 2
	wireFixed32 = 5
)

func putVarint(b []byte, field int, v uint64) []byte {
	b = binary.AppendUvarint(b, uint64(field)<<3|wireVarint)
	return binary.AppendUvarint(b, v)
}

func putBytes(b []byte, field int, v []byte) []byte {
	b = binary.AppendUvarint(b, uint64(field)<<3|wireBytes)
	b = binary.AppendUvarint(b, uint64(len(v)))
	return append(b, v...)
}

func putString(b []byte, field int, s string) []byte { return putBytes(b, field, []byte(s)) }

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
