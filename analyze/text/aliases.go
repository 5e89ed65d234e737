package text

// The alias tables mend the places where Snowball splits one word into
// two stems, so that a phrase written in one form matches the others as an
// analyst expects. docs/dictionaries.md lists them for analysts. Keep them
// small and certain: an alias applies to every dictionary and every call.
//
// Word entries give the stem of a whole word form and win over the
// stemmer: they are for forms whose Snowball stem is shared with an
// unrelated word («пожалуюсь» and «пожалуй» both stem to «пожал»), where a
// stem alias would join the unrelated word too. Stem entries map one
// Snowball stem to another.

// aliasesVersion changes whenever a table below changes what matches.
const aliasesVersion = "1"

var ruWordStems = merge(wordStems("пожалова",
	// пожаловаться: the future and imperative lose "ова".
	"пожалуюсь", "пожалуешься", "пожалуется", "пожалуемся", "пожалуетесь", "пожалуются", "пожалуйтесь",
), wordStems("жалова",
	// жаловаться: the present lose "ова"; «жаль», «жало» keep «жал».
	"жалуюсь", "жалуешься", "жалуется", "жалуемся", "жалуетесь", "жалуются", "жалуйтесь", "жалуясь",
))

var ruStemAliases = map[string]string{
	"перезванива": "перезвон",  // перезваниваю, перезванивать → перезвонить
	"дозванива":   "дозвон",    // дозваниваюсь → дозвониться
	"звонк":       "звонок",    // звонка, звонки, звонков → звонок
	"недовольн":   "недовол",   // недовольна, недовольны → недоволен
	"довольн":     "довол",     // довольна, довольны → доволен
	"извиня":      "извин",     // извиняюсь, извиняемся → извините
	"устраива":    "устро",     // устраивает → устроит
	"уйд":         "уйт",       // уйду → уйти
	"перейд":      "перейт",    // перейду → перейти
	"перехож":     "перейт",    // перехожу → перейти
	"соедин":      "соединя",   // соединю → соединяю
	"переключ":    "переключа", // переключу → переключаю
	"расторгнут":  "расторгн",  // расторгнуть → расторгну
}

var enWordStems = merge(wordStems("tell", "told"), wordStems("say", "said"),
	wordStems("speak", "spoke", "spoken"), wordStems("go", "went", "gone"),
	wordStems("pay", "paid"), wordStems("send", "sent"), wordStems("come", "came"))

var enStemAliases = map[string]string{
	"complain": "complaint", // complain, complained, complaining → complaint
}

func wordStems(stem string, forms ...string) map[string]string {
	m := map[string]string{}
	for _, f := range forms {
		m[f] = stem
	}
	return m
}

func merge(tables ...map[string]string) map[string]string {
	m := map[string]string{}
	for _, t := range tables {
		for k, v := range t {
			m[k] = v
		}
	}
	return m
}
