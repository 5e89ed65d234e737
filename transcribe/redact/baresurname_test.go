package redact

import (
	"testing"
)

// TestSegmentMayBareSurname: a surname said alone after «на», «у», «от»,
// «для», «передайте» loads its segment with no other trigger word (causes
// block OS), as text and as a recognizer's words; the same words before a
// word of no surname's ending do not.
func TestSegmentMayBareSurname(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"справку выдали на мельникову а не на меня", true},
		{"документы у шевченко остались", true},
		{"пакет для тарасова собран", true},
		{"передайте сорокину что анализы пришли", true},
		{"это королёва у нас", false},
		{"поставьте машину на стоянку у окна", false},
		{"это от налоговой письмо", false},
		{"передайте привет", false},
		{"мне звонил какой-то захаров из банка", true},
		{"мне звонил какой то захаров из банка", false}, // «то» apart loads nothing (prepWords)
		{"деньги ушли некой гусейновой", true},
		{"какой-то странный звонок", false},
		{"что то непонятное", false},
	} {
		checkTextAndWords(t, "segmentMay", segmentMay, c.text, c.want)
	}
}

// TestBareSurnameCases: a surname in «-ов», «-ев», «-ин» in the case its
// word asks for, said alone, on either channel; common nouns of those
// endings, a street, a town, a doctor one is booked with, kept.
func TestBareSurnameCases(t *testing.T) {
	checkTexts(t, []textCase{
		{"client", "справку выдали на мельникову а не на меня", "справку выдали на [name] а не на меня"},
		{"operator", "вижу заказ на клименко выдаём", "вижу заказ на [name] выдаём"},
		{"client", "это у рахимова карта другого банка", "это у [name] карта другого банка"},
		{"client", "перевод от халилова рустама не пришёл", "перевод от [name] не пришёл"},
		{"client", "передайте сорокину что анализы пришли", "передайте [name] что анализы пришли"},
		{"client", "поставьте машину на стоянку у магазина", ""},
		{"client", "для логина и пароля", ""},
		{"client", "остановка на пушкина", ""},
		{"client", "мы от тарасова до москвы ехали", ""},
		{"client", "я записан у терентьева", ""},
		{"client", "на кирова 15 квартира 3", "на [address]"},
		{"client", "мне звонил какой-то захаров из банка", "мне звонил какой-то [name] из банка"},
		{"client", "мне звонил какой то захаров номер 8 916 204 33 17", "мне звонил какой то [name] номер [phone]"},
		{"client", "какой-то гражданин звонил", ""},
		{"client", "какой-то магазин открылся", ""},
		{"client", "письмо из какой-то налоговой", ""},
	})
}
