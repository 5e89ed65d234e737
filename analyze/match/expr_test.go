package match

import (
	"strings"
	"testing"

	"github.com/callscope/callscope/analyze/text"
)

// compileOne compiles one Russian dictionary of the given phrases
// (YAML list entries) on channel any.
func compileOne(t *testing.T, lang, phrases string) *Matcher {
	t.Helper()
	return compileYAML(t, "category: c\nlanguage: "+lang+"\nphrases:\n"+phrases)
}

// TestOperators covers every mark of the expression syntax on sentences
// that must and must not match.
func TestOperators(t *testing.T) {
	tests := []struct {
		name, phrase, text, want string
	}{
		{"adjacent", "не знаю", "я не знаю", "p[1:3]"},
		{"adjacent only", "не знаю", "не очень знаю", ""},
		{"wildcard", "звоню * раз", "звоню пятый раз", "p[0:3]"},
		{"wildcard needs a word", "звоню * раз", "звоню раз", ""},
		{"wildcard one word only", "звоню * раз", "звоню уже пятый раз", ""},
		{"near either order", "оператор NEAR:3 хамит", "хамит мне ваш оператор", "p[0:4]"},
		{"near in order", "оператор NEAR:3 хамит", "оператор опять мне хамит", "p[0:4]"},
		{"near too far", "оператор NEAR:1 хамит", "оператор опять мне хамит", ""},
		{"near zero is adjacent", "оператор NEAR:0 хамит", "хамит оператор", "p[0:2]"},
		{"before in order", "здравствуйте BEFORE:4 меня зовут", "здравствуйте, компания Ромашка, меня зовут Анна", "p[0:5]"},
		{"before wrong order", "здравствуйте BEFORE:4 меня зовут", "меня зовут Анна, здравствуйте", ""},
		{"chain", "а NEAR:2 б NEAR:2 в", "в а б", "p[0:3]"},
		{"near parts inflect", "жалоба NEAR:2 оператор", "жалобу на оператора", "p[0:3]"},
		{"exact word", "=пожалуюсь", "я пожалуюсь", "p[1:2]"},
		{"exact word rejects other form", "=пожалуюсь", "я пожалуюсь-ка", "p[1:2]"},
		{"exact word no stem", "=жалоба", "жалобу", ""},
		{"exact one word of two", "=плохое обслуживание", "плохое обслуживанием", "p[0:2]"},
		{"exact one word of two rejects", "=плохое обслуживание", "плохим обслуживанием", ""},
		{"prefix", "пизд*", "пиздец", "p[0:1]"},
		{"prefix whole word too", "хрен*", "хрен", "p[0:1]"},
		{"prefix no match", "хрен*", "хорошо", ""},
		{"start anchor", "^ нет $", "нет", "p[0:1]"},
		{"anchor rejects inside", "^ нет $", "у вас нет долга", ""},
		{"end anchor", "верно $", "это так, верно?", "p[2:3]"},
		{"end anchor rejects middle", "верно $", "верно говорите", ""},
		{"yo and case", "ещё раз", "ЕЩЕ РАЗ", "p[0:2]"},
		{"punctuation", "кого-нибудь ещё", "кого нибудь, ещё!", "p[0:3]"},
		{"digits equal words", "три дня", "3 дня", "p[0:2]"},
		{"words equal digits", "3 дня", "три дня", "p[0:2]"},
		{"compound number", "двадцать пять минут", "25 минут", "p[0:2]"},
		{"compound number both ways", "25 минут", "двадцать пять минут", "p[0:3]"},
		{"ordinal words and digits", "третий раз", "3-й раз", "p[0:3]"},
		{"ordinal inflected", "третий раз", "в третьем разе", "p[1:3]"},
		{"bare digits are ordinals too", "третий раз", "3 раз", "p[0:2]"},
		{"cardinal word is not ordinal", "третий раз", "три раза", ""},
		{"ordinal is not cardinal", "три раза", "третий раз", ""},
		{"different number", "три дня", "4 дня", ""},
		{"zero", "ноль рублей", "0 рублей", "p[0:2]"},
		{"hundred", "сто рублей", "100 рублей", "p[0:2]"},
		{"colon after a word is punctuation", "внимание: жалоба", "внимание, жалоба", "p[0:2]"},
		{"time of day is no operator", "перезвоню в 10:30", "перезвоню в 10:30", "p[0:4]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := compileOne(t, "ru", "  - id: p\n    text: '"+tt.phrase+"'\n")
			got := render(m.Match(nil, "ru", "client", text.Tokenize(tt.text)))
			if got != tt.want {
				t.Errorf("%q in %q: got %q, want %q", tt.phrase, tt.text, got, tt.want)
			}
		})
	}
}

func TestOperatorsEnglish(t *testing.T) {
	tests := []struct{ phrase, text, want string }{
		{"third time", "the 3rd time", "p[1:3]"},
		{"twenty five minutes", "25 minutes", "p[0:2]"},
		{"twenty-first", "21st", "p[0:1]"},
		{"call back", "she called back", "p[1:3]"},
		{"call back", "she called me back", ""},
		{"call NEAR:2 back", "she called me back", "p[1:4]"},
		{"complaint", "we complained twice", "p[1:2]"},
		{"tell", "you told me", "p[1:2]"},
		{"note: the bill", "note the bill", "p[0:3]"},
	}
	for _, tt := range tests {
		m := compileOne(t, "en", "  - id: p\n    text: '"+tt.phrase+"'\n")
		if got := render(m.Match(nil, "en", "client", text.Tokenize(tt.text))); got != tt.want {
			t.Errorf("%q in %q: got %q, want %q", tt.phrase, tt.text, got, tt.want)
		}
	}
}

// TestInflection is the list: a phrase written in one form finds
// the others, through Snowball and the alias table.
func TestInflection(t *testing.T) {
	tests := []struct {
		lang, phrase string
		forms        []string
		not          []string
	}{
		{"ru", "жалоба", []string{"жалоба", "жалобу", "жалобы", "жалобой", "жалоб", "жалобами"}, []string{"жалость"}},
		{"ru", "пожаловаться", []string{"пожаловаться", "пожалуюсь", "пожалуется", "пожаловался", "пожаловалась", "пожалуются"}, []string{"пожалуй", "пожалуйста"}},
		{"ru", "жаловаться", []string{"жалуюсь", "жалуется", "жаловался", "жалуются"}, []string{"жаль", "жало"}},
		{"ru", "перезвонить", []string{"перезвонить", "перезвоните", "перезваниваю", "перезванивать", "перезвонили", "перезвоню"}, []string{"звоню"}},
		{"ru", "звонок", []string{"звонок", "звонка", "звонки", "звонков"}, nil},
		{"ru", "недоволен", []string{"недоволен", "недовольна", "недовольны"}, nil},
		{"ru", "извините", []string{"извините", "извиняюсь", "извиняемся"}, nil},
		{"ru", "расторгнуть", []string{"расторгнуть", "расторгну", "расторгнем"}, nil},
		{"ru", "уйти", []string{"уйти", "уйду", "уйдем"}, nil},
		{"en", "complaint", []string{"complaint", "complaints", "complain", "complained", "complaining"}, nil},
		{"en", "call", []string{"call", "calls", "called", "calling"}, []string{"callback"}},
		{"en", "cancel", []string{"cancel", "cancelled", "canceling", "cancellation"}, nil},
	}
	for _, tt := range tests {
		m := compileOne(t, tt.lang, "  - id: p\n    text: "+tt.phrase+"\n")
		for _, f := range tt.forms {
			if got := render(m.Match(nil, tt.lang, "client", text.Tokenize(f))); got != "p[0:1]" {
				t.Errorf("%s %q does not find %q (stems %q, %q)", tt.lang, tt.phrase, f, stemOf(tt.lang, tt.phrase), stemOf(tt.lang, f))
			}
		}
		for _, f := range tt.not {
			if got := render(m.Match(nil, tt.lang, "client", text.Tokenize(f))); got != "" {
				t.Errorf("%s %q finds unrelated %q", tt.lang, tt.phrase, f)
			}
		}
	}
}

func stemOf(lang, w string) string {
	st, _ := text.StemmerFor(lang)
	return st(w)
}

func TestExprErrors(t *testing.T) {
	tests := []struct{ doc, want string }{
		{"  - id: a\n    text: не знаю NEAR:3\n", `f.yaml:5:19: phrase text "не знаю NEAR:3": NEAR:3 needs words on both sides`},
		{"  - id: a\n    text: NEAR:3 знаю\n", `f.yaml:5:11: phrase text "NEAR:3 знаю": NEAR:3 needs words on both sides`},
		{"  - id: a\n    text: а NEAR:99 б\n", `f.yaml:5:13: phrase text "а NEAR:99 б": NEAR:99: the distance must be a whole number of words from 0 to 20`},
		{"  - id: a\n    text: а near:3 б\n", `f.yaml:5:13: phrase text "а near:3 б": "near:3": write the operator in capitals with a distance, e.g. NEAR:3`},
		{"  - id: a\n    text: жалоба NEAR:x претензия\n", `f.yaml:5:18: phrase text "жалоба NEAR:x претензия": "NEAR:x": the distance must be a whole number of words from 0 to 20, e.g. NEAR:3`},
		{"  - id: a\n    text: \"жалоба NEAR: претензия\"\n", `f.yaml:5:19: phrase text "жалоба NEAR: претензия": "NEAR:": the distance must be a whole number`},
		{"  - id: a\n    text: а BEFORE:3x б\n", `f.yaml:5:13: phrase text "а BEFORE:3x б": "BEFORE:3x": the distance must be a whole number`},
		{"  - id: a\n    text: а NEAR:-1 б\n", `f.yaml:5:13: phrase text "а NEAR:-1 б": "NEAR:-1": the distance must be a whole number`},
		{"  - id: a\n    text: а before:x б\n", `f.yaml:5:13: phrase text "а before:x б": "before:x": write the operator in capitals with a distance, e.g. BEFORE:3`},
		{"  - id: a\n    text: first:abc жалоба\n", `f.yaml:5:11: phrase text "first:abc жалоба": "first:abc" is not an operator: where a phrase may lie is its window field ({first: 30s}) or its position field (first_utterance)`},
		{"  - id: a\n    text: жалоба LAST:10%\n", `f.yaml:5:18: phrase text "жалоба LAST:10%": "LAST:10%" is not an operator: where a phrase may lie is its window field ({last: 30s})`},
		{"  - id: a\n    text: agent:здравствуйте\n", `f.yaml:5:11: phrase text "agent:здравствуйте": "agent:здравствуйте" is not an operator: the speaker of a phrase is its channel field`},
		{"  - id: a\n    text: а OR:2 б\n", `f.yaml:5:13: phrase text "а OR:2 б": "OR:2" is not supported`},
		{"  - id: a\n    text: а WITHIN:3 б\n", `f.yaml:5:13: phrase text "а WITHIN:3 б": "WITHIN:3" looks like an operator, but the only ones are NEAR:n and BEFORE:n`},
		{"  - id: a\n    text: x\n    variants: [y, 'а NEAR:x б']\n", `f.yaml:6:22: variant "а NEAR:x б": "NEAR:x": the distance must be a whole number`},
		{"  - id: a\n    text: x\n    exclude: [y first:z]\n", `f.yaml:6:17: exclusion "y first:z": "first:z" is not an operator`},
		{"  - id: a\n    text: \"{уйду NEAR:x}:4\"\n", `f.yaml:5:18: phrase text "{уйду NEAR:x}:4": "NEAR:x": the distance must be a whole number`},
		{"  - id: a\n    text: а NOT б\n", `f.yaml:5:13: phrase text "а NOT б": "NOT" is not supported: use exclude for NOT`},
		{"  - id: a\n    text: '* раз'\n", `f.yaml:5:12: phrase text "* раз": * (any one word) must stand between words`},
		{"  - id: a\n    text: жа*\n", `f.yaml:5:11: phrase text "жа*": "жа*": a prefix is one word of at least 3 letters`},
		{"  - id: a\n    text: нет ^\n", `f.yaml:5:15: phrase text "нет ^": ^ (start of an utterance) must come first`},
		{"  - id: a\n    text: x\n    variants: [y, 'а $ б']\n", `f.yaml:6:22: variant "а $ б": $ (end of an utterance) must come last`},
		{"  - id: a\n    text: x\n    exclude: [y BEFORE:2]\n", `f.yaml:6:17: exclusion "y BEFORE:2": BEFORE:2 needs words on both sides`},
		{"  - id: a\n    text: x\n    window: {middle: 30s}\n", `f.yaml:6:14: window edge "middle" is not first or last`},
		{"  - id: a\n    text: x\n    window: {first: 0}\n", `f.yaml:6:21: window first: the length must be more than 0`},
		{"  - id: a\n    text: x\n    window: {last: 120%}\n", `f.yaml:6:20: window last: a percent must be more than 0 and at most 100`},
		{"  - id: a\n    text: x\n    window: {last: soon}\n", `f.yaml:6:20: window last: "soon" is not a length`},
		{"  - id: a\n    text: x\n    window: 30s\n", `f.yaml:6:13: window must be {first: N} or {last: N}`},
		{"  - id: a\n    text: x\n    min_count: 0\n", `f.yaml:6:16: min_count must be a whole number from 1 to 100`},
		{"  - id: a\n    text: x\n    exact: maybe\n", `f.yaml:6:12: exact must be true or false`},
	}
	for _, tt := range tests {
		_, err := Parse("f.yaml", []byte("category: c\nlanguage: ru\nphrases:\n"+tt.doc))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q:\n got %v\nwant %s", tt.doc, err, tt.want)
		}
	}
}

func TestNearChain(t *testing.T) {
	tests := []struct{ phrase, text, want string }{
		{"здравствуйте NEAR:6 компания NEAR:6 меня зовут", "Компания Ромашка, меня зовут Анна, здравствуйте", "p[0:6]"},
		{"здравствуйте NEAR:6 компания NEAR:6 меня зовут", "здравствуйте, компания Ромашка, меня зовут Анна", "p[0:5]"},
		{"здравствуйте NEAR:6 компания NEAR:6 меня зовут", "здравствуйте, компания Ромашка", ""},
		{"жалоба NEAR:3 жалоба", "жалоба", ""},
		{"жалоба NEAR:3 жалоба", "жалоба и ещё жалоба", "p[0:4]"},
		{"а BEFORE:3 б BEFORE:3 в", "а б в", "p[0:3]"},
		{"а BEFORE:3 б BEFORE:3 в", "а в б", ""},
	}
	for _, tt := range tests {
		m := compileOne(t, "ru", "  - id: p\n    text: '"+tt.phrase+"'\n")
		if got := render(m.Match(nil, "ru", "client", text.Tokenize(tt.text))); got != tt.want {
			t.Errorf("%q in %q: got %q, want %q", tt.phrase, tt.text, got, tt.want)
		}
	}
}
