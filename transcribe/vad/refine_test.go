package vad

import (
	"slices"
	"testing"
)

// bridge joins two stretches of speech only where quiet syllables span
// the whole pause between them in steps under the gap; a quiet syllable
// never extends a stretch outward.
func TestBridge(t *testing.T) {
	const gap = 60
	tests := []struct {
		name        string
		kept, quiet []fspan
		want        []fspan
	}{
		{"no quiet runs", []fspan{{0, 100}, {200, 300}}, nil, []fspan{{0, 100}, {200, 300}}},
		{"one syllable spans the pause", []fspan{{0, 100}, {200, 300}}, []fspan{{140, 150}}, []fspan{{0, 300}}},
		{"two syllables step across", []fspan{{0, 100}, {210, 300}}, []fspan{{150, 160}, {130, 140}}, []fspan{{0, 300}}},
		{"a syllable too far from the first stretch", []fspan{{0, 100}, {200, 300}}, []fspan{{170, 180}}, []fspan{{0, 100}, {200, 300}}},
		{"a syllable too far from the second stretch", []fspan{{0, 100}, {200, 300}}, []fspan{{110, 120}}, []fspan{{0, 100}, {200, 300}}},
		{"syllables outside the pause extend nothing", []fspan{{100, 200}, {400, 500}}, []fspan{{50, 90}, {210, 220}, {520, 530}}, []fspan{{100, 200}, {400, 500}}},
		{"a syllable overlapping a stretch counts from its end", []fspan{{0, 100}, {200, 300}}, []fspan{{90, 150}}, []fspan{{0, 300}}},
		{"three stretches, one pause bridged", []fspan{{0, 100}, {200, 300}, {500, 600}}, []fspan{{150, 160}, {380, 390}}, []fspan{{0, 300}, {500, 600}}},
		{"a single stretch", []fspan{{0, 100}}, []fspan{{120, 130}}, []fspan{{0, 100}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bridge(slices.Clone(tt.kept), slices.Clone(tt.quiet), gap)
			if !slices.Equal(got, tt.want) {
				t.Errorf("bridge(%v, %v) = %v, want %v", tt.kept, tt.quiet, got, tt.want)
			}
		})
	}
}
