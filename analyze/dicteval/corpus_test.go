package dicteval_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/callscope/callscope/analyze/dicteval"
)

// minimum is the floor the built-in dictionaries must keep on the labelled
// corpus (testdata/labelled), per language and part, for precision and
// recall of every category. The held-out part was not looked at while the
// dictionaries were tuned; its floors are what it scored, not a target.
var minimum = map[string]float64{
	"ru/dev":     0.98, // reached: complaint precision 0.986 (ru-0140 «я писала в чат и мне никто не ответил», the complaint model's in-sample false flag, p 0.61: gone with the neutral calls, back with blind5 in training and the shorter window, docs/models.md), the rest 1.000 (178 calls)
	"ru/heldout": 1.00, // reached: 1.000 for every category (114 calls); blind first measurement: 0.870 (testdata/labelled/README.md)
	"en/dev":     0.88, // session 18 (i16c18): the en complaint model retrained on the twenty-six hand-written parts (blind20-26 too; still not on dev) flags en-0037 and en-0054 in-sample (p 0.64, 0.68: conditional threats the generator labels no complaint; held out it flagged them and en-0013 too) but no longer en-0027: complaint precision 0.917 -> 0.880, the lowest; held out over twenty-eight authors the model gains (docs/models.md). Before: reached: complaint precision 0.917 (en-0013, and en-0054 «if this isn't sorted by …», a conditional threat the generator labels no complaint, with the nineteen-author model from 0.6; 0.957 with en-0013 alone before it; 0.917 with en-0055 too before the retraining with blind13, 0.880 with en-0037 as well earlier: calm reports of a fault that came back, which the generator labels no complaint; the en complaint model, back since the twelve-author verdict by the author rule, learns from the hand-written parts only and flags them, docs/models.md), the rest 1.000 (53 calls)
	"en/heldout": 1.00, // reached: 1.000 on 23 calls
	// The second author's calls (testdata/labelled/README.md): measured
	// blind once (ru macro F1 0.887, en 0.819), then tuned on, so these
	// floors are no longer blind figures.
	"ru/blind": 1.00, // reached: 1.000 for every category (100 calls)
	"en/blind": 0.90, // reached: repeat_contact precision 0.900 (30 calls; one debatable label, eb-0010), the rest 1.000
	// The third author's calls: measured blind once by the lead at c138ec4
	// (ru macro F1 0.901, en 0.874), then tuned on.
	"ru/blind2": 1.00, // reached: 1.000 for every category (100 calls)
	"en/blind2": 1.00, // reached: 1.000 for every category (30 calls)
	// The fourth author's calls (helper b3): measured blind once by the
	// lead at 00ad57c (ru macro F1 0.846: complaint recall 0.386,
	// churn_threat recall 0.478; en 0.832: churn_threat recall 0.286), then
	// tuned on.
	"en/blind3": 1.00, // reached: 1.000 for every category (35 calls)
	"ru/blind3": 0.93, // reached: greeting precision 0.983, repeat_contact precision 0.933 (outbound calls: «это служба доставки» naming no company, «вы и в прошлый раз вносили отметку»), complaint precision 0.978 (rb3-0086: the complaint model's, docs/models.md), churn_threat precision 0.957 (rb3-0056, the churn model's, p 0.71); the rest 1.000
	// The fifth author's calls (helper b4): measured blind by the lead at
	// 00ad57c, d6b0df5 and 3344fd1 (ru macro F1 0.873, 0.902, 0.934 with the
	// models; en 0.909, 0.909, 0.941; testdata/labelled/README.md), never
	// tuned on by the phrase lists, then added to the models' training;
	// then tuned on by the phrase lists (i16: repeat_contact recall 0.759
	// -> 1.000 with the families of an earlier written contact).
	"ru/blind4": 0.97, // session 19 (i16q19): churn_threat recall 0.955 -> 1.000 (rb4-0032 «удаляю вас», a form of deleting the app), the lowest now complaint recall 0.978. Before: reached: churn_threat recall 0.909 (rb4-0032, rb4-0094: the phrases alone miss them, and the churn model flags from 0.85 since the worst-author rule, docs/models.md), the rest 0.978-1.000 (100 calls; phrases alone: complaint recall 0.844 and churn_threat recall 0.909 are the lowest, the complaint model flags all but one of the rest)
	"en/blind4": 1.00, // reached: 1.000 for every category (35 calls)
	// The sixth author's calls (helper b5): measured blind by the lead at
	// 0d22ea5 and f707773 (ru macro F1 0.947 -> 0.957 with the models, en
	// 0.895 -> 0.895; testdata/labelled/README.md); not tuned on, then
	// added to the models' training (i16n, session 7), so the model figures
	// here are in-sample. Then tuned on by the phrase lists (i16r, session
	// 7: the families of its misses, written fresh in ru/dictwriter first),
	// so no longer blind.
	"ru/blind5": 1.00, // reached: 1.000 for every category (phrases alone: complaint recall 0.977, repeat_contact recall 0.964; rb5-0001, the churn model's false flag at p 0.61, went with the retraining)
	// The dictionary author's own wordings of the families above (its
	// README): in-sample, written by the hand that wrote the phrases.
	"ru/dictwriter": 0.95, // session 19 (i16r19): rounds 65-68 (rdw-2651..2733: greetings with a long company name, a title before the name, a «нет» inside; irony, a contact in the present with its span, «your» card closed, «бесполезно»; 65-67 written before their lines, 68 after) and their lines: greeting recall 0.917 -> 0.963 (rdw-2507 left), the lowest now repeat_contact recall 0.951, churn_threat 0.988 / 0.958, complaint 0.977 / 0.963 (2733 calls). Before: session 18 (i16r18): rounds 61-64 (rdw-2591..2650: whole contracts ended flatly, calm claims; 61 and 63 written before their lines, 62 and 64 after) and their lines: greeting recall 0.917 the lowest still, churn_threat 0.988 / 0.955, complaint 0.977 / 0.962, repeat_contact 0.990 / 0.950 (2650 calls). Before: reached with rounds 55-59 (rdw-2412..2549, written first) and their lines: greeting recall 0.917 (rdw-2507 «добрый вечер электросбыт», a hello and the company's one word: an expression cannot end in `*`; 12 greeting calls in the part), complaint 0.976 / 0.962, churn_threat 0.982 / 0.962, repeat_contact 0.989 / 0.956 (2549 calls); before round 55, 0.95, rounds 51-53 (rdw-2244..2385, written first) and their lines: repeat_contact recall 0.952 (round 51's visits told without «к вам»: «на почту к вам два раза бегал», «к заведующей ходила в марте»), complaint 0.977 / 0.965, churn_threat 0.981 / 0.963 (2385 calls); before round 51, 0.96, reached with rounds 47-50 (rdw-2038..2243, written first) and their lines: repeat_contact recall 0.961, complaint 0.979 / 0.962, churn_threat 0.983 / 0.964 (2243 calls); before round 50, 0.96, reached with rounds 47-49 (rdw-2038..2210, written first) and their lines: repeat_contact recall 0.960, complaint 0.978 / 0.962, churn_threat 0.983 / 0.964 (2210 calls); before round 49, 0.95, reached with rounds 47-48 (rdw-2038..2159, written first) and their lines: repeat_contact recall 0.959, complaint 0.979 / 0.961, churn_threat 0.983 / 0.963 (2159 calls); with round 47 alone 0.96, reached (rdw-2038..2118, the sixteenth and seventeenth authors' families, written first) and its lines: complaint 0.979 / 0.961, churn_threat 0.982 / 0.962 (the churn model's two flags on round 47's traps), repeat_contact recall 0.962 (2118 calls); before, reached with rounds 44-46 (rdw-1831..2037, the new authors' families, each written first) and their lines: churn_threat recall 0.961, complaint recall 0.960, repeat_contact 0.991 / 0.959 (2037 calls); before round 44 it reached: complaint recall 0.961, precision 0.977 (seven traps, six written against the new phrases: «у вас беда с парковкой»…); repeat_contact recall 0.971, churn_threat recall 0.979; the operator's lines of rounds 6 and 14 1.000 (769 calls, fourteen rounds)
	// The seventh author's calls (session 7, lane b6), measured blind by
	// the lead at dca2c97 and 27ab209 (testdata/labelled/README.md): the
	// floors are the blind figures at 27ab209, the lowest category's.
	"ru/blind6": 0.85, // reached: repeat_contact 0.882 / 0.968 (precision: the company calling, a promise, another matter; recall 1.000 with the ru repeat_contact model, in-sample, which the ten-author verdict turned off, docs/models.md); complaint 1.000 / 0.952, incompetence 0.933 / 1.000, churn_threat recall 0.941 (in the models' training since session 8, so the model figures are in-sample; at 27ab209, blind: complaint precision 0.667, the model's 14 false flags, docs/models.md); phrases alone 0.763 at 27ab209 (100 calls)
	"en/blind6": 0.91, // reached: repeat_contact recall 0.917 (eb6-0038 «voice males»), greeting recall 0.964, complaint precision 0.950 (the phrases were tuned on it at 825c1c0, the models learnt from it in session 8: in-sample); blind at 27ab209: complaint recall 0.737 (40 calls)
	// The eighth author's calls (session 8, lane b7), measured blind by the
	// lead at 7f97839 and 21b96d7, development parts since, tuned on
	// (phrases, lane i16s: ru/dictwriter round 26, en/dictwriter round 23
	// first).
	"ru/blind7": 0.83, // reached (tuned now): churn_threat recall 0.833 (phrases alone: the ru churn_threat model, which flagged one more threat in-sample, ships no more since the nine-author cross-validation turned it off, docs/models.md), repeat_contact recall 0.875, incompetence precision 0.882, complaint 0.932 / 0.911; phrases alone churn_threat recall 0.667 -> 0.833, repeat_contact 0.781 -> 0.875, complaint 0.733 -> 0.844 (100 calls)
	"en/blind7": 0.94, // session 17 (i16e17, constructions counted over every author): complaint precision 0.900 -> 0.947 («are the fees going up in april», a rise yet to come asked about, no complaint). Before: reached: complaint precision 0.900, churn_threat 1.000 with the models (in-sample); phrases alone complaint 0.895 / 0.944 (40 calls)
	// The ninth author's calls (session 9, lane b8), measured blind by the
	// lead at 5ec9e1b and b0ebe4b: the floors are the blind figures at
	// b0ebe4b, the lowest category's; development parts since, ru tuned
	// on (phrases, lane i16t9: ru/dictwriter round 33, en/dictwriter round
	// 28 first).
	"ru/blind8": 0.77, // reached (tuned now): churn_threat recall 0.778 (rb8-0021, -0068, -0086, -0097: a story of long waits or past service, no threat said), incompetence precision 0.882, complaint 0.923 / 0.857; phrases alone churn_threat recall 0.556 -> 0.778, complaint 0.800 / 0.762 -> 0.919 / 0.810 (sincere thanks with praise or a blessing no longer read as sarcasm) (100 calls)
	"en/blind8": 0.90, // session 18 (i16e18): repeat_contact recall 0.857 -> 0.929 with the models (contacted_at), churn_threat precision 0.900 the lowest; phrases alone churn_threat recall 0.778 -> 0.889 (going_with_other). Before: reached: repeat_contact recall 0.857, incompetence recall 0.900 with the models; phrases alone churn_threat recall 0.667 (eb8-0003, -0017, -0027: a threat only implied) (40 calls)
	// The tenth author's calls (session 10, lane b9), measured blind by
	// the lead at 019f113 and 5c6845f (after the session's three phrase
	// rounds and the ten-author model verdict): the floors are the blind
	// figures at 5c6845f, the lowest category's; since tuned on (lane i16t10).
	"ru/blind9": 0.91, // session 17 (i16r17, lines counted over every author first): complaint 0.955 / 0.955 (was 0.952 / 0.909), the lowest now churn_threat precision 0.913, macro F1 0.974 -> 0.977 (phrases alone 0.958 -> 0.969). Before: reached (tuned now, ru/dictwriter rounds 37-39 first; then the constructions of rounds 40-42, written without reading it: churn_threat recall 0.857 -> 0.905 phrases alone, complaint 0.795 -> 0.818 with the models): complaint recall 0.818 (stories with the dissatisfaction said once, slang verdicts), churn_threat 0.947 / 0.857 (rb9-0022, -0055, -0100 left), incompetence 1.000; blind at 5c6845f: churn_threat recall 0.381, complaint 0.727, incompetence precision 0.882 (100 calls)
	"en/blind9": 0.96, // session 19 (i16e19): complaint precision 0.944 -> 1.000 with the models («first time calling you lot»: a first call, no complaint), greeting precision 0.963 the lowest. Before: session 17 (i16e17): complaint precision 0.944 the lowest, repeat_contact recall 0.923 -> 1.000 («calling about … again»), greeting precision 0.929 -> 0.963. Before: reached: repeat_contact recall 0.923 with the models; phrases alone complaint recall 0.765; blind at 5c6845f: complaint 0.529, churn_threat 0.667 (40 calls)
	// The eleventh author's calls (session 10's second round, lane b10),
	// measured blind by the lead at 019f113, 039f6b5 and 0e46c25 (after
	// the second round's phrases, tuned on blind9): the floors are the
	// blind figures at 0e46c25, the lowest category's; not tuned on yet.
	"ru/blind10": 0.75, // reached: complaint recall 0.756 with the models (0.733 before the constructions of ru/dictwriter rounds 40-42, written without reading this part: phrases alone 0.711 -> 0.733) (a question or rhetorical reproach, non-native Russian), churn_threat recall 0.778, repeat_contact recall 0.944 (100 calls)
	"en/blind10": 0.93, // session 18 (i16e18, constructions counted over every author): repeat_contact 0.929 / 0.929 -> 0.933 / 1.000 (contacted_at), complaint recall phrases alone 0.882 -> 1.000. Session 17 (i16e17): churn_threat recall 0.857 -> 1.000 with the models (if_then_leave), repeat_contact 0.929 / 0.929 the lowest; phrases alone churn_threat recall 0.714 -> 0.857, complaint 0.706 -> 0.882. Before: session 16: churn_threat recall 0.857 with the en churn model retrained over twenty-four authors against grievances without a threat (one threat no longer flagged in-sample; held out the model gains, docs/models.md); before it repeat_contact 0.929 / 0.929 with the models; phrases alone churn_threat recall 0.429 -> 0.714, complaint 0.647 -> 0.706 with session 13's constructions (40 calls)
	// The twelfth author's calls (session 11, lane b11), measured blind by
	// the lead at b45d428, at e15a41fa (after session 11's phrase
	// constructions, lane i16g11) and at 520b461 (after the twelve-author
	// model verdict, lane i16m11): the floors are the blind figures at
	// 520b461, the lowest category's; not tuned on yet.
	// Since the thirteen-author verdict these calls are in the models'
	// training, so the model figures below are in-sample; the floors stay
	// the blind figures.
	"ru/blind11": 0.83, // session 19 (i16r19, lines counted over every author; in-sample): repeat_contact precision 0.829 -> 0.853 («а мастеру можно позвонить», a call asked for), complaint 0.884 / 0.884 -> 0.886 / 0.907, greeting recall 0.983 -> 1.000, macro F1 0.944 -> 0.949, the lowest now churn_threat recall 0.833. Before: blind at 520b461: churn_threat 0.909 / 0.556 (phrases alone; the same at b45d428 and e15a41fa), repeat_contact 0.725 / 0.935 (the ru repeat_contact model's 4 false flags; 0.806 without it, the model removed by the guard since), complaint 0.833 / 0.930 with the models (0.828 / 0.558 before, phrases alone 0.821 / 0.535); now, in-sample: churn_threat 0.941 / 0.889 with the ru churn_threat model, complaint 0.886 / 0.907 (rbb-0016 at p 0.74 since the retraining with blind13, from 0.75), repeat_contact 0.806 / 0.935 (100 calls)
	"en/blind11": 0.88, // blind at 520b461: churn_threat recall 0.375 (phrases alone); now, in-sample: apology precision 0.889 the lowest, repeat_contact 0.818 -> 1.000 with session 13's constructions (40 calls)
	// The thirteenth author's calls (session 11's second round, lane b12:
	// the mainstream of a big contact centre, calls with several topics),
	// measured blind by the lead at b45d428, e15a41fa (after session 11's
	// phrase constructions), 520b461 (after the twelve-author model
	// verdict) and 832a9439 (after the thirteen-author verdict with its
	// precision guard): the floors are the blind figures at 832a9439, the
	// lowest category's; not tuned on yet.
	"ru/blind12": 0.91, // reached: repeat_contact precision 0.919 (phrases), complaint 0.957 / 0.936 and churn_threat 0.947 / 1.000 with the models (phrases alone complaint recall 0.681, churn_threat 0.889); macro F1 0.959, 0.959, 0.967, 0.977 (100 calls)
	"en/blind12": 0.92, // reached: repeat_contact precision 0.929 with the models; phrases alone churn_threat 0.571 -> 0.714, complaint 0.684 -> 0.737 with session 13's constructions (40 calls)
	// The fourteenth author's calls (session 12, lane b13: a random week in
	// the sectors earlier authors used least, housing, clinics, state
	// hotlines, travel, car service, schools, real estate, apps, and
	// outbound calls), re-labelled blind by a second labeller (lane b13x:
	// 978 of 980 agree), measured blind by the lead at 29ac2b3e, 7e24d55b
	// and 3912f6c0 (after lane i16m12's fourteen-author model verdict):
	// the floors are the figures at 3912f6c0, the lowest category's; not
	// tuned on by the phrases yet. Since lane i16n12 these calls are in the
	// models' training, so the model figures now are in-sample (they rose);
	// the floors stay the blind figures.
	"ru/blind13": 0.77, // blind: churn_threat 0.824 / 0.778, repeat_contact 0.914 / 0.970, complaint 0.913 / 1.000 -> 0.909 / 0.952 with the models (phrases alone macro F1 0.938 each time); macro F1 0.955, 0.955, 0.951; now, in-sample: churn_threat 0.895 / 0.944, complaint 0.913 / 1.000, macro F1 0.972 (100 calls)
	"en/blind13": 0.75, // session 18 (i16m18): the en churn model retrained on twenty-eight parts (blind22, blind24-26 too) flags ebd-0036 in-sample (p 0.55, «we fly to spain on the 20th for christmas with my parents and i'm honestly at my wits and»: a complaint without a threat, which the model's held-out flags on this author also got wrong), churn_threat 0.857 / 0.857 -> 0.750 / 0.857; held out the model gains over the twenty-eight authors (docs/models.md). Before: session 15, the twenty-one-author models (neutral lines in the corpus's style; in-sample): churn_threat 0.857 / 0.857 (one threat no longer found), complaint recall 0.944; blind: churn_threat 0.571 / 0.571, complaint 0.889 / 0.889 -> 0.941 / 0.889 with the models; now, in-sample: churn_threat 0.875 / 1.000; phrases alone churn_threat 0.667 / 0.286 -> 0.800 / 0.571, complaint recall 0.611 -> 0.722, repeat_contact recall 0.929 -> 1.000 with session 13's constructions (40 calls)
	// The fifteenth author's calls (session 12's second round, lane b14:
	// colloquial speech through a weaker recognizer, many slips, numbers
	// as words), re-labelled blind by a second labeller (lane b14x: 977 of
	// 980 agree), measured blind by the lead at 29ac2b3e, f727a0dc and
	// ba8d9c40 (after the fifteen-author models): the floors are the
	// figures at ba8d9c40, the lowest category's; not tuned on yet.
	"ru/blind14": 0.90, // session 17 (i16r17): churn_threat 0.944 / 0.944 (was 0.941 / 0.889: «больше в вашем магазине ни копейки не потрачу»), the lowest now complaint precision 0.909, macro F1 0.976 -> 0.980. Blind: complaint 0.884 / 0.950 -> 0.881 / 0.925, churn_threat 0.842 / 0.889 -> 0.889 / 0.889 with the models, incompetence precision 0.882, greeting precision 0.972 (phrases alone macro F1 0.943 each time); macro F1 0.953, 0.954, 0.954 (100 calls)
	"en/blind14": 0.90, // session 17 (i16e17): repeat_contact 0.889 / 0.800 -> 0.900 / 0.900 («calling about … again»). Before: blind: repeat_contact 0.889 / 0.800, churn_threat recall 0.875 (phrases alone macro F1 0.890, with the models 0.968 each time); phrases alone churn_threat recall 0.375 -> 0.625, complaint 0.733 -> 0.933 with session 13's constructions (40 calls)
	// The sixteenth author's calls (session 13, lane b15: borderline
	// decisions, reported speech, implied repeat contacts, churn as a
	// condition or a deed, subtle incompetence), re-labelled blind by a
	// second labeller (lane b15x: 979 of 980 agree), measured blind by the
	// lead at 484727ac, then a development part: the floors are the
	// lowest blind figure.
	"ru/blind15": 0.91, // session 15 (i16e15): the ru models retrained over twenty-one authors with neutral lines of older callers' talk (in-sample), complaint recall 0.944 -> 0.917; now (session 14, its families written fresh in ru/dictwriter round 47 first): repeat_contact 0.944 / 0.944, complaint recall 0.944, greeting recall 0.978, the rest 1.000 (phrases alone macro F1 0.917 -> 0.973); blind at 484727ac: churn_threat 0.684 / 1.000, repeat_contact 0.727 / 0.889, complaint 0.939 / 0.861, incompetence recall 0.900; macro F1 0.919 (phrases alone 0.914) (100 calls)
	"en/blind15": 0.93, // session 19 (i16e19, constructions counted over every author): repeat_contact recall 0.833 -> 1.000 (a callback promised, «your colleague promised to call me back»), complaint 0.929 / 0.929 -> 0.933 / 1.000 («who would have guessed»); complaint precision 0.933 the lowest. Before: blind at 484727ac: repeat_contact 1.000 / 0.500, churn_threat 0.800 / 0.667, complaint 0.917 / 0.786; macro F1 0.891 (phrases alone 0.842); tuned on in session 14 (i16e14: en/dictwriter rounds 39-40 first): repeat_contact recall 0.833 the lowest, 0.982 (phrases alone 0.923) (40 calls)
	// The seventeenth author's calls (session 13, lane b16: a realistic
	// working day at an outsourcing centre, routine calls, realistic base
	// rates, long calls with the decisive words once), re-labelled blind by
	// a second labeller (lane b16x: 979 of 980 agree), measured blind by the
	// lead at 484727ac, d4b409f4, 51150cb4 and e457eca8 (session 13's end):
	// the floors are the lowest figure at the end.
	"ru/blind16": 0.95, // now (session 14, round 47): repeat_contact precision 0.955 (rbg-0068 «мне в отделении сказали можно»), the rest 1.000; blind: macro F1 0.973, 0.978, 0.978, 0.984 (phrases alone 0.955 -> 0.964); at the end churn_threat 0.909 / 1.000, complaint 0.966 / 1.000, repeat_contact 0.913 / 1.000 (100 calls)
	"en/blind16": 1.00, // session 17 (i16e17): 1.000 for every category with the models (complaint precision 0.917 -> 1.000: a sincere «oh great is it gonna need someone home»). Before: blind: macro F1 0.978 each time (phrases alone 0.944); churn_threat 1.000 / 0.800, complaint 0.917 / 1.000; session 14 (round 39 first): churn_threat 1.000 / 1.000, complaint precision 0.917 the lowest, 0.994 with the nineteen-author models (phrases alone 0.980) (40 calls)
	// The eighteenth author's calls (session 14, lane b17: support lines of
	// digital products and subscriptions as their younger clients talk,
	// slang, loanwords and sarcasm), measured blind by the lead at 07a50181,
	// then a development part: the floors are the lowest blind figure.
	"ru/blind17": 0.93, // now (session 14, its families written fresh in ru/dictwriter round 49 first): churn_threat precision 0.938 (rbh-0091, the churn model at p 0.51), complaint 0.973 / 1.000, greeting recall 0.988, the rest 1.000 (phrases alone macro F1 0.918 -> 0.989); blind at 07a50181: churn_threat 0.833 / 1.000, complaint 0.917 / 0.917 (phrases alone 0.885 / 0.639), incompetence recall 0.909; macro F1 0.958 (phrases alone 0.918) (100 calls)
	"en/blind17": 0.88, // blind at 07a50181: complaint 0.750 / 0.750 (phrases alone 0.714 / 0.625), repeat_contact recall 0.778, incompetence precision 0.800; macro F1 0.929 (phrases alone 0.904); tuned on in session 14 (round 40 first): repeat_contact recall 0.889 the lowest (ebh-0026, an upgrade in a shop), phrases alone 0.987 (40 calls)
	// The nineteenth author's calls (session 14, lane b18: older clients and
	// long stories — pension fund, clinics, a bank's branch line, housing,
	// a landline operator, the post), re-labelled blind by lane b18x (974 of
	// 980 agree), measured blind by the lead at 07a50181, d2baff37, 9802a56b
	// and 9b6ef1fc (session 14's end): the same figures each time; the floors are
	// the lowest.
	"ru/blind18": 0.73, // now (session 15, its families written fresh in ru/dictwriter round 51 first): complaint 0.739 / 1.000 (the ru complaint model's 10 false flags on sad stories and the company having called; phrases alone 0.933 / 0.824), repeat_contact 0.846 / 0.880, churn_threat 0.867 / 1.000 (the churn model's 2), the rest 1.000; macro F1 0.949 (phrases alone 0.963). Blind: macro F1 0.903 each time (phrases alone 0.879): complaint 0.604 / 0.941 (phrases alone 0.641 / 0.735), repeat_contact 0.629 / 0.880, churn_threat 0.813 / 1.000, incompetence precision 0.909 (100 calls)
	"en/blind18": 0.81, // session 18 (i16c18): the en complaint model retrained on the twenty-six hand-written parts flags ebi-0019 in-sample (p 0.63, «i'm seventy nine and my grandson told me to always call the number on the bill so here i am», an older caller's chat), complaint precision 0.867 -> 0.813, the lowest; held out it flagged ebi-0034 and ebi-0036 wrongly, 6 right (docs/models.md). Before: blind: macro F1 0.900, 0.900, 0.897, 0.897 (phrases alone 0.936): churn_threat precision 0.444 with the models (1.000 / 1.000 phrases alone), complaint 0.565 / 1.000 (0.700 / 0.538), repeat_contact precision 0.889; session 15 (round 41 first, its errors read; the models retrained with neutral lines in the corpus's style and learnt from it, in-sample): complaint precision 0.867 the lowest (the en complaint model from 0.6), churn_threat 1.000 (40 calls)
	// The twentieth author's calls (session 15, lane b19: outbound calls —
	// the company calls the client: retention, cross-sale, collection,
	// surveys, reminders), measured blind by the lead at 1224752c, then a
	// development part: the floors are the lowest blind figure.
	"ru/blind19": 0.76, // now (session 15, its families written fresh in ru/dictwriter round 53 first): repeat_contact 0.765 / 1.000 (the company's own calls), apology precision 0.909, complaint 0.921 / 0.946, churn_threat 0.947 / 0.947; macro F1 0.951 (phrases alone 0.916). Blind at 1224752c: repeat_contact 0.722 / 1.000, apology precision 0.870, churn_threat 0.941 / 0.842, complaint 0.917 / 0.892 (phrases alone 0.955 / 0.568); macro F1 0.932 (phrases alone 0.893) (100 calls)
	"en/blind19": 1.00, // blind at 1224752c: churn_threat 0.667 / 0.857, complaint 0.846 / 0.846, incompetence recall 0.800; macro F1 0.911 (phrases alone 0.919); tuned on in session 15 (i16e15: en/dictwriter round 42 first): 1.000 for every category with the twenty-one-author models (in-sample; 0.778 churn_threat precision with the nineteen-author ones), phrases alone churn_threat recall 0.857 (40 calls)
	// The twenty-first author's calls (session 15, lane b20: business
	// clients — suppliers, a bank's business desk, cash-register data,
	// logistics, leasing, SaaS support —, terse and formal), re-labelled
	// blind by a second labeller (lane b20x: 980 of 980 agree), kept blind
	// to session 15's end and measured by the lead at 1224752c, e059cee0 and
	// cfd73b82: the floors are the lowest figure at the end.
	"ru/blind20": 0.85, // session 18 (i16r18): complaint 0.848 / 0.966 -> 0.903 / 0.966 (a claim sent and its status asked, «в претензии», no complaint), the lowest now churn_threat precision 0.857. Session 17 (i16m17): the ru churn model learnt this part with its own neutral lines (in-sample): churn_threat 0.857 / 1.000 (was 0.800 / 1.000), the lowest now complaint precision 0.848. Blind: macro F1 0.946 each time (phrases alone 0.925); churn_threat 0.800 / 1.000, complaint 0.813 / 0.897 (phrases alone 0.769 / 0.690; after ru/dictwriter round 54's lines 0.844 / 0.931, phrases alone 0.808 / 0.724), repeat_contact 0.909 / 0.870 (100 calls)
	"en/blind20": 0.77, // blind: macro F1 0.916, 0.916, 0.926 (phrases alone 0.871 -> 0.888); at the end churn_threat 0.700 / 1.000, complaint 0.737 / 1.000, repeat_contact 0.778 / 0.875. Session 16 (en/dictwriter rounds 43-44 first, and the en churn model that learnt it; in-sample): churn_threat 1.000 / 1.000, complaint 0.778 / 1.000, repeat_contact 0.778 / 0.875 the lowest; phrases alone macro F1 0.929 (40 calls)
	// The twenty-second author's calls (session 16, lane b21: young urban
	// clients of digital services — delivery apps, streaming, car sharing,
	// a neobank, an online school —, slang, anglicisms and irony), measured
	// blind by the lead at 2d872e9d and landed as development data at once.
	"ru/blind21": 0.98, // now (session 16, its families written fresh in ru/dictwriter round 56 first, in-sample): greeting recall 0.989 (rbl-0052, a hello with no name the phrases know), the rest 1.000; macro F1 0.999 with the models and phrases alone. blind at 2d872e9d: macro F1 0.966 (phrases alone 0.949); churn_threat 0.923 / 0.857 (phrases alone recall 0.714), complaint 0.947 / 0.900, apology 0.960 / 0.960 (100 calls)
	"en/blind21": 0.94, // session 18 (i16c18): the en complaint model learnt this part (in-sample): complaint 0.941 / 1.000 (was 0.889 / 1.000), the lowest. Before: blind at 2d872e9d: macro F1 0.951 (phrases alone 0.946); churn_threat 1.000 / 0.667, complaint 0.889 / 1.000, repeat_contact 1.000 / 0.875. Session 16 (en/dictwriter round 44 first, and the en churn model that learnt it; in-sample): churn_threat 1.000 / 1.000, repeat_contact 1.000 / 1.000, complaint 0.889 / 1.000 the lowest (40 calls)
	// The twenty-fourth author's calls (session 16, lane b23: the
	// operator's side under the microscope — greetings, farewells, apologies
	// and incompetence in every form real operators use, short calls),
	// measured blind by the lead at 2d872e9d and landed as development data.
	"ru/blind23": 0.87, // session 19 (i16r19, lines counted over every author; in-sample): churn_threat 0.889 / 1.000 -> 1.000 / 1.000 («как закрыть счёт, он мне больше не нужен», a how-to), repeat_contact recall 0.813 -> 0.875 («каждый понедельник звоню»), macro F1 0.957 -> 0.970 (phrases alone 0.951 -> 0.964), the lowest now repeat_contact recall 0.875. Before: now (session 16, its families written fresh in ru/dictwriter round 58 first, in-sample): repeat_contact 1.000 / 0.813, churn_threat 0.889 / 1.000, complaint 0.931 / 0.900 (phrases alone 0.960 / 0.800), incompetence recall 0.933, greeting recall 0.988, apology and farewell 1.000; macro F1 0.959 (phrases alone 0.944). blind at 2d872e9d: macro F1 0.937 (phrases alone 0.902); complaint 0.857 / 0.800 (phrases alone recall 0.533), repeat_contact 0.929 / 0.813, churn_threat 0.889 / 1.000, greeting recall 0.952 (100 calls)
	"en/blind23": 0.75, // blind at 2d872e9d: macro F1 0.950 (phrases alone 0.938); churn_threat 0.750 / 1.000, complaint 0.786 / 0.846 (phrases alone recall 0.615) (40 calls)
	// The twenty-third author's calls (session 16, lane b22: calls that
	// move — transfers, holds, escalations, two or three staff voices on the
	// operator channel) and the twenty-fifth's (lane b24: Russian as a second
	// language, non-native English), each re-labelled blind by a second
	// labeller (967 and 975 of 980 agree), kept blind to session 16's end and
	// measured by the lead at 2d872e9d and at the end: the floors are the
	// lowest figure at the end.
	"ru/blind22": 0.88, // session 17 (i16r17, development part): macro F1 0.963 (phrases alone 0.971), churn_threat 0.895 / 1.000, complaint 0.951 / 0.951, incompetence 0.882 / 0.938 the lowest. Blind: macro F1 0.956 -> 0.957 (phrases alone 0.949); incompetence 0.882 / 0.938, churn_threat 0.889 / 0.941, repeat_contact 0.909 / 0.968, complaint 0.950 / 0.927 (100 calls)
	"en/blind22": 0.88, // blind: macro F1 0.971 both times (phrases alone 0.952); churn_threat 0.889 / 1.000, complaint 0.895 / 1.000, repeat_contact 0.929 / 0.929 (40 calls)
	"ru/blind24": 0.87, // session 19 (i16r19): churn_threat 0.857 / 0.923 -> 0.923 / 0.923 («а если я раньше заберу деньги», a question), greeting recall 0.988 -> 1.000, macro F1 0.956 -> 0.962, the lowest now repeat_contact 0.875 / 0.875. Before: session 17 (i16m17): the ru churn model learnt this part with its own neutral lines (in-sample): churn_threat 0.857 / 0.923 the lowest (was 0.800 / 0.923). Session 17 (i16r17, development part): macro F1 0.951 (phrases alone 0.954), complaint 0.921 / 0.946, churn_threat 0.800 / 0.923 the lowest (the churn model's false flags). Blind: macro F1 0.945 both times (phrases alone 0.932); churn_threat 0.800 / 0.923, complaint 0.914 / 0.865, repeat_contact 0.875 / 0.875 (100 calls)
	"en/blind24": 0.75, // session 17 (i16e17): repeat_contact 0.714 / 0.833 -> 0.750 / 1.000 («emailed you two times»; left: documents «sent it already», which other authors count as an earlier contact), churn_threat precision 0.833. Before: blind: macro F1 0.954 both times (phrases alone 0.937); repeat_contact 0.714 / 0.833, churn_threat 0.833 / 1.000 (40 calls)
	// The twenty-sixth author's calls (session 17, lane b25: the
	// cancellation and retention desk) and the twenty-seventh's (lane b26:
	// disputes and claims — chargebacks, refunds, insurance payouts,
	// warranty repairs), each re-labelled blind by a second labeller (976 and
	// 977 of 980 agree), kept blind to session 17's end and measured by the
	// lead at 1884c0e2 and at the end (d32adf1d): the floors are the lowest
	// figure at the end.
	"ru/blind25": 0.88, // session 18 (i16r18: a whole contract ended flatly, counted over every author first; in-sample), with the i16m18 models: churn_threat 0.942 / 0.845 -> 0.947 / 0.931 (phrases alone 0.929 / 0.672 -> 0.941 / 0.828), macro F1 0.955 -> 0.962 (phrases alone 0.935 -> 0.949), the lowest complaint precision 0.889. Session 18 (i16m18): the ru churn model learnt this part (in-sample): churn_threat 0.942 / 0.845 (was 0.915 / 0.741), the lowest now complaint precision 0.889. Blind: macro F1 0.952 -> 0.944 (phrases alone 0.936 -> 0.935); churn_threat 0.938 / 0.776 -> 0.915 / 0.741 (the retrained ru churn model: 2 threats fewer, 1 false flag more), complaint 0.930 / 0.909 -> 0.889 / 0.909 (two counted lines of session 17 fire on «ну хоть что то», «то есть вы не знаете»), repeat_contact 0.889 / 1.000, apology 0.941 / 1.000, greeting recall 0.966 (100 calls)
	"en/blind25": 0.72, // session 18 (i16m18): the en churn model learnt this part (in-sample): churn_threat 0.905 / 0.826 (was 0.889 / 0.696), the lowest now repeat_contact recall 0.727. Blind: macro F1 0.901 -> 0.904 (phrases alone 0.875 -> 0.884); churn_threat 0.889 / 0.696 (cancelling a whole contract told flatly), complaint 0.789 / 0.833 -> 0.833 / 0.833, repeat_contact 1.000 / 0.727, incompetence recall 0.800 (40 calls)
	"ru/blind26": 0.92, // session 19 (i16q19): churn_threat recall 0.913 -> 1.000 («больше ни одного тура через ваше агентство», «у вас больше ни одного полиса»), complaint precision 0.929 -> 0.945 («нас в принципе устраивает мы просто не поняли»), the lowest now repeat_contact recall 0.920. Before: session 18 (i16n18): the ru churn model retrained with formal dispute talk in its neutral lines flags none of this part's calls in-sample: churn_threat 0.920 / 1.000 -> 1.000 / 0.913 the lowest, the phrases alone's (its two false flags gone, and rbq-0032, rbq-0094, threats said with a claim to a court or the Central Bank, at p 0.46; held out the model costs this part 2 labels instead of 5, docs/models.md). Session 18 (i16r18: calm claims guarded, «больше … не лечу», a regulator no destination; in-sample), with the i16m18 models: churn_threat 0.875 / 0.913 -> 0.920 / 1.000 the lowest (phrases alone 0.950 / 0.826 -> 1.000 / 0.913), complaint 0.825 / 1.000 -> 0.929 / 1.000 (phrases alone 0.810 / 0.904 -> 0.922 / 0.904), macro F1 0.957 -> 0.974 (phrases alone 0.948 -> 0.967). Session 18 (i16m18): the ru churn model learnt this part (in-sample): churn_threat 0.875 / 0.913 (was 0.792 / 0.826), the lowest now complaint precision 0.825. Blind: macro F1 0.948 -> 0.945 (phrases alone 0.948 both times); churn_threat 0.800 / 0.870 -> 0.792 / 0.826 (the churn model on angry claimants; one counted line on «если отказ будет снова я пойду к» a regulator), complaint 0.825 / 1.000 (11 calm claims and disputes flagged: a neutral report to this author), repeat_contact 0.939 / 0.920, incompetence recall 0.941 (100 calls)
	"en/blind26": 0.80, // session 18 (i16m18): the en churn model learnt this part (in-sample): churn_threat 0.889 / 0.800 (was 0.875 / 0.700), the lowest. Blind: macro F1 0.947 both times (phrases alone 0.928 -> 0.933); churn_threat 0.875 / 0.700, complaint 0.905 / 0.950, repeat_contact 0.950 / 0.905 (40 calls)
	// The twenty-eighth author's calls (session 18, lane b27: technical
	// support and troubleshooting — step-by-step calls, line tests,
	// technicians, repeat contacts about a fault that came back) and the
	// twenty-ninth's (lane b28: hot calls — furious, swearing, crying,
	// sarcastic and extremely polite clients), each re-labelled blind by a
	// second labeller (970 and 977 of 980 agree), kept blind to session 18's
	// end and measured by the lead at c18a19d6 and at the end (9d60c2ea):
	// the floors are the lowest figure at the end.
	"ru/blind27": 0.84, // session 19 (i16m19): the ru complaint model learnt this part (in-sample): complaint 0.826 / 0.927 -> 0.848 / 0.951 (rbr-0041, «мне уже говорили перезагрузить я перезагружала …», no longer flagged; rbr-0093 found), the lowest now churn_threat precision 0.846. Blind: macro F1 0.933 -> 0.935 (phrases alone 0.931 -> 0.932); complaint 0.809 / 0.927 -> 0.826 / 0.927 (calm reports of a fault flagged: «двойное списание», «опять то же самое», «почему не предупредили»), churn_threat 0.846 / 0.917, incompetence 0.889 / 0.889, repeat_contact 0.917 / 0.943, greeting recall 0.978 (100 calls)
	"en/blind27": 0.77, // session 19 (i16e19, constructions counted over every author; in-sample): complaint 0.765 / 0.929 -> 0.778 / 1.000 (the lowest: four calm reports flagged, ebr-0015 «nobody told me» and ebr-0020 «every time it restarted» by phrases, ebr-0027 and ebr-0034, a fault come back, by the en complaint model), repeat_contact 0.917 / 0.786 -> 0.929 / 0.929; phrases alone complaint recall 0.786 -> 1.000. Before: blind: macro F1 0.948 -> 0.951 (phrases alone 0.941 -> 0.948); complaint 0.722 / 0.929 -> 0.765 / 0.929, repeat_contact 0.917 / 0.786, apology recall 0.950 (40 calls)
	"ru/blind28": 0.85, // session 19 (i16m19): the ru complaint model learnt this part (in-sample): complaint 0.881 / 0.912 -> 0.946 / 0.930, the lowest still repeat_contact 0.852 / 0.852. Session 19 (i16r19, lines counted over every author; in-sample): repeat_contact 0.846 / 0.815 -> 0.852 / 0.852 («я вам пишу в чат 3 дня»), complaint 0.879 / 0.895 -> 0.881 / 0.912 (irony opening or closing an utterance: «ну прекрасно до 20 дней босиком ходить буду», «отлично то есть я плачу за чужой окурок»; phrases alone recall 0.737 -> 0.789), macro F1 0.941 -> 0.946 (phrases alone 0.932 -> 0.940), the lowest now repeat_contact 0.852 / 0.852. Blind: macro F1 0.941 both times (phrases alone 0.932 both); repeat_contact 0.846 / 0.815 («я вам пишу в чат 3 дня», «вы мне третий раз перевыпускаете карту»; «я им уже 5 раз звонил» of another company flagged), complaint 0.879 / 0.895 (0.933 / 0.737 phrases alone), churn_threat 0.900 / 0.947 (100 calls)
	"en/blind28": 0.77, // blind: macro F1 0.951 both times (phrases alone 0.901 -> 0.906); incompetence 1.000 / 0.778, complaint 0.875 / 0.913 (0.875 / 0.609 phrases alone), repeat_contact 0.889 / 0.889 (40 calls)
	// The thirtieth author's calls (session 19, lane b29: short, broken and
	// transactional calls — 20 seconds to 3 minutes, dropped lines and
	// call-backs, robots before the live operator, cut greetings and
	// farewells) and the thirty-first's (lane b30: prices, sales and
	// bargaining — competitors' prices, discounts, retention offers,
	// threats as bargaining chips), each re-labelled blind by a second
	// labeller (977 and 972 of 980 agree), kept blind to session 19's end
	// and measured by the lead at 2329b141 and at the end (91c8061b): the
	// floors are the lowest figure at the end.
	"ru/blind29": 0.73, // blind: macro F1 0.944 -> 0.941 (phrases alone 0.948 both times; the retrained ru complaint model flags one call more); complaint 1.000 / 0.739 -> 0.944 / 0.739 (one-line complaints in short calls: «опять не работает»), greeting recall 0.937 (a cut or swallowed first line, a robot's line first), repeat_contact recall 0.867, churn_threat 0.875 / 0.875, farewell recall 0.980 (100 calls)
	"en/blind29": 0.72, // blind: macro F1 0.955 -> 0.964 (phrases alone 0.955 -> 0.964); complaint recall 0.636 -> 0.727, repeat_contact recall 0.833 (40 calls)
	"ru/blind30": 0.75, // blind: macro F1 0.938 both times (phrases alone 0.920 both); repeat_contact 0.750 / 1.000 (5 false flags), complaint 0.833 / 0.909, churn_threat 0.947 / 0.857 (a threat as a bargaining chip), apology precision 0.900 (100 calls)
	"en/blind30": 0.76, // blind: macro F1 0.955 both times (phrases alone 0.957 both); complaint 0.769 / 0.833, churn_threat recall 0.889, apology precision 0.889 (40 calls)
	// The thirty-second author's calls (session 20, lane b31: long, multi-topic
	// calls), kept blind to the session's end and measured by the lead at
	// 2e9f57ec (start) and e6263aa8 (end), then landed: two complaint labels
	// corrected by the session's rule on an unanswered contact, and two lines
	// counted on the part once it was development data (testdata/labelled/README.md).
	"ru/blind31":    0.86, // complaint 0.902 / 0.860 the lowest (in-sample since landing); blind: macro F1 0.959 -> 0.960 (phrases alone 0.946 -> 0.947), complaint 0.854 / 0.854 -> 0.875 / 0.854, repeat_contact 0.889 / 0.923, churn_threat precision 0.929, greeting precision 0.977
	"en/blind31":    0.88, // complaint precision 0.889 the lowest; blind: macro F1 0.982 both times (phrases alone 0.982), complaint 0.889 / 1.000, repeat_contact precision 0.900, greeting precision 0.972
	"en/blind5":     1.00, // reached: 1.000 for every category with the models (eb5-0030, sarcasm with no cue but the setting, found by the en complaint model, in-sample; phrases alone complaint recall 0.933) (tuned on by i16r like ru/blind5)
	"en/dictwriter": 0.95, // session 18 (i16c18): the en complaint model retrained on the twenty-six hand-written parts (it learns no dictwriter call): complaint precision 0.932 -> 0.953 with the models (false positives 41 -> 28, the model's 32 -> 19), the lowest; recall 0.972. Before: session 16: complaint precision 0.938 with the models, recall 0.976: rounds 43-44 added 136 calls, and the en complaint model (which learns no dictwriter call) flags their churn lines and traps (edw-1530 «our service agreement is up … were not going to extend it» p 0.86, edw-1563, edw-1625); phrases alone 0.983 / 0.972. Before: complaint precision 0.956 with the models (the en complaint model from 0.6; 0.982 phrases alone), recall 0.976; churn_threat recall 0.979, repeat_contact recall 0.970 (1528 calls, forty-two rounds)
}

// wholeMinimum is the floor of every category's precision and recall on
// each language's parts together (`callscope dict eval testdata/labelled/ru`),
// the figure issue 16 states its target on: 0.97 in ru, 0.95 in en.
var wholeMinimum = map[string]float64{
	"ru": 0.97, // session 20: reached, the lowest repeat_contact 0.972 / 0.971, complaint 0.975 / 0.972, churn_threat 0.984 / 0.976 (6,117 calls; session 19's end: repeat_contact 0.956 / 0.960, complaint 0.966 / 0.963, churn_threat 0.973 / 0.968)
	"en": 0.95, // session 20: reached, the lowest complaint precision 0.959 (1077 TP, 46 FP; session 19's end 0.94996), the rest 0.967-1.000 (3,046 calls)
}

// TestBuiltinCorpus is `callscope dict eval testdata/labelled` with the
// built-ins, run by make test: a dictionary change that loses precision or
// recall on the corpus fails here, per part (minimum) and per language, all
// its parts together (wholeMinimum).
func TestBuiltinCorpus(t *testing.T) {
	m := builtin(t)
	type key struct{ lang, category string }
	whole := map[key]*dicteval.Score{}
	for part, floor := range minimum {
		calls, err := dicteval.Load(filepath.Join("..", "..", "testdata", "labelled", part))
		if err != nil {
			t.Fatal(err)
		}
		rep := dicteval.Evaluate(m, calls, dicteval.Options{})
		if len(rep.Scores) != 7 {
			t.Errorf("%s: %d categories scored, want 7", part, len(rep.Scores))
		}
		lang := strings.SplitN(part, "/", 2)[0]
		for _, s := range rep.Scores {
			k := key{lang, s.Category}
			if whole[k] == nil {
				whole[k] = &dicteval.Score{Language: lang, Category: s.Category}
			}
			whole[k].TP += s.TP
			whole[k].FP += s.FP
			whole[k].FN += s.FN
			t.Logf("%s %-15s P %.3f R %.3f F1 %.3f", part, s.Category, s.Precision, s.Recall, s.F1)
			if s.Precision < floor || s.Recall < floor {
				t.Errorf("%s %s: precision %.3f, recall %.3f; the floor is %.2f (callscope dict eval testdata/labelled/%s lists the errors)",
					part, s.Category, s.Precision, s.Recall, floor, part)
			}
		}
	}
	if len(whole) != 7*len(wholeMinimum) {
		t.Errorf("%d language categories scored, want %d", len(whole), 7*len(wholeMinimum))
	}
	for k, s := range whole {
		floor, ok := wholeMinimum[k.lang]
		if !ok {
			t.Errorf("language %q has parts but no whole-language floor", k.lang)
			continue
		}
		p := float64(s.TP) / float64(s.TP+s.FP)
		r := float64(s.TP) / float64(s.TP+s.FN)
		t.Logf("%s (all parts) %-15s TP %d FP %d FN %d P %.3f R %.3f", k.lang, k.category, s.TP, s.FP, s.FN, p, r)
		if p < floor || r < floor {
			t.Errorf("%s, all parts, %s: precision %.3f, recall %.3f; the floor is %.2f (callscope dict eval testdata/labelled/%s)",
				k.lang, k.category, p, r, floor, k.lang)
		}
	}
}
