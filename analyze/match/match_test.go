package match

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/callscope/callscope/analyze/text"
)

const testDict = `category: complaint
language: ru
channel: client
exclude: [жалоб нет, претензий нет, никаких претензий]
phrases:
  - id: zhaloba
    text: Жалоба
  - id: pozhaluyus
    text: пожалуюсь
    variants: [пожаловаться]
    exact: true
  - id: uzhas
    text: ужасное обслуживание
    channel: any
  - id: plokho
    text: плохо
    exclude: [не плохо]
`

const testDict2 = `category: incompetence
language: ru
channel: operator
phrases:
  - id: ne_znayu
    text: не знаю
  - id: ya_ne_znayu
    text: я не знаю
    weight: 2
  - id: kogo_nibud
    text: уточните у кого-нибудь ещё
`

func compileYAML(t *testing.T, docs ...string) *Matcher {
	t.Helper()
	set := &Set{}
	for i, doc := range docs {
		d, err := Parse(fmt.Sprintf("test%d.yaml", i), []byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		set.Dictionaries = append(set.Dictionaries, d)
	}
	m, err := Compile(set)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// render lists hits as "id[start:end]" for compact expectations.
func render(hits []Hit) string {
	var parts []string
	for _, h := range hits {
		parts = append(parts, fmt.Sprintf("%s[%d:%d]", h.PhraseID, h.Start, h.End))
	}
	return strings.Join(parts, " ")
}

func TestMatch(t *testing.T) {
	m := compileYAML(t, testDict, testDict2)
	tests := []struct {
		name, role, text, want string
	}{
		{"nominative", "client", "это жалоба", "zhaloba[1:2]"},
		{"accusative", "client", "хочу оставить жалобу", "zhaloba[2:3]"},
		{"genitive plural", "client", "у меня много жалоб", "zhaloba[3:4]"},
		{"instrumental", "client", "я с жалобой", "zhaloba[2:3]"},
		{"case and punctuation", "client", "ЖАЛОБА!!! Срочно.", "zhaloba[0:1]"},
		{"two words inflected", "client", "ужасным обслуживанием", "uzhas[0:2]"},
		{"yo folded", "operator", "уточните у кого-нибудь ещё", "kogo_nibud[0:5]"},
		{"e for yo", "operator", "Уточните, у кого нибудь еще!", "kogo_nibud[0:5]"},
		{"exact form", "client", "я пожалуюсь", "pozhaluyus[1:2]"},
		{"exact variant", "client", "хочу пожаловаться", "pozhaluyus[1:2]"},
		{"exact rejects same stem", "client", "пожалуй, нет", ""},
		{"exclusion overlapping", "client", "жалоб нет, всё хорошо", ""},
		{"exclusion elsewhere does not cancel", "client", "претензий нет но вот жалоба", "zhaloba[4:5]"},
		{"category exclusion", "client", "никаких претензий", ""},
		{"phrase exclusion", "client", "в целом не плохо", ""},
		{"phrase exclusion only its phrase", "client", "плохо", "plokho[0:1]"},
		{"client phrase not on operator", "operator", "это жалоба", ""},
		{"any phrase on operator", "operator", "ужасное обслуживание", "uzhas[0:2]"},
		{"operator phrase not on client", "client", "я не знаю", ""},
		{"longest wins in category", "operator", "я не знаю", "ya_ne_znayu[0:3]"},
		{"shorter when longer absent", "operator", "ну не знаю", "ne_znayu[1:3]"},
		{"mixed matches all", "mixed", "я не знаю, это жалоба", "ya_ne_znayu[0:3] zhaloba[4:5]"},
		{"unknown speaker any only", "", "это жалоба, ужасное обслуживание", "uzhas[2:4]"},
		{"words must be adjacent", "operator", "не очень знаю", ""},
		{"repeated hits", "client", "жалоба, ещё жалоба", "zhaloba[0:1] zhaloba[2:3]"},
		{"empty", "client", "", ""},
		{"no dictionary words", "client", "спасибо, до свидания", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(m.Match(nil, "ru", tt.role, text.Tokenize(tt.text)))
			if got != tt.want {
				t.Errorf("Match(%q, %q) = %q, want %q", tt.role, tt.text, got, tt.want)
			}
		})
	}
}

func TestMatchUnknownLanguage(t *testing.T) {
	m := compileYAML(t, testDict)
	if got := m.Match(nil, "en", "client", text.Tokenize("complaint")); len(got) != 0 {
		t.Errorf("got %v hits for a language without dictionaries", got)
	}
}

// TestBuiltin checks every built-in dictionary on sentences it must flag and
// on sentences it must not: the false positives an analyst would complain
// about. want lists "category/phrase" of every hit, in order; cats, when
// set, limits the check to those categories.
func TestBuiltin(t *testing.T) {
	m := builtinMatcher(t)
	tests := []struct {
		lang, role, text, want string
		cats                   string
	}{
		// complaint
		{"ru", "client", "Я хочу оставить жалобу на вашего сотрудника", "complaint/zhaloba", ""},
		{"ru", "client", "Жалоб нет, всё хорошо", "", ""},
		{"ru", "client", "претензий нет, спасибо", "", ""},
		{"ru", "client", "у меня к вам претензия", "complaint/pretenziya", ""},
		{"ru", "client", "я на вас пожалуюсь", "complaint/zhalovatsya", ""},
		{"ru", "client", "хочу пожаловаться", "complaint/zhalovatsya", ""},
		{"ru", "client", "она пожаловалась начальству", "complaint/zhalovatsya", ""},
		{"ru", "client", "да я не жалуюсь", "", ""},
		{"ru", "client", "мне не на что жаловаться", "", ""},
		{"ru", "client", "пожалуй, подключу этот тариф", "", ""},
		{"ru", "client", "Будьте добры, пожалуйста", "", ""},
		{"ru", "client", "Я очень недовольна вашим сервисом", "complaint/nedovolen", ""},
		{"ru", "client", "Позовите руководителя!", "complaint/rukovoditel", ""},
		{"ru", "client", "к вам невозможно дозвониться", "complaint/ne_dozvonitsya", ""},
		{"ru", "operator", "Я понимаю, что вы недовольны", "", "complaint"},
		{"ru", "client", "сколько можно заказать каналов?", "", ""},
		{"ru", "client", "сколько можно ждать мастера!", "complaint/skolko_mozhno", ""},
		{"ru", "client", "как вернуть деньги за неиспользованный период", "", ""},
		{"en", "client", "I want to file a complaint", "complaint/complaint", ""},
		{"en", "client", "I complained last month", "complaint/complaint", "complaint"},
		{"en", "client", "no complaints, thanks", "", ""},
		{"en", "client", "I can't complain", "", ""},
		// repeat_contact
		{"ru", "client", "Я вам уже звонил на прошлой неделе", "repeat_contact/uzhe_zvonil", ""},
		{"ru", "client", "Я уже звонил по этому поводу", "repeat_contact/uzhe_zvonil", ""},
		{"ru", "client", "звоню вам уже в третий раз", "repeat_contact/uzhe_zvonil", ""},
		{"ru", "client", "звоню в 3-й раз", "repeat_contact/nth_raz", ""},
		{"ru", "client", "звоню уже 3 раз", "repeat_contact/nth_raz", ""},
		{"ru", "client", "это пятый звонок", "repeat_contact/nth_raz", ""},
		// A fault that recurs is not a repeat contact (testdata/labelled/README.md).
		{"ru", "client", "интернет опять не работает", "", "repeat_contact"},
		// «так и не перезвонили», «сколько раз вам звонить?» are dissatisfaction too.
		{"ru", "client", "мне так и не перезвонили", "complaint/obvinenie repeat_contact/tak_i_ne", ""},
		{"ru", "client", "у меня есть номер заявки", "repeat_contact/nomer_zayavki", ""},
		{"ru", "client", "Здравствуйте, хочу подключить интернет", "", ""},
		{"ru", "client", "сколько раз в месяц можно менять тариф?", "", ""},
		{"ru", "client", "сколько раз вам звонить?", "complaint/kotoryy_raz repeat_contact/skolko_raz", ""},
		{"ru", "client", "мне три раза обещали", "", "repeat_contact"},
		{"en", "client", "this is the third time I'm calling", "repeat_contact/nth_time", ""},
		{"en", "client", "this is the 3rd time I'm calling", "repeat_contact/nth_time", ""},
		// A fault that recurs is not a repeat contact.
		{"en", "client", "it's the 3rd time this month it broke", "", "repeat_contact"},
		// incompetence
		{"ru", "operator", "Я не знаю, когда это починят", "incompetence/ne_znayu", ""},
		{"ru", "operator", "Не знаю, сейчас уточню у коллег", "", ""},
		{"ru", "operator", "я не знаю ваш номер договора, продиктуйте", "", ""},
		{"ru", "client", "я не знаю, что случилось", "", ""},
		{"ru", "operator", "это не ко мне, уточните у кого-нибудь ещё", "incompetence/ne_ko_mne refusal/ne_ko_mne incompetence/utochnite_u_drugikh", ""},
		{"ru", "operator", "мы этим не занимаемся", "refusal/ne_zanimayus incompetence/ne_zanimayus", ""},
		{"ru", "operator", "не уверен, что правильно вас понял", "", "incompetence"},
		{"ru", "operator", "понятия не имею", "incompetence/ponyatiya_ne_imeyu", ""},
		{"en", "operator", "I don't know, sorry", "incompetence/dont_know apology/sorry", ""},
		{"en", "operator", "I don't know, let me check", "", "incompetence"},
		{"en", "client", "I don't know my account number", "", ""},
		// greeting (windows are MatchCall's; Match sees the words only)
		{"ru", "operator", "Здравствуйте, компания Ромашка, меня зовут Анна", "greeting/full", ""},
		{"ru", "operator", "Ромашка, здравствуйте, меня зовут Анна", "greeting/with_name", ""},
		{"ru", "operator", "Добрый день, слушаю вас", "", ""},
		{"ru", "client", "Здравствуйте, меня зовут Пётр", "", "greeting"},
		{"en", "operator", "Thank you for calling Acme, my name is Ann", "greeting/full", "greeting"},
		// farewell
		{"ru", "operator", "Спасибо за звонок, всего доброго!", "politeness/spasibo farewell/goodbye", ""},
		{"ru", "operator", "До свидания", "farewell/goodbye", ""},
		{"ru", "operator", "Обращайтесь, всего доброго", "farewell/goodbye", ""},
		{"ru", "mixed", "Я уже обращалась на прошлой неделе", "repeat_contact/uzhe_zvonil", ""},
		{"en", "operator", "Have a nice day, goodbye", "farewell/wish farewell/goodbye", ""},
		// politeness
		{"ru", "operator", "Будьте добры, продиктуйте номер, пожалуйста", "politeness/bud_te_dobry politeness/pozhaluysta", ""},
		{"ru", "operator", "пожалуй, это всё", "", ""},
		// apology
		{"ru", "operator", "Извините за неудобства", "apology/izvinite", ""},
		{"ru", "operator", "извиняюсь, я ошибся", "apology/izvinite", ""},
		{"ru", "operator", "Приношу извинения за задержку", "apology/proshu_proshcheniya", ""},
		{"ru", "operator", "это просто настройка роутера", "", ""},
		{"ru", "operator", "простите, не расслышал", "apology/izvinite", ""},
		// hold_announcement
		{"ru", "operator", "Оставайтесь на линии, я уточню", "hold_announcement/ostavaytes_na_linii", "hold_announcement"},
		{"ru", "operator", "Одну минуту", "hold_announcement/podozhdite", ""},
		{"ru", "operator", "1 минуту, пожалуйста", "hold_announcement/podozhdite politeness/pozhaluysta", ""},
		{"ru", "operator", "мне нужно две минуты", "hold_announcement/podozhdite", ""},
		{"ru", "operator", "Спасибо за ожидание", "hold_announcement/spasibo_za_ozhidanie politeness/spasibo", ""},
		{"ru", "operator", "подождите, я не договорил", "", "hold_announcement"},
		{"en", "operator", "Please hold, one moment", "hold_announcement/stay_on_line hold_announcement/one_moment", "hold_announcement"},
		// next_steps
		{"ru", "operator", "Мы вам перезвоним в течение часа", "next_steps/perezvonim next_steps/srok", ""},
		{"ru", "operator", "перезваниваю вам по заявке", "next_steps/perezvonim", ""},
		{"ru", "operator", "мастер придёт в течение двух рабочих дней", "next_steps/master_priedet next_steps/srok", ""},
		{"ru", "operator", "в течение 3 дней", "next_steps/srok", ""},
		{"ru", "operator", "Заявка оформлена, вам придёт СМС", "next_steps/zayavka_oformlena next_steps/pridet_sms", ""},
		{"ru", "client", "вы мне перезвоните?", "", "next_steps"},
		{"en", "operator", "We'll call you back within two days", "next_steps/call_back next_steps/time_frame", ""},
		{"en", "operator", "within 2 business days", "next_steps/time_frame", ""},
		// solution_confirmed
		{"ru", "operator", "Вас устраивает такое решение?", "solution_confirmed/ustraivaet_reshenie", ""},
		{"ru", "operator", "Вас устроит?", "solution_confirmed/ustraivaet_reshenie", ""},
		{"ru", "operator", "Удовлетворяет ли вас это решение?", "solution_confirmed/ustraivaet_reshenie", ""},
		{"ru", "client", "меня не устраивает", "", "solution_confirmed"},
		{"en", "operator", "Does that work for you?", "solution_confirmed/solution_ok", ""},
		// clarifying
		{"ru", "operator", "Если я вас правильно понял, роутер не включается, верно?", "clarifying/pravilno_ponyal clarifying/verno", ""},
		{"ru", "operator", "Где конкретно пропадает связь?", "clarifying/konkretno", ""},
		{"ru", "operator", "это верно для всех тарифов", "", "clarifying"},
		{"ru", "operator", "уточните, пожалуйста, адрес", "clarifying/davayte_utochnim politeness/pozhaluysta", ""},
		{"ru", "operator", "уточните у кого-нибудь ещё", "", "clarifying"},
		{"en", "operator", "If I understand you correctly, the router is off, is that right?", "clarifying/if_i_understand clarifying/right", ""},
		{"en", "operator", "All right", "", "clarifying"},
		// refusal
		{"ru", "operator", "Нет.", "refusal/bare_net", ""},
		{"ru", "operator", "Нет, нельзя.", "refusal/bare_net", ""},
		{"ru", "operator", "Нет, но могу предложить другой тариф", "", "refusal"},
		{"ru", "operator", "у вас нет задолженности", "", "refusal"},
		{"ru", "operator", "Мы не можем вернуть деньги", "refusal/ne_mozhem", ""},
		{"ru", "operator", "мы не можем, но вы можете подать заявление", "", "refusal"},
		{"ru", "operator", "не можем до вас дозвониться третий день", "", "refusal"},
		{"ru", "client", "нет", "", "refusal"},
		{"en", "operator", "No.", "refusal/bare_no", ""},
		{"en", "operator", "No, but I can offer a discount", "", "refusal"},
		// churn_threat
		{"ru", "client", "Я уйду к конкурентам", "churn_threat/uydu", ""},
		{"ru", "client", "хочу расторгнуть договор", "churn_threat/rastorgnu", ""},
		{"ru", "client", "я расторгну договор", "churn_threat/rastorgnu", ""},
		{"ru", "client", "отключите меня", "churn_threat/otkazhus", ""},
		{"ru", "client", "я не собираюсь уходить к конкурентам", "", ""},
		{"ru", "operator", "расторгнуть договор можно в офисе", "", "churn_threat"},
		{"en", "client", "I'll cancel my contract", "churn_threat/cancel", ""},
		// profanity
		{"ru", "client", "да это пиздец какой-то", "profanity/mat", ""},
		{"ru", "operator", "Блин, хрен его знает", "profanity/grubost", "profanity"},
		{"ru", "client", "у меня собака, сука, лает", "profanity/mat", ""},
		{"ru", "client", "хулиганы сломали щиток", "", ""},
		{"ru", "client", "у охранника бляха на ремне", "", ""},
		{"ru", "client", "бля, опять не работает", "profanity/mat", "profanity"},
		{"ru", "client", "блядь", "profanity/mat", ""},
		{"en", "client", "this fucking router", "profanity/swearing", ""},
		{"en", "client", "a shitake mushroom", "", ""},
		// filler_words (min_count is MatchCall's)
		{"ru", "operator", "ну, как бы, типа, короче", "filler_words/nu filler_words/kak_by filler_words/tipa filler_words/koroche", ""},
		{"ru", "operator", "Какого типа договор?", "", "filler_words"},
		{"ru", "operator", "как бы вы хотели оплатить?", "", "filler_words"},
		{"ru", "operator", "э-э, сейчас", "filler_words/mychanie filler_words/mychanie", ""},
		{"en", "operator", "um, like, you know", "filler_words/um filler_words/like filler_words/you_know", ""},
		{"en", "operator", "would you like a receipt? Do you know your PIN?", "", "filler_words"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.text, func(t *testing.T) {
			var got []string
			for _, h := range m.Match(nil, tt.lang, tt.role, text.Tokenize(tt.text)) {
				if tt.cats == "" || slices.Contains(strings.Split(tt.cats, ","), h.Category) {
					got = append(got, h.Category+"/"+h.PhraseID)
				}
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("%s %s %q: got %q, want %q", tt.lang, tt.role, tt.text, g, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string // substrings, each of one error line
	}{
		{"unknown field", "category: complaint\nlanguage: ru\nphrases:\n  - id: a\n    text: жалоба\n    exlude: [x]\n",
			[]string{`f.yaml:6:5: unknown field "exlude" in a phrase`}},
		{"bad channel", "category: complaint\nlanguage: ru\nchannel: клиент\nphrases:\n  - {id: a, text: жалоба}\n",
			[]string{`f.yaml:3:10: channel "клиент" is not one of operator, client, any`}},
		{"missing text and duplicate id", "category: complaint\nlanguage: ru\nphrases:\n  - id: a\n    text: жалоба\n  - id: a\n    text: претензия\n  - id: b\n",
			[]string{`f.yaml:6:5: phrase id "a" is already used at line 4`, `f.yaml:8:5: phrase is missing field "text"`}},
		{"missing fields", "description: x\n", []string{`f.yaml:1:1: missing field "category"`, `f.yaml:1:1: missing field "language"`, `f.yaml:1:1: missing field "phrases"`}},
		{"bad category", "category: Жалобы\nlanguage: ru\nphrases:\n  - {id: a, text: x}\n", []string{`f.yaml:1:11: category "Жалобы" must be lower-case latin`}},
		{"no words", "category: c\nlanguage: ru\nphrases:\n  - id: a\n    text: '!!!'\n", []string{`f.yaml:5:11: phrase text "!!!" has no words`}},
		{"bad weight", "category: c\nlanguage: ru\nphrases:\n  - id: a\n    text: x\n    weight: -1\n", []string{`f.yaml:6:13: weight must be a number of 0 or more`}},
		{"bad window", "category: c\nlanguage: ru\nexclude_window: many\nphrases:\n  - {id: a, text: x}\n", []string{`f.yaml:3:17: exclude_window must be a whole number`}},
		{"phrases not a list", "category: c\nlanguage: ru\nphrases: жалоба\n", []string{`f.yaml:3:10: phrases must be a list`}},
		{"not yaml", "category: [\n", []string{`f.yaml:`, `not valid YAML`}},
		{"empty", "", []string{`f.yaml:1:1: file is empty`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.yaml", []byte(tt.doc))
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
			var pe *PosError
			if !errors.As(err, &pe) {
				t.Errorf("error %v holds no *PosError", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\nlacks %q", err, w)
				}
			}
		})
	}
}

func TestLoadDirErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, doc string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ru/a.yaml", "category: complaint\nlanguage: ru\nphrases:\n  - {id: a, text: жалоба}\n")
	write("ru/b.yaml", "category: complaint\nlanguage: ru\nphrases:\n  - {id: b, text: претензия}\n")
	write("ru/c.yaml", "category: other\nlanguage: en\nphrases:\n  - {id: c, text: x}\n")
	_, err := LoadDir(dir)
	for _, w := range []string{
		filepath.Join(dir, "ru/b.yaml") + `:1:1: category "complaint" (ru) is already defined in ` + filepath.Join(dir, "ru/a.yaml"),
		filepath.Join(dir, "ru/c.yaml") + `:1:1: language "en" differs from the folder "ru"`,
	} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("LoadDir error %v lacks %q", err, w)
		}
	}
	if _, err := LoadDir(t.TempDir()); !errors.Is(err, ErrNoDictionaries) {
		t.Errorf("empty dir: got %v, want ErrNoDictionaries", err)
	}
	if _, err := LoadDir(filepath.Join(dir, "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing dir: got %v, want not exist", err)
	}
}

func TestCompileDuplicatePhrases(t *testing.T) {
	d, err := Parse("d.yaml", []byte("category: c\nlanguage: ru\nphrases:\n  - id: a\n    text: жалоба\n    variants: [жалобу]\n  - id: b\n    text: жалобы\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Compile(&Set{Dictionaries: []Dictionary{d}})
	want := `d.yaml:8:11: phrase b "жалобы" has the same words as "жалоба" (line 5) after stemming`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Compile error %v lacks %q", err, want)
	}
}

func TestVersion(t *testing.T) {
	a := compileYAML(t, testDict, testDict2)
	b := compileYAML(t, testDict2, "# a comment changes nothing\n"+testDict)
	if a.Version() != b.Version() {
		t.Errorf("same content, order and comments aside: %s != %s", a.Version(), b.Version())
	}
	if !strings.HasPrefix(a.Version(), "sha256:") || len(a.Version()) != len("sha256:")+16 {
		t.Errorf("version %q not sha256:<16 hex>", a.Version())
	}
	c := compileYAML(t, strings.Replace(testDict, "плохо", "скверно", 1), testDict2)
	if a.Version() == c.Version() {
		t.Error("a changed phrase kept the version")
	}
}

// TestCategories: the categories of a folder are read from each file's
// category alone: a synonyms file has none, a category of two languages is
// listed once, a file whose phrases are wrong still names its category
// (dict validate reports the phrases), and one that is not YAML is passed
// over.
func TestCategories(t *testing.T) {
	dir := t.TempDir()
	for name, doc := range map[string]string{
		"ru/complaint.yaml": "category: complaint\nlanguage: ru\nphrases:\n  - {id: a, text: жалоба}\n",
		"en/complaint.yaml": "category: complaint\nlanguage: en\nphrases:\n  - {id: a, text: complaint}\n",
		"ru/synonyms.yaml":  "language: ru\nsynonyms:\n  leave: [уйду]\n",
		"ru/broken.yaml":    "category: broken_phrases\nlanguage: ru\nphrases:\n  - {id: a, text: \"а NEAR:x б\"}\n",
		"ru/notyaml.yaml":   "category: [\n",
		"ru/greeting.yml":   "category: greeting\nlanguage: ru\nphrases:\n  - {id: a, text: здравствуйте}\n",
	} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		dir, want string
	}{
		{dir, "broken_phrases complaint greeting"},
		{"", builtinCategories(t)},
	} {
		got, err := Categories(tc.dir)
		if err != nil {
			t.Fatalf("Categories(%q): %v", tc.dir, err)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("Categories(%q) = %v, want %s", tc.dir, got, tc.want)
		}
	}
	if _, err := Categories(filepath.Join(dir, "nothing")); err == nil {
		t.Error("a folder that does not exist: no error")
	}
}

// builtinCategories are the categories of the built-in set as LoadFS reads
// it, each once.
func builtinCategories(t *testing.T) string {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var cats []string
	for _, d := range set.Dictionaries {
		cats = append(cats, d.Category)
	}
	if len(cats) == 0 {
		t.Fatal("the built-in set has no dictionary")
	}
	slices.Sort(cats)
	return strings.Join(slices.Compact(cats), " ")
}
