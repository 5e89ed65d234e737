package report

// WithoutRollup is withoutRollup, for the tests of package report_test.
var WithoutRollup = withoutRollup
