package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type labelLine struct {
	Call   string          `json:"call"`
	Labels map[string]bool `json:"labels"`
}

func readLabels(path string) (map[string]map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var l labelLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out[l.Call] = l.Labels
	}
	return out, sc.Err()
}

// agreement compares second_pass/labels.jsonl (labels written from the
// text alone) with the corpus labels: raw agreement and Cohen's kappa per
// category over the calls the second pass labelled.
func agreement(root string) error {
	second, err := readLabels(filepath.Join(root, "second_pass", "labels.jsonl"))
	if err != nil {
		return err
	}
	first := map[string]map[string]bool{}
	files, _ := filepath.Glob(filepath.Join(root, "*", "*", "labels.jsonl"))
	for _, f := range files {
		if strings.Contains(f, "second_pass") {
			continue
		}
		m, err := readLabels(f)
		if err != nil {
			return err
		}
		for k, v := range m {
			first[k] = v
		}
	}
	fmt.Printf("%-15s %6s %6s %8s %6s\n", "category", "calls", "agree", "percent", "kappa")
	var totN, totA int
	for _, k := range categories {
		var n, a, p1, p2 int
		for call, l2 := range second {
			l1, ok := first[call]
			if !ok {
				return fmt.Errorf("second pass names %s, which the corpus does not have", call)
			}
			v2, ok := l2[k.name]
			if !ok {
				continue
			}
			v1 := l1[k.name]
			n++
			if v1 == v2 {
				a++
			}
			if v1 {
				p1++
			}
			if v2 {
				p2++
			}
		}
		if n == 0 {
			continue
		}
		po := float64(a) / float64(n)
		pe := float64(p1)/float64(n)*float64(p2)/float64(n) + float64(n-p1)/float64(n)*float64(n-p2)/float64(n)
		kappa := 1.0
		if pe < 1 {
			kappa = (po - pe) / (1 - pe)
		}
		fmt.Printf("%-15s %6d %6d %7.1f%% %6.3f\n", k.name, n, a, 100*po, kappa)
		totN += n
		totA += a
		for call, l2 := range second {
			if v2, ok := l2[k.name]; ok && v2 != first[call][k.name] {
				fmt.Printf("    disagree %s %s: first %v, second %v\n", call, k.name, first[call][k.name], v2)
			}
		}
	}
	fmt.Printf("%-15s %6d %6d %7.1f%%\n", "all", totN, totA, 100*float64(totA)/float64(totN))
	return nil
}
