package schemas

import (
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
