package store

import (
	"encoding/binary"
	"fmt"
	"math"
	"strings"
	"time"
)

// nativeBlock encodes the store's column slices straight into one block of
// ClickHouse's Native format, for the embedded backend: clickhouse-go's
// column layer appends arrays (and with them every calls row) value by
// value through reflection, which cost the store stage more than encoding
// a whole batch should. It knows the few Go slice types the store writes
// and the plain types they go to; a LowCardinality column is sent as its
// inner type and converted by the engine as it reads the block
// (input_format_native_allow_types_conversion). ok is false for a column
// it does not know (the caller then uses the column layer).
func nativeBlock(types map[string]string, columns []string, data []any) (block []byte, ok bool, err error) {
	if len(columns) != len(data) || len(columns) == 0 {
		return nil, false, nil
	}
	rows := -1
	sent := make([]string, len(columns))
	for i, c := range columns {
		t, found := types[c]
		if !found {
			return nil, false, nil
		}
		t = plainType(t)
		if !nativeKnows(t, data[i]) {
			return nil, false, nil
		}
		n := sliceLen(data[i])
		if rows >= 0 && n != rows {
			return nil, false, fmt.Errorf("column %s has %d rows, %s has %d", c, n, columns[0], rows)
		}
		rows = n
		sent[i] = t
	}
	size := 16
	for i, c := range columns {
		size += 2*binary.MaxVarintLen64 + len(c) + len(sent[i]) + columnSize(data[i])
	}
	b := make([]byte, 0, size)
	b = binary.AppendUvarint(b, uint64(len(columns)))
	b = binary.AppendUvarint(b, uint64(rows))
	for i, c := range columns {
		b = appendStr(b, c)
		b = appendStr(b, sent[i])
		if b, err = appendColumn(b, data[i]); err != nil {
			return nil, false, fmt.Errorf("column %s: %w", c, err)
		}
	}
	return b, true, nil
}

// plainType is t without LowCardinality wrappers.
func plainType(t string) string {
	for {
		i := strings.Index(t, "LowCardinality(")
		if i < 0 {
			return t
		}
		// The wrapper's closing parenthesis is the one that balances it.
		depth, j := 0, i+len("LowCardinality(")-1
		for ; j < len(t); j++ {
			if t[j] == '(' {
				depth++
			} else if t[j] == ')' {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		if j == len(t) {
			return t
		}
		t = t[:i] + t[i+len("LowCardinality("):j] + t[j+1:]
	}
}

// nativeKnows reports whether appendColumn writes data as type t.
func nativeKnows(t string, data any) bool {
	switch data.(type) {
	case []string:
		return t == "String"
	case []uint64:
		return t == "UInt64"
	case []uint32:
		return t == "UInt32"
	case []uint8:
		return t == "UInt8"
	case []float64:
		return t == "Float64"
	case []time.Time:
		return t == "DateTime" || t == "DateTime('UTC')"
	case []*float64:
		return t == "Nullable(Float64)"
	case []*int32:
		return t == "Nullable(Int32)"
	case [][]string:
		return t == "Array(String)"
	case [][]uint32:
		return t == "Array(UInt32)"
	case [][]float64:
		return t == "Array(Float64)"
	}
	return false
}

func sliceLen(data any) int {
	switch d := data.(type) {
	case []string:
		return len(d)
	case []uint64:
		return len(d)
	case []uint32:
		return len(d)
	case []uint8:
		return len(d)
	case []float64:
		return len(d)
	case []time.Time:
		return len(d)
	case []*float64:
		return len(d)
	case []*int32:
		return len(d)
	case [][]string:
		return len(d)
	case [][]uint32:
		return len(d)
	case [][]float64:
		return len(d)
	}
	return 0
}

// columnSize is at least the bytes appendColumn writes for data: the
// block is allocated once.
func columnSize(data any) int {
	strs := func(v []string) int {
		n := 0
		for _, s := range v {
			n += binary.MaxVarintLen64 + len(s)
		}
		return n
	}
	switch d := data.(type) {
	case []string:
		return strs(d)
	case []uint64, []float64:
		return 8 * sliceLen(d)
	case []uint32, []time.Time:
		return 4 * sliceLen(d)
	case []uint8:
		return len(d)
	case []*float64:
		return 9 * len(d)
	case []*int32:
		return 5 * len(d)
	case [][]string:
		n := 8 * len(d)
		for _, r := range d {
			n += strs(r)
		}
		return n
	case [][]uint32:
		n := 8 * len(d)
		for _, r := range d {
			n += 4 * len(r)
		}
		return n
	case [][]float64:
		n := 8 * len(d)
		for _, r := range d {
			n += 8 * len(r)
		}
		return n
	}
	return 0
}

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendFloats(b []byte, v []float64) []byte {
	for _, f := range v {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
	}
	return b
}

// appendOffsets writes an Array column's offsets: the running total of
// the rows' lengths.
func appendOffsets[T any](b []byte, rows [][]T) []byte {
	var off uint64
	for _, r := range rows {
		off += uint64(len(r))
		b = binary.LittleEndian.AppendUint64(b, off)
	}
	return b
}

// appendNullable writes a Nullable column: its null map (1 for a nil
// row), then every row's value by appendValue, the zero value for nil.
func appendNullable[T any](b []byte, rows []*T, appendValue func([]byte, T) []byte) []byte {
	for _, p := range rows {
		if p == nil {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
	}
	for _, p := range rows {
		var v T
		if p != nil {
			v = *p
		}
		b = appendValue(b, v)
	}
	return b
}

func appendColumn(b []byte, data any) ([]byte, error) {
	switch d := data.(type) {
	case []string:
		for _, s := range d {
			b = appendStr(b, s)
		}
	case []uint64:
		for _, v := range d {
			b = binary.LittleEndian.AppendUint64(b, v)
		}
	case []uint32:
		for _, v := range d {
			b = binary.LittleEndian.AppendUint32(b, v)
		}
	case []uint8:
		b = append(b, d...)
	case []float64:
		b = appendFloats(b, d)
	case []time.Time:
		for _, t := range d {
			s := t.Unix()
			if s < 0 || s > math.MaxUint32 {
				return nil, fmt.Errorf("time %s is out of the DateTime range", t.UTC().Format(time.RFC3339))
			}
			b = binary.LittleEndian.AppendUint32(b, uint32(s))
		}
	case []*float64:
		b = appendNullable(b, d, func(b []byte, f float64) []byte {
			return binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
		})
	case []*int32:
		b = appendNullable(b, d, func(b []byte, v int32) []byte {
			return binary.LittleEndian.AppendUint32(b, uint32(v))
		})
	case [][]string:
		b = appendOffsets(b, d)
		for _, r := range d {
			for _, s := range r {
				b = appendStr(b, s)
			}
		}
	case [][]uint32:
		b = appendOffsets(b, d)
		for _, r := range d {
			for _, v := range r {
				b = binary.LittleEndian.AppendUint32(b, v)
			}
		}
	case [][]float64:
		b = appendOffsets(b, d)
		for _, r := range d {
			b = appendFloats(b, r)
		}
	default:
		return nil, fmt.Errorf("no Native encoding for %T", data)
	}
	return b, nil
}
