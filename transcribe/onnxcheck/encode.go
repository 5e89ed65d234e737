package onnxcheck

import (
	"encoding/binary"
	"slices"
)

// Encode writes a minimal ONNX file that declares what m holds: IR
// version (7 when zero), producer, the graph's inputs and outputs (float
// tensors of m's ranks, no shape for rank -1) and the metadata, sorted by
// key. The graph has no nodes, so ONNX Runtime cannot run it: it is for
// testing code that checks models, which must not hand it on.
func Encode(m *Model) []byte {
	ir := m.IRVersion
	if ir == 0 {
		ir = 7
	}
	var graph []byte
	graph = appendBytes(graph, 2, []byte("graph"))
	for _, v := range m.Inputs {
		graph = appendBytes(graph, 11, valueInfo(v))
	}
	for _, v := range m.Outputs {
		graph = appendBytes(graph, 12, valueInfo(v))
	}
	var out []byte
	out = appendVarint(out, 1, uint64(ir))
	if m.Producer != "" {
		out = appendBytes(out, 2, []byte(m.Producer))
	}
	out = appendBytes(out, 7, graph)
	keys := make([]string, 0, len(m.Metadata))
	for k := range m.Metadata {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		var e []byte
		e = appendBytes(e, 1, []byte(k))
		e = appendBytes(e, 2, []byte(m.Metadata[k]))
		out = appendBytes(out, 14, e)
	}
	return out
}

// valueInfo is a ValueInfoProto: name, and a float tensor type with rank
// dimensions of unknown size.
func valueInfo(v Value) []byte {
	var b []byte
	b = appendBytes(b, 1, []byte(v.Name))
	var tensor []byte
	tensor = appendVarint(tensor, 1, 1) // elem_type FLOAT
	if v.Rank >= 0 {
		var shape []byte
		for range v.Rank {
			shape = appendBytes(shape, 1, appendBytes(nil, 2, []byte("N"))) // dim_param
		}
		tensor = appendBytes(tensor, 2, shape)
	}
	return appendBytes(b, 2, appendBytes(nil, 1, tensor))
}

func appendVarint(b []byte, field int, v uint64) []byte {
	b = binary.AppendUvarint(b, uint64(field)<<3|wireVarint)
	return binary.AppendUvarint(b, v)
}

func appendBytes(b []byte, field int, v []byte) []byte {
	b = binary.AppendUvarint(b, uint64(field)<<3|wireBytes)
	b = binary.AppendUvarint(b, uint64(len(v)))
	return append(b, v...)
}
