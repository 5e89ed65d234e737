// Package drift holds no code: its test checks that every name the other
// packages use for a call parameter, dictionary category or scoring
// criterion (filter fields, report measures, scoring profiles, the bench
// generator, the documentation) is one the analyzer's catalogue
// (analyze.Parameters), the built-in dictionaries or the built-in scoring
// profiles define; and that docs/ARCHITECTURE.md's package and import
// tables say what go list says and the NATS subjects and streams it names
// are pipeline's; and that every pkg.Name the README and most docs name
// is declared. A copy that drifts fails the test.
package drift
