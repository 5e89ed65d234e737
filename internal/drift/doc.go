// Package drift holds no code: its test checks that every name the other
// packages use for a call parameter, dictionary category or scoring
// criterion (filter fields, report measures, scoring profiles, the bench
// generator, the documentation) is one the analyzer's catalogue
// (analyze.Parameters), the built-in dictionaries or the built-in scoring
// profiles define. A copy that drifts fails the test.
package drift
