// Package filter is callscope's filter language: a small expression syntax
// that selects calls, such as
//
//	has complaint and (wait > 1m or silence_longest >= 10s) and started = 2026-11
//
// Parse turns the text into a typed tree (every field has a type; a value of
// the wrong type, an unknown field or a misplaced token is an *Error with
// its column, a caret line and a "did you mean" suggestion). Compile turns
// the tree into a ClickHouse condition over `calls FINAL` with every value
// bound to a ? placeholder, never spliced into SQL; the SQL runs on
// ClickHouse 18.16 and later and on chDB. Eval applies the same tree to one
// call in memory with the same meaning, including unknown values: a
// comparison with a value the call does not have is false, and so is its
// negation.
//
// Fields lists the named filters; docs/filters.md documents each one (a
// test keeps the two in step).
package filter
