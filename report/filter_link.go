package report

import "github.com/callscope/callscope/report/filter"

// The slice reports take their --filter from the filter language.
func init() {
	CompileFilter = func(src string) (string, []any, error) {
		e, err := filter.Parse(src)
		if err != nil {
			return "", nil, err
		}
		return filter.Compile(e)
	}
}
