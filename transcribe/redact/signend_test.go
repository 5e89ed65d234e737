package redact

import (
	"slices"
	"strings"
	"testing"
)

// TestSignAfterChannelEnd: the examples of session 18's rules, cut into
// two sentences after each word, with a percent or a rouble sign written
// right after one of their words (the token's sym: quantityAfter takes it
// for a unit after the number), the two said by one side, by both, or
// with an empty segment between, are redacted with no error. quantityAfter
// is true past a channel's last token when that token has a sign, and a
// rule that asks it of the token after a number must not read that token
// there: «квартира тридцать восемь%» made houseRun read past the channel's
// end, «... ещё 94» — «02%» readZone, «карта 4377%» — «3956 1214 ...»
// piecesReadBack; each time the redactor failed closed (the whole channel
// masked).
func TestSignAfterChannelEnd(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, example := range []string{
		"карта 4377 3956 1214 3116 срок 03 29 и 905",
		"срок ноль три двадцать девять и девятьсот пять",
		"карта 4377 3956 1214 3116 07 29 и 328",
		"птс 77 эр ха 0 0 4 5 6 1 2",
		"по водительскому 99 06 731 842",
		"номер стс 9954 771 212 код подтверждения 6623",
		"код 1 2 3 4 и сразу за ним ещё 94 02",
		"код 3 8 1 2 и потом ещё два раза приходил",
		"четыреста сорок четыре уже сказала",
		"я написала девятьсот один и карту",
		"триста уже отдала",
		"улица ленина дом 5 квартира тридцать восемь метров",
		"дом шестьдесят пятого года постройки",
		"оценку квартиры четыре тысячи пятьсот",
		"площадь пятьдесят четыре квадрата",
		"получатель рустам ахмедович а всё совпадает",
		"а имя андрей николаевич у",
		"паспорт 80 12 114 306 в заявке было 80 12 114 360",
		"звонил какой то иванов",
	} {
		words := strings.Fields(example)
		for cut := 1; cut <= len(words); cut++ {
			for signAt := range words {
				for _, sign := range []string{"%", "₽"} {
					w := slices.Clone(words)
					w[signAt] += sign
					a, b := strings.Join(w[:cut], " "), strings.Join(w[cut:], " ")
					for _, lines := range [][]string{
						{"o: назовите адрес и срок действия карты", "c: " + a, "c: " + b},
						{"c: как записать", "o: " + a, "o: " + b},
						{"c: " + a, "o: " + b},
						{"c: " + a, "c: ", "c: " + b},
					} {
						if _, _, err := r.Transcript(call(lines...)); err != nil {
							t.Errorf("%q: %v", lines, err)
						}
					}
				}
			}
		}
	}
}
