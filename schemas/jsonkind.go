package schemas

import (
	"bytes"
	"reflect"
	"strings"
)

// JSONKind names the JSON kind a Go type is read from, for an error a
// person reads ("a number", not "float64"). Ingest's metadata and the
// HTTP API's bodies word their type errors with it.
func JSONKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "an object"
	case reflect.Pointer:
		return JSONKind(t.Elem())
	}
	return "another kind of value"
}

// JSONValueKind names the kind of value a json.UnmarshalTypeError saw
// (its Value: "number", "number -5", "array"...) without the value
// itself: it may be personal data.
func JSONValueKind(v string) string {
	kind, _, _ := strings.Cut(v, " ")
	switch kind {
	case "string":
		return "a string"
	case "number":
		return "a number"
	case "bool":
		return "true or false"
	case "array":
		return "a list"
	case "object":
		return "an object"
	}
	return kind
}

// JSONRawKind names the kind of a raw JSON value ("a string", "a list",
// "nothing" for no value) without the value itself: it may be personal
// data. Ingest's metadata and dict eval's labels word their errors with it.
func JSONRawKind(raw []byte) string {
	s := bytes.TrimSpace(raw)
	if len(s) == 0 {
		return "nothing"
	}
	switch s[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "a number"
}
