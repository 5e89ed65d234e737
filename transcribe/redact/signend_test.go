package redact

import (
	"strings"
	"testing"
)

// TestSignAfterChannelEnd: every prefix of the examples of session 18's
// rules, with a percent or a rouble sign written right after its last
// word (the token's sym: quantityAfter takes it for a unit after the
// number), said by either side as a channel's last words or before an
// empty segment, is redacted with no error: a rule that asks
// quantityAfter of the token after a number must not read that token
// when the channel ends there («квартира тридцать восемь%» made houseRun
// read past the channel's last token, and the redactor failed closed,
// the whole channel masked).
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
		"паспорт 7815 063442 в профиле стоит 7815 063424",
		"звонил какой то иванов",
	} {
		words := strings.Fields(example)
		for n := 1; n <= len(words); n++ {
			for _, sign := range []string{"%", "₽"} {
				text := strings.Join(words[:n], " ") + sign
				for _, lines := range [][]string{
					{"o: назовите адрес и срок действия карты", "c: " + text},
					{"c: как записать", "o: " + text},
					{"c: " + text, "c: ", "o: да"},
				} {
					if _, _, err := r.Transcript(call(lines...)); err != nil {
						t.Errorf("%q: %v", lines, err)
					}
				}
			}
		}
	}
}
