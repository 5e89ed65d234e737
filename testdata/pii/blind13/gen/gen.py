#!/usr/bin/env python3
# p13 fragment writer: hard ways people give data (pieces, repairs, damage, spelling).
import random, re, sys

R = random.Random(1313)
ch = R.choice

def pool(name):
    return [l.strip() for l in open('/tmp/p13/%s.txt' % name) if l.strip()]
CARDS, SNILS, INN10, INN12 = pool('card'), pool('snils'), pool('inn10'), pool('inn12')
def take(p):
    return p.pop(R.randrange(len(p)))

# ---------- numbers as words, and the converter's reading of them ----------
U = ["ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]
TEEN = ["десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"]
TENS = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"]
HUN = ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"]
NW = {}
for i, w in enumerate(U): NW[w] = i
NW["нуль"] = 0; NW["одна"] = 1; NW["одно"] = 1; NW["две"] = 2
for i, w in enumerate(TEEN): NW[w] = 10 + i
for i, w in enumerate(TENS):
    if w: NW[w] = i * 10
for i, w in enumerate(HUN):
    if w: NW[w] = i * 100

def two(g):
    a, b = int(g[0]), int(g[1])
    if a == 0: return "ноль " + U[b]
    if a == 1: return TEEN[b]
    return TENS[a] + ("" if b == 0 else " " + U[b])

def grp(g):
    if len(g) == 1: return U[int(g)]
    if len(g) == 2: return two(g)
    if len(g) == 3:
        if g[0] == "0": return "ноль " + two(g[1:])
        rest = g[1:]
        if rest == "00": return HUN[int(g[0])]
        if rest[0] == "0": return HUN[int(g[0])] + " " + U[int(rest[1])]
        return HUN[int(g[0])] + " " + two(rest)
    return " ".join(grp(g[i:i + 2]) for i in range(0, len(g), 2))

def toks(s):
    return re.findall(r"[0-9a-zа-яё]+", s.lower())

def digits_of(words):
    out = []; st = dict(val=0, have=False, T=False, U=False)
    def flush():
        if st['have']: out.append(str(st['val']))
        st.update(val=0, have=False, T=False, U=False)
    for t in toks(words):
        if t.isdigit():
            flush(); out.append(t); continue
        if t not in NW or t == "раз":
            flush(); continue
        v = NW[t]
        if v == 0:
            flush(); out.append("0"); continue
        if v >= 100: flush()
        elif v >= 10:
            if st['T'] or st['U']: flush()
            st['T'] = True
            if v < 20: st['U'] = True
        else:
            if st['U']: flush()
            st['U'] = True
        st['val'] += v; st['have'] = True
    flush()
    return "".join(out)

def say(d, sizes, digits_groups=()):
    """Say digit string d in groups of the given sizes; groups whose index is in digits_groups stay digits."""
    parts = []; i = 0; k = 0
    while i < len(d):
        n = sizes[k % len(sizes)] if k < len(sizes) else sizes[-1]
        g = d[i:i + n]; i += n
        parts.append(g if k in digits_groups else grp(g)); k += 1
    s = " ".join(parts)
    if digits_of(s) != d:  # the grouping reads ambiguously: fall back to digit by digit for the bad groups
        s = " ".join(p if p.isdigit() else " ".join(U[int(c)] for c in g2)
                     for p, g2 in zip(parts, split(d, sizes)))
    return s

def split(d, sizes):
    out = []; i = 0; k = 0
    while i < len(d):
        n = sizes[k] if k < len(sizes) else sizes[-1]
        out.append(d[i:i + n]); i += n; k += 1
    return out

# recognizer damage on a word string
GLUE = {"сто": 1, "двадцать": 1, "тридцать": 1, "сорок": 1, "пятьдесят": 1, "шестьдесят": 1, "семьдесят": 1, "восемьдесят": 1, "девяносто": 1, "двести": 1, "триста": 1, "пятьсот": 1}
CASE = {"девяносто": "девяноста", "сорок": "сорока", "пять": "пяти", "семь": "семи", "восемь": "восьми", "три": "трех", "два": "двух", "шесть": "шести", "сто": "ста", "двадцать": "двадцати", "тридцать": "тридцати", "девять": "девяти", "четыре": "четырех"}
def damage(s, kind=None):
    w = s.split()
    kind = kind or ch(["glue", "no", "case", "double", "drop"])
    idx = list(range(len(w)))
    R.shuffle(idx)
    if kind == "glue":
        for i in idx:
            if w[i] in GLUE and i + 1 < len(w) and w[i + 1] in NW and not w[i + 1].isdigit() and NW[w[i + 1]] < NW[w[i]]:
                w[i:i + 2] = [w[i] + w[i + 1]]; return " ".join(w), True
    if kind == "no":
        for i in idx:
            if w[i] == "ноль": w[i] = "но"; return " ".join(w), True
    if kind == "case":
        for i in idx:
            if w[i] in CASE: w[i] = CASE[w[i]]; return " ".join(w), True
    if kind == "double" and len(w) > 2:
        i = R.randrange(1, len(w)); w.insert(i, w[i]); return " ".join(w), True
    if kind == "drop" and len(w) > 3:
        i = R.randrange(1, len(w) - 1); del w[i]; return " ".join(w), True
    return s, False

def rd(n, first="123456789"):
    return ch(first) + "".join(ch("0123456789") for _ in range(n - 1))

# ---------- people, places ----------
# (nominative full, genitive full, first name nom, first+patronymic nom, surname nom, spelled letters of surname)
PEOPLE = [
    ("колесникова ирина витальевна", "колесниковой ирины витальевны", "ирина", "ирина витальевна", "колесникова"),
    ("гасанов эльдар рашидович", "гасанова эльдара рашидовича", "эльдар", "эльдар рашидович", "гасанов"),
    ("петрова водкина анна сергеевна", "петровой водкиной анны сергеевны", "анна", "анна сергеевна", "петрова водкина"),
    ("ким виктория олеговна", "ким виктории олеговны", "виктория", "виктория олеговна", "ким"),
    ("абдуллаева зарина бахтиёровна", "абдуллаевой зарины бахтиёровны", "зарина", "зарина бахтиёровна", "абдуллаева"),
    ("мюллер андреас", "мюллера андреаса", "андреас", "андреас", "мюллер"),
    ("нгуен тхи лан", "нгуен тхи лан", "лан", "тхи лан", "нгуен"),
    ("шевчук богдан тарасович", "шевчука богдана тарасовича", "богдан", "богдан тарасович", "шевчук"),
    ("римская корсакова елена павловна", "римской корсаковой елены павловны", "елена", "елена павловна", "римская корсакова"),
    ("хабибуллин ринат ильдарович", "хабибуллина рината ильдаровича", "ринат", "ринат ильдарович", "хабибуллин"),
    ("оганесян ашот ервандович", "оганесяна ашота ервандовича", "ашот", "ашот ервандович", "оганесян"),
    ("лебедева ольга николаевна", "лебедевой ольги николаевны", "ольга", "ольга николаевна", "лебедева"),
    ("зайцев дмитрий юрьевич", "зайцева дмитрия юрьевича", "дмитрий", "дмитрий юрьевич", "зайцев"),
    ("цой алексей вадимович", "цоя алексея вадимовича", "алексей", "алексей вадимович", "цой"),
    ("бондаренко галина фёдоровна", "бондаренко галины фёдоровны", "галина", "галина фёдоровна", "бондаренко"),
    ("сулейманова мадина руслановна", "сулеймановой мадины руслановны", "мадина", "мадина руслановна", "сулейманова"),
    ("кузьмин пётр ильич", "кузьмина петра ильича", "пётр", "пётр ильич", "кузьмин"),
    ("дьячкова светлана игоревна", "дьячковой светланы игоревны", "светлана", "светлана игоревна", "дьячкова"),
    ("эрдниев бадма санджиевич", "эрдниева бадмы санджиевича", "бадма", "бадма санджиевич", "эрдниев"),
    ("ломакина ксения андреевна", "ломакиной ксении андреевны", "ксения", "ксения андреевна", "ломакина"),
    ("тер петросян карина суреновна", "тер петросян карины суреновны", "карина", "карина суреновна", "тер петросян"),
    ("фёдоров илья максимович", "фёдорова ильи максимовича", "илья", "илья максимович", "фёдоров"),
    ("юсупова лейла маратовна", "юсуповой лейлы маратовны", "лейла", "лейла маратовна", "юсупова"),
    ("смит джон", "смита джона", "джон", "джон", "смит"),
    ("белоусова мария", "белоусовой марии", "мария", "мария", "белоусова"),
    ("ващенко остап григорьевич", "ващенко остапа григорьевича", "остап", "остап григорьевич", "ващенко"),
    ("жукова дарья евгеньевна", "жуковой дарьи евгеньевны", "дарья", "дарья евгеньевна", "жукова"),
    ("мамедов фарид айдынович", "мамедова фарида айдыновича", "фарид", "фарид айдынович", "мамедов"),
]
RU_LET = {"а": "а", "б": "бэ", "в": "вэ", "г": "гэ", "д": "дэ", "е": "е", "ё": "ё", "ж": "жэ", "з": "зэ", "и": "и", "й": "и краткое",
          "к": "ка", "л": "эль", "м": "эм", "н": "эн", "о": "о", "п": "пэ", "р": "эр", "с": "эс", "т": "тэ", "у": "у", "ф": "эф",
          "х": "ха", "ц": "цэ", "ч": "че", "ш": "ша", "щ": "ща", "ъ": "твердый знак", "ы": "ы", "ь": "мягкий знак", "э": "э", "ю": "ю", "я": "я"}
LAT_LET = {"a": "эй", "b": "би", "c": "си", "d": "ди", "e": "и", "f": "эф", "g": "джи", "h": "эйч", "i": "ай", "j": "джей", "k": "кей",
           "l": "эл", "m": "эм", "n": "эн", "o": "оу", "p": "пи", "q": "кью", "r": "ар", "s": "эс", "t": "ти", "u": "ю", "v": "ви",
           "w": "дабл ю", "x": "экс", "y": "уай", "z": "зед"}
LAT_RU = {"a": "а", "b": "бэ", "c": "цэ", "d": "дэ", "e": "е", "f": "эф", "g": "гэ", "h": "аш", "i": "и", "j": "йот", "k": "ка",
          "l": "эль", "m": "эм", "n": "эн", "o": "о", "p": "пэ", "q": "ку", "r": "эр", "s": "эс", "t": "тэ", "u": "у", "v": "вэ",
          "w": "дубль вэ", "x": "икс", "y": "игрек", "z": "зэт"}
def spell_ru(word):
    return " ".join(RU_LET[c] for c in word if c in RU_LET)

OPERATORS = ["арина", "максим", "екатерина", "денис", "ольга", "тимур", "алёна", "сергей", "валерия", "кирилл", "юлия", "роман", "наталья", "артём"]
COMPANIES = {"bank": ["восход банк", "финрост", "банк заречье", "кредитный дом"], "telecom": ["связьплюс", "волна телеком", "нетлайн", "домофон сервис"],
             "clinic": ["медлайн", "клиника здоровье плюс", "доктор рядом"], "delivery": ["быстрая почта", "грузовичок", "экспресс доставка"],
             "insurance": ["страхфонд", "надёжный полис"], "utility": ["горводоканал", "энергосбыт центр", "управляющая компания уют"],
             "marketplace": ["маркетплейс покупай", "озон", "мегамаркет"], "travel": ["авиатур", "жд билеты онлайн"], "tax": ["налоговый консультант плюс", "госуслуги помощь"]}
CITIES = ["казань", "самара", "новосибирск", "екатеринбург", "твери", "перми", "ростове", "краснодар", "уфа", "воронеж", "омске", "тюмени"]
STREETS = [("улица", "ленина"), ("ул", "садовая"), ("проспект", "мира"), ("переулок", "кривоколенный"), ("шоссе", "энтузиастов"),
           ("улица", "маршала жукова"), ("улица", "восьмого марта"), ("бульвар", "гагарина"), ("улица", "двадцать пятого октября"),
           ("проспект", "победы"), ("улица", "карла маркса"), ("проезд", "шокальского"), ("улица", "набережная"), ("пр", "ленинский"),
           ("улица", "новая"), ("переулок", "озёрный"), ("улица", "первомайская"), ("микрорайон", "северный")]
VILLAGES = ["деревня малиновка", "село покровское", "посёлок зелёный бор", "снт ромашка", "деревня кузьминки"]
STAFF = ["доктор смирнова", "курьер алексей", "мастер виктор павлович", "менеджер оксана", "терапевт иванова", "инженер петренко", "юрист марина сергеевна"]

def num(n):  # a count / small number as words
    return grp(str(n)) if n < 1000 else str(n)

def price():
    a = R.choice([ch(["триста сорок", "пятьсот", "девятьсот девяносто", "сто пятьдесят", "семьсот двадцать"]) + " рублей",
                  ch(["две тысячи", "три тысячи", "четыре тысячи", "тысяча", "двенадцать тысяч"]) + " " + ch(["четыреста девяносто девять", "сто", "пятьсот", "двести", "девятьсот"]) + " рублей",
                  str(R.randint(3, 90) * 100) + " рублей", ch(["полторы тысячи", "девятнадцать тысяч девятьсот"]) + " рублей"])
    return a
DAYS = ["первого", "второго", "третьего", "пятого", "седьмого", "девятого", "десятого", "двенадцатого", "пятнадцатого", "двадцатого", "двадцать первого", "двадцать восьмого", "тридцатого"]
MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
def date(): return ch(DAYS) + " " + ch(MONTHS)
def time_(): return ch(["десять тридцать", "четырнадцать сорок", "девять утра", "в шесть вечера", "одиннадцать ноль ноль", "пятнадцать пятнадцать", "восемнадцать тридцать", "с десяти до двух"])
YEARS = ["семьдесят девятого", "восемьдесят четвёртого", "девяносто первого", "шестьдесят восьмого", "двухтысячного", "две тысячи третьего", "восемьдесят восьмого", "тысяча девятьсот семьдесят второго", "девяносто девятого", "пятьдесят шестого"]

# ---------- building ----------
class C:
    def __init__(s, dom):
        s.dom = dom; s.lines = []; s.comp = ch(COMPANIES[dom]); s.op = ch(OPERATORS)
    def o(s, t): s.lines.append("o: " + t)
    def c(s, t): s.lines.append("c: " + t)
    def say_(s, who, t): s.lines.append(who + ": " + t)

def other(who): return "c" if who == "o" else "o"

# ---- span blocks: each takes a case and appends lines ----
def b_phone(k):
    d = ch(["9"]) + rd(9)[0:9]
    d = ch("9") + ch("0123456789") + rd(8, "0123456789")
    d = d[:10]
    pre = ch(["восемь", "плюс семь", "8", "семь"])
    v = R.randrange(10)
    if v >= 8:  # a group restarted mid-word: «девятьсот… нет восемьсот шестнадцать»
        bad = ch([w for w in HUN[5:] if w != HUN[int(d[0])]])
        k.c("[phone/corrected: %s %s] нет [phone/corrected: %s] [phone: %s]" % (pre, bad, grp(d[:3]), say(d[3:], [3, 2, 2])))
        k.o("[phone: %s] да" % say(d, [3, 3, 2, 2]))
    elif v == 0:  # in pieces across turns
        k.c("номер [phone: %s %s]" % (pre, grp(d[:3])))
        k.o(ch(["так дальше", "да дальше", "угу"]))
        k.c("[phone: %s]" % say(d[3:6], [3]))
        k.o("дальше")
        k.c("[phone: %s]" % say(d[6:], [2]))
    elif v == 1:  # interrupted
        k.c("запишите [phone: %s %s %s] секунду у меня вторая линия" % (pre, grp(d[:3]), grp(d[3:6])))
        k.o("да я жду")
        k.c("всё так [phone: %s]" % say(d[6:], [2]))
        k.o("номер [phone: %s] верно" % say(d, [3, 3, 2, 2]))
    elif v == 2:  # self-correction
        wrong = d[:3] + str((int(d[3]) + 1) % 10) + d[4:]
        k.c("телефон [phone/corrected: %s %s] ой нет не %s а %s" % (pre, say(wrong, [3, 3, 2, 2]), U[int(wrong[3])], U[int(d[3])]))
        k.o("то есть [phone/corrected: %s] так" % say(d, [3, 3, 2, 2]))
        k.c("да")
    elif v == 3:  # damaged
        s, ok = damage(say(d, [3, 3, 2, 2]))
        k.c("мой номер [phone/%s: %s %s]" % ("other" if ok else "words", pre, s))
        k.o(ch(["записала", "понял", "спасибо"]))
    elif v == 4:  # mixed digits and words
        k.c("мобильный [phone: %s %s %s]" % (pre, d[:3], say(d[3:], [3, 2, 2])))
        k.o("повторяю [phone: %s %s]" % (d[:3], " ".join(split(d[3:], [3, 2, 2]))))
    elif v == 5:  # operator read-back wrong, corrected
        wrong = d[:6] + d[7] + d[6] + d[8:]
        if wrong == d: wrong = d[:9] + str((int(d[9]) + 3) % 10)
        k.c("[phone: %s %s]" % (pre, say(d, [3, 3, 2, 2])))
        k.o("[phone/corrected: %s] правильно" % say(wrong, [3, 3, 2, 2]))
        k.c("нет в конце [phone/corrected: %s]" % say(d[6:], [2, 2]))
        k.o("[phone: %s] теперь верно" % say(d[6:], [2, 2]))
    elif v == 6:  # landline with a code
        code = ch(["495", "812", "843", "343", "383"])
        n = rd(7, "23456789")
        k.c("городской [phone: %s %s %s]" % (ch(["восемь", "8"]), grp(code), say(n, [3, 2, 2])))
        k.o("код [phone: %s] и дальше [phone: %s] да" % (grp(code), say(n, [3, 2, 2])))
    else:  # the operator asks, the client says a piece twice
        k.o("на какой номер перезвонить")
        k.c("[phone: %s %s] [phone: %s] ещё раз [phone: %s]" % (pre, grp(d[:3]), say(d[3:], [3, 2, 2]), say(d[3:], [3, 2, 2])))
    return

def card_pieces(d):
    return [d[i:i + 4] for i in range(0, 16, 4)]

def b_card(k):
    d = take(CARDS)
    p = card_pieces(d)
    v = R.randrange(7)
    if v == 0:
        k.c("номер карты [card: %s]" % say(p[0], [2]))
        k.o("дальше")
        k.c("[card: %s] секунду карту достану" % say(p[1], [2]))
        k.c("так [card: %s]" % say(p[2], [2]))
        k.o(ch(["и последние", "последняя группа"]))
        k.c("[card: %s]" % say(p[3], [2]))
    elif v == 1:
        k.c("карта [card: %s %s %s %s]" % (p[0], say(p[1], [2]), p[2], say(p[3], [2])))
        k.o("проверяю [card: %s]" % " ".join(p))
    elif v == 2:  # stop, from the start
        k.c("[card/corrected: %s %s] стоп сначала" % (say(p[0], [2]), say(p[1][:2], [2])))
        k.c("[card: %s]" % say(d, [2]))
    elif v == 3:  # the operator says the card: a breach, still a span
        k.o("у вас карта [card: %s] привязана" % say(d, [4]))
        k.c("да она")
    elif v == 4:
        k.o("назовите последние {count: четыре} цифры карты")
        last = p[3]
        k.c("[card: %s]" % ch([say(last, [2]), " ".join(U[int(x)] for x in last), last]))
        if R.random() < .5:
            k.o("карта заканчивается на [card: %s] верно" % say(last, [2]))
    elif v == 5:  # a corrected piece
        bad = p[2][:3] + str((int(p[2][3]) + 5) % 10)
        k.c("[card: %s %s]" % (say(p[0], [2]), say(p[1], [2])))
        k.c("[card/corrected: %s] нет [card/corrected: %s] и [card: %s]" % (say(bad, [2]), say(p[2], [2]), say(p[3], [2])))
    else:
        k.c("карта [card: %s]" % say(d, [4]))
        k.o("ещё раз медленно пожалуйста")
        k.c("[card: %s]" % " ".join(U[int(x)] for x in d))

def b_cvv(k):
    d = rd(3, "0123456789")
    w = say(d, [3]) if R.random() < .5 else " ".join(U[int(x)] for x in d)
    v = R.randrange(6)
    if v == 0:
        k.o("и три цифры на обороте")
        k.c("[cvv: %s]" % w)
    elif v == 1:
        k.c("код на обороте [cvv: %s] ой нет [cvv/corrected: %s]" % (" ".join(U[int(x)] for x in d), " ".join(U[int(x)] for x in d[:2] + str((int(d[2]) + 1) % 10))))
    elif v == 2:  # operator says it: breach
        k.o("так cvv [cvv: %s] правильно" % w)
        k.c("да")
    elif v == 3:
        k.c("сзади [cvv: %s] написано" % d)
    elif v == 4:
        s, ok = damage(say(d, [3]), ch(["glue", "case"]))
        k.o("код безопасности")
        k.c("[cvv/%s: %s]" % ("other" if ok else "words", s))
    else:
        k.o("cvv код с обратной стороны")
        k.c("[cvv: %s] секунду [cvv: %s] да" % (U[int(d[0])], " ".join(U[int(x)] for x in d[1:])))

def b_code(k):
    n = ch([4, 4, 5, 6, 6])
    d = rd(n, "0123456789")
    v = R.randrange(6)
    if v == 0:
        k.o("вам пришёл код в смс продиктуйте")
        k.c("[code: %s]" % say(d, [2, 2, 2] if n != 5 else [3, 2]))
    elif v == 1:
        k.c("код подтверждения [code: %s] нет подождите это старый" % say(rd(n, "0123456789"), [3, 3] if n == 6 else [2]))
        k.c("вот новый [code: %s]" % " ".join(U[int(x)] for x in d))
    elif v == 2:
        k.c("код [code: %s]" % say(d[:n // 2], [3]))
        k.o("дальше")
        k.c("[code: %s]" % say(d[n // 2:], [3]))
    elif v == 3:
        s, ok = damage(say(d, [2]))
        k.o("скажите код из смс")
        k.c("[code/%s: %s]" % ("other" if ok else "words", s))
    elif v == 4:
        k.c("пароль из смс [code: %s]" % d)
        k.o("повторите [code: %s]" % " ".join(U[int(x)] for x in d))
    else:
        k.o("назовите проверочный код")
        k.c("[code: %s %s]" % (d[:2], say(d[2:], [2])))

def b_passport(k):
    s = rd(2, "0123456789") + rd(2, "0123456789")
    s = ch(["45", "46", "40", "92", "63", "18", "71"]) + ch(["01", "05", "08", "10", "12", "14", "16", "19", "21"])
    n = rd(6)
    v = R.randrange(6)
    if v == 0:
        k.o("серия паспорта")
        k.c("[passport: %s]" % say(s, [2]))
        k.o("номер")
        k.c("[passport: %s]" % say(n, [3]))
    elif v == 1:
        k.c("паспорт [passport: %s %s]" % (s, n))
    elif v == 2:
        wrong = n[:3] + str((int(n[3]) + 2) % 10) + n[4:]
        k.c("серия номер [passport/corrected: %s %s] нет [passport/corrected: %s] в середине" % (say(s, [2]), say(wrong, [3]), say(n, [3])))
    elif v == 3:
        x, ok = damage(say(s + n, [2, 2, 3, 3]))
        k.c("[passport/%s: %s]" % ("other" if ok else "words", x))
        k.o("это серия и номер да")
    elif v == 4:
        k.c("серия [passport: %s] номер [passport: %s] выдан {passport_office: отделом уфмс} {doc_date: %s %s года}" % (say(s, [2]), say(n, [2]), ch(DAYS), ch(MONTHS)))
    else:
        k.o("повторяю серия [passport: %s] номер [passport: %s]" % (" ".join(split(s, [2])), " ".join(split(n, [3]))))
        k.c("всё верно")

def b_snils(k):
    d = take(SNILS)
    g = [d[0:3], d[3:6], d[6:9], d[9:]]
    v = R.randrange(6)
    if v == 0:
        k.c("снилс [snils: %s]" % say(d, [3, 3, 3, 2]))
    elif v == 1:
        k.c("[snils: %s]" % say(d[:6], [3]))
        k.o("дальше")
        k.c("[snils: %s] и [snils: %s]" % (say(g[2], [3]), say(g[3], [2])))
    elif v == 2:
        bad = g[3][::-1] if g[3][::-1] != g[3] else "%02d" % ((int(g[3]) + 11) % 100)
        k.c("[snils: %s]" % say(d, [3, 3, 3, 2]))
        k.o("повторяю [snils: %s %s]" % (say(d[:9], [3]), say(bad, [2])))
        k.c("нет в конце [snils: %s] а не [snils: %s]" % (say(g[3], [2]), say(bad, [2])))
    elif v == 3:
        k.c("страховой номер [snils: %s %s %s %s]" % (g[0], g[1], g[2], g[3]))
    elif v == 4:
        k.c("[snils: %s %s]" % (g[0], say(d[3:], [3, 3, 2])))
        k.o("номер снилс [snils: %s] записала" % say(d, [3, 3, 3, 2]))
    else:
        x, ok = damage(say(d, [3, 3, 3, 2]), ch(["glue", "case", "double"]))
        k.c("снилс [snils/%s: %s]" % ("other" if ok else "words", x))

def b_inn(k):
    d = take(INN12) if R.random() < .65 else take(INN10)
    v = R.randrange(5)
    if v == 0:
        k.c("инн [inn: %s]" % say(d, [3]))
    elif v == 1:
        h = len(d) // 2
        k.c("инн [inn: %s]" % say(d[:h], [2]))
        k.o("так")
        k.c("[inn: %s]" % say(d[h:], [2]))
    elif v == 2:
        k.c("мой инн [inn: %s]" % d)
        k.o("[inn: %s] верно" % say(d, [2]))
    elif v == 3:
        h = 4
        k.c("[inn: %s %s]" % (d[:h], say(d[h:], [2])))
    else:
        x, ok = damage(say(d, [2]), ch(["glue", "no", "case"]))
        k.c("инн [inn/%s: %s]" % ("other" if ok else "words", x))
        k.o("продиктуйте цифрами ещё раз")
        k.c("[inn: %s]" % " ".join(split(d, [4, 4, 4, 2])))

def b_account(k):
    d = ch(["40817810", "40817810", "40802810", "42307810", "40820810"]) + rd(12, "0123456789")
    g = split(d, [5, 3, 1, 4, 7])
    v = R.randrange(5)
    if v == 0:
        k.c("счёт [account: %s]" % " ".join(g))
    elif v == 1:
        k.c("номер счёта [account: %s]" % say(d[:10], [3, 3, 2, 2]))
        k.o("дальше")
        k.c("[account: %s]" % say(d[10:], [2]))
    elif v == 2:
        k.c("реквизиты счёт [account: %s %s]" % (d[:8], say(d[8:], [3, 3, 2, 2, 2])))
        k.o("получатель [account: %s] верно" % " ".join(split(d, [4])))
    elif v == 3:
        k.c("счёт [account: %s]" % say(d, [2]))
    else:
        k.c("лицевой счёт ой нет расчётный [account: %s]" % say(d[:12], [4]))
        k.o("так")
        k.c("[account: %s]" % say(d[12:], [4]))

def spell_lat(word, style):
    t = LAT_LET if style == 0 else LAT_RU
    return " ".join(t[c] for c in word)

DOMAINS = [("яндекс ру", "yandex"), ("мейл ру", "mail"), ("джимейл ком", "gmail"), ("рамблер ру", "rambler"), ("бк ру", "bk"), ("инбокс ру", "inbox")]
LOGINS = ["kotova", "ivan", "petrov", "olga", "max", "lena", "dima", "serg", "alex", "nina", "zoya", "tim"]
def b_email(k):
    login = ch(LOGINS)
    num_ = str(R.randint(1, 99))
    dom, _ = ch(DOMAINS)
    st = R.randrange(2)
    v = R.randrange(7)
    if v == 6:  # a piece spelled twice
        k.c("почта [email/spelled: %s] ещё раз [email/spelled: %s] и [email: точка %s собака %s]" % (spell_lat(login, st), spell_lat(login, 1 - st), ch(LOGINS), dom))
    elif v == 0:
        k.c("почта [email/spelled: %s %s собака %s]" % (spell_lat(login, st), grp(num_) if len(num_) < 3 else num_, dom))
    elif v == 1:
        a, b = ch(LOGINS), ch(LOGINS)
        k.c("[email/spelled: %s нижнее подчёркивание %s]" % (spell_lat(a, st), spell_lat(b, st)))
        k.o("дальше")
        k.c("[email: собака %s]" % dom)
    elif v == 2:
        k.c("электронка [email: %s точка %s собака %s]" % (login, ch(LOGINS), dom))
        k.o("[email: %s точка %s] по буквам пожалуйста" % (login, ch(["ру", "ком"])) if False else "по буквам пожалуйста")
        k.c("[email/spelled: %s]" % spell_lat(login, st))
    elif v == 3:
        k.c("[email/spelled: %s дефис %s собака %s]" % (spell_lat(login, st), grp(num_), dom))
        k.o("[email: %s дефис %s собака %s] верно" % (login, num_, dom))
    elif v == 4:
        k.c("почта [email/corrected: %s собака мейл ру] ой нет [email/corrected: собака %s]" % (login, ch(["яндекс ру", "джимейл ком"])))
    else:
        k.o("адрес почты для чека")
        k.c("[email/spelled: %s] собака [email: %s]" % (spell_lat(login, st), dom))

def b_birthdate(k):
    day, mon, yr = ch(DAYS), ch(MONTHS), ch(YEARS)
    v = R.randrange(6)
    if v == 0:
        k.o("дата рождения")
        k.c("[birthdate: %s %s %s] года" % (day, mon, yr))
    elif v == 1:
        dd, mm, yy = R.randint(1, 28), R.randint(1, 12), R.randint(1950, 2004)
        k.c("родилась [birthdate: %02d %02d %d]" % (dd, mm, yy))
    elif v == 2:
        k.c("день рождения [birthdate/corrected: %s %s] нет [birthdate/corrected: %s %s %s]" % (ch(DAYS), mon, day, mon, yr))
    elif v == 3:
        k.o("год рождения")
        k.c("[birthdate: %s]" % ch(["тысяча девятьсот восемьдесят первый", "восемьдесят пятый", "девяносто второй", "шестидесятый", "двухтысячный"]))
        k.o("а число")
        k.c("[birthdate: %s %s]" % (day, mon))
    elif v == 4:
        k.c("я [birthdate: %s] года рождения" % yr)
    else:
        k.c("дата рождения [birthdate: %s %s %s]" % (day, mon, yr))
        k.o("[birthdate: %s %s] так" % (day, mon))

def house_words():
    h = R.randint(1, 120)
    return (grp(str(h)) if R.random() < .7 else str(h)), h

def b_address(k):
    t, name = ch(STREETS)
    hw, _ = house_words()
    fl = R.randint(1, 240); fw = grp(str(fl)) if R.random() < .7 else str(fl)
    korp = ch(["", " корпус %s" % ch(["два", "один", "три", "2"]), " строение %s" % ch(["один", "два"]), " дробь %s" % ch(["два", "один", "4"])])
    v = R.randrange(8)
    city = ch(CITIES)
    if v == 0:
        k.c("адрес {city: %s} [address: %s %s дом %s%s квартира %s]" % (city, t, name, hw, korp, fw))
    elif v == 1:
        k.c("[address: %s %s]" % (t, name))
        k.o("дом")
        k.c("[address: %s%s]" % (hw, korp))
        k.o("квартира")
        k.c("[address: %s]" % fw)
    elif v == 2:
        k.c("[address: квартира %s дом %s %s %s]" % (fw, hw, t, name))
    elif v == 3:
        k.c("[address: %s д %s кв %s]" % (name, hw, fw))
        k.o("город")
        k.c("{city: %s}" % city)
    elif v == 4:
        k.c("[address: %s дом %s]" % (ch(VILLAGES), hw))
        k.o("а квартира")
        k.c("нет это частный дом индекс {postal_index: %s}" % " ".join(U[int(x)] for x in rd(6)))
    elif v == 5:
        h2 = R.randint(1, 99)
        k.c("[address/corrected: %s %s дом %s] ой не %s а [address/corrected: %s]" % (t, name, grp(str(h2)), grp(str(h2)), hw))
        k.o("квартира")
        k.c("[address: %s]" % fw)
    elif v == 6:
        wf = grp(str(fl + ch([1, 2, 10, 100])))
        k.o("адрес доставки {city: %s} [address/corrected: %s %s дом %s квартира %s] верно" % (city, t, name, hw, wf))
        k.c("нет [address/corrected: квартира %s] а не %s" % (fw, wf))
    else:
        x, ok = damage("дом %s квартира %s" % (grp(str(R.randint(1, 120))), grp(str(fl))), ch(["glue", "case"]))
        k.c("[address: %s %s] [address/%s: %s]" % (t, name, "other" if ok else "words", x))
        k.o("подъезд этаж")
        k.c("{count: второй подъезд} {floor: девятый этаж}")

def misheard(w):
    for a, b in (("о", "а"), ("а", "о"), ("е", "и"), ("и", "е"), ("у", "о")):
        if a in w: return w.replace(a, b, 1), a
    return w + "а", "конце без а"

def b_name(k):
    p = ch(PEOPLE)
    full, gen, first, fp, sur = p
    v = R.randrange(8)
    if v == 0:
        k.o("как к вам обращаться")
        k.c("[name: %s]" % full)
        k.o("[name: %s] слушаю вас" % fp)
    elif v == 1:
        k.c("карта оформлена на имя [name: %s]" % gen)
    elif v == 2:
        k.c("фамилия [name: %s]" % sur)
        k.o("по буквам")
        k.c("[name/spelled: %s]" % spell_ru(sur.replace(" ", "")))
        k.o("имя отчество")
        k.c("[name: %s]" % fp)
    elif v == 3:
        k.c("меня зовут [name: %s] звоню по карте мамы [name: %s]" % (first, gen))
    elif v == 4:
        mis, letter = misheard(sur)
        k.o("как записать фамилию")
        k.c("[name: %s]" % sur)
        k.o("[name/corrected: %s] правильно" % mis)
        k.c("нет [name/corrected: %s] через %s" % (sur, letter))
        k.o("[name: %s] а имя" % sur)
        k.c("[name: %s]" % first)
    elif v == 5:
        k.c("[name: %s]" % sur)
        k.o("инициалы")
        k.c("[name/spelled: %s]" % " ".join(RU_LET[w[0]] for w in fp.split()))
    elif v == 6:
        k.o("владелец [name: %s] это вы" % full)
        k.c("да")
    else:
        k.c("получатель [name: %s %s]" % (sur, first))
        k.o("то есть [name: %s]" % (first + " " + sur))

SPAN_BLOCKS = {"phone": b_phone, "card": b_card, "cvv": b_cvv, "code": b_code, "passport": b_passport, "snils": b_snils,
               "inn": b_inn, "account": b_account, "email": b_email, "birthdate": b_birthdate, "address": b_address, "name": b_name}

# ---- trap blocks: look-alikes ----
def t_order(k):
    d = rd(R.choice([7, 8, 9]))
    who = ch(["o", "c"])
    k.say_(who, "номер заказа {order: %s}" % say(d[:4], [2]))
    k.say_(other(who), ch(["так", "записываю", "угу"]))
    k.say_(who, "{order: %s}" % say(d[4:], [3, 2]))
def t_price_corr(k):
    k.o("к оплате {price: девятьсот} нет простите {price: восемьсот шестнадцать} рублей")
    k.c("а почему в прошлый раз было {price: %s}" % price())
def t_company_email(k):
    k.o("пишите на {company_email: %s собака %s}" % (ch(["инфо", "саппорт", "help", "клиент"]), ch(["связьплюс ру", "банк ру", "медлайн ру", "доставка ком"])))
    k.c("записала")
def t_office(k):
    t, n = ch(STREETS)
    k.o("наш офис {office_address: %s %s дом %s} {city: %s} с {time: %s}" % (t, n, grp(str(R.randint(1, 90))), ch(CITIES), ch(["девяти", "десяти", "восьми утра"])))
def t_staff(k):
    k.o("к вам приедет {staff_name: %s} {date: %s} с {time: %s}" % (ch(STAFF), date(), ch(["десяти", "двух", "девяти"])))
def t_tariff(k):
    k.o("у вас тариф {tariff: %s} скорость {speed: %s}" % (ch(["домашний сто", "безлимит шестьсот", "тариф двести пятьдесят", "оптима пятьсот", "смарт плюс триста"]), ch(["сто мегабит", "пятьсот мегабит в секунду", "двести", "один гигабит"])))
    k.c("а сколько стоит")
    k.o("{price: %s} в месяц скидка {percent: %s}" % (price(), ch(["пятнадцать процентов", "десять процентов", "двадцать пять процентов", "пять процентов"])))
def t_ticket(k):
    d = rd(6)
    k.o("номер обращения {ticket: %s} запишите" % say(d, [3]))
    k.c("{ticket: %s} да" % " ".join(split(d, [3])))
def t_count(k):
    k.c("я звоню уже {count: %s} за {count: %s}" % (ch(["третий раз", "пятый раз", "второй раз", "четвёртый раз"]), ch(["неделю", "два дня", "месяц"])))
def t_payment(k):
    k.c("платил {date: %s} в {time: %s} {price: %s}" % (date(), time_(), price()))
def t_hotline(k):
    k.o("горячая линия {hotline: восемь восемьсот %s}" % say(rd(7, "23456789"), [3, 2, 2]))
def t_contract(k):
    d = rd(8)
    k.c("договор {contract: %s} от {doc_date: %s}" % (say(d, [2]), date()))
def t_meter(k):
    k.c("показания {reading: %s} холодная {reading: %s}" % (say(str(R.randint(1000, 99999)), [3]), say(str(R.randint(100, 999)), [3])))
def t_expiry(k):
    k.c("срок действия {card_expiry: %s %s}" % (two("%02d" % R.randint(1, 12)), two("%02d" % R.randint(25, 31))))
def t_track(k):
    k.o("трек номер {track: %s}" % say(rd(10) + rd(4), [3, 3, 4, 4]))
def t_flight(k):
    k.o("рейс {flight: су %s} {date: %s} вылет {time: %s}" % (grp(str(R.randint(100, 1999)) if False else str(R.randint(100, 999))), date(), time_()))
def t_plate(k):
    k.c("машина {car_plate: а %s вэ ха} регион {other_number: %s}" % (say(rd(3), [3]), grp(str(R.choice([77, 99, 116, 161, 54])))))
def t_age(k):
    k.c("мне {age: %s}" % ch(["шестьдесят восемь лет", "сорок два года", "семьдесят три года", "восемьдесят один год"]))
def t_loyalty(k):
    k.o("бонусная карта {loyalty: %s} баллов {count: %s}" % (say(rd(6), [3]), ch(["триста", "тысяча двести", "пятьсот сорок"])))
def t_bank_req(k):
    k.o("наш бик {bik: ноль четыре %s} инн банка {inn_bank: %s}" % (say(rd(7), [3, 2, 2]), say(rd(10, "78"), [2])))
def t_policy(k):
    k.c("полис {policy: %s}" % say(rd(8), [4]))
def t_index(k):
    k.c("индекс {postal_index: %s} {city: %s}" % (say(rd(6, "14"), [3]), ch(CITIES)))
def t_street(k):
    t, n = ch(STREETS)
    k.c("это на {street: %s %s} рядом с метро" % (t, n))
def t_weight(k):
    k.o("посылка {weight: %s} килограмма доставка {price: %s}" % (ch(["два с половиной", "четыре", "двенадцать"]), price()))
def t_dose(k):
    k.c("пью по {dose: %s} миллиграмм" % ch(["пятьсот", "двадцать пять", "сто"]))
def t_product(k):
    k.c("модель {product: %s}" % ch(["айфон пятнадцать", "галакси эс двадцать четыре", "редми ноут тринадцать", "роутер ax три тысячи"]))
def t_room(k):
    k.o("кабинет {room: %s} {floor: %s этаж}" % (grp(str(R.randint(100, 420))), ch(["третий", "второй", "пятый"])))
def t_utility(k):
    k.c("лицевой счёт по квартплате {utility_account: %s}" % say(rd(9), [3]))
def t_duration(k):
    k.o("ожидание {duration: %s минут}" % ch(["пятнадцать", "двадцать", "сорок"]))
def t_train(k):
    k.o("поезд {train: ноль %s} вагон {count: %s} место {other_number: %s}" % (grp(str(R.randint(10, 99))), ch(["седьмой", "двенадцатый"]), grp(str(R.randint(1, 54)))))
def t_corr_acc(k):
    k.o("корсчёт банка {corr_account: тридцать сто один %s}" % say(rd(8), [4]))
def t_dept(k):
    k.c("код подразделения {dept_code: %s}" % say(rd(3) + rd(3), [3]))
def t_version(k):
    k.c("приложение версия {version: %s}" % ch(["пять точка два", "семь один ноль", "три точка четырнадцать"]))
def t_serial(k):
    k.c("серийный номер роутера {serial: %s}" % say(rd(8), [2]))

TRAPS = [t_order, t_price_corr, t_company_email, t_office, t_staff, t_tariff, t_ticket, t_count, t_payment, t_hotline,
         t_contract, t_meter, t_expiry, t_track, t_flight, t_plate, t_age, t_loyalty, t_bank_req, t_policy, t_index,
         t_street, t_weight, t_dose, t_product, t_room, t_utility, t_duration, t_train, t_corr_acc, t_dept, t_version, t_serial,
         t_order, t_price_corr, t_tariff, t_ticket, t_payment, t_office, t_staff, t_company_email]

TRAP_DOMS = {"t_weight": "delivery marketplace", "t_dose": "clinic insurance", "t_flight": "travel", "t_train": "travel",
             "t_meter": "utility", "t_utility": "utility", "t_tariff": "telecom", "t_bank_req": "bank marketplace tax utility",
             "t_corr_acc": "bank tax utility", "t_expiry": "bank marketplace travel", "t_loyalty": "bank marketplace travel",
             "t_plate": "insurance delivery", "t_product": "telecom marketplace delivery", "t_version": "telecom bank marketplace",
             "t_serial": "telecom marketplace", "t_room": "clinic tax", "t_policy": "clinic insurance", "t_dept": "bank tax travel insurance telecom",
             "t_track": "delivery marketplace", "t_contract": "telecom insurance utility bank tax", "t_hotline": "bank telecom insurance utility"}
DOM_TYPES = {"bank": ["card", "cvv", "code", "account", "inn", "passport", "name", "birthdate", "phone"],
             "telecom": ["phone", "passport", "name", "address", "email", "code", "birthdate"],
             "clinic": ["snils", "name", "birthdate", "phone", "passport", "address"],
             "delivery": ["address", "phone", "name", "email", "code", "card"],
             "insurance": ["passport", "snils", "birthdate", "name", "inn", "account", "phone"],
             "utility": ["address", "name", "phone", "account", "email", "inn"],
             "marketplace": ["card", "cvv", "email", "phone", "address", "code", "name"],
             "travel": ["passport", "name", "birthdate", "email", "card", "cvv", "phone"],
             "tax": ["inn", "snils", "passport", "account", "name", "email", "birthdate"]}

def opening(k):
    k.o(("%s {company: %s} меня зовут {operator_name: %s} %s" % (ch(["здравствуйте", "добрый день", "алло"]), k.comp, k.op, ch(["слушаю вас", "чем помочь", ""]))).strip())

def closing(k):
    r = R.randrange(4)
    if r == 0: k.o("спасибо {operator_name: %s} всего доброго" % k.op if False else "спасибо за звонок вас консультировала {operator_name: %s}" % k.op)
    elif r == 1: k.o("готово списание {price: %s} {date: %s}" % (price(), date()))
    elif r == 2: k.o("ждём вас {date: %s} в {time: %s}" % (date(), time_()))
    else: k.o("перезвоним в течение {duration: %s}" % ch(["часа", "двух часов", "трёх дней", "тридцати минут"]))

# ---------- validation mirroring the converter's checks ----------
def luhn(d):
    s = 0
    for i, c in enumerate(reversed(d)):
        x = int(c)
        if i % 2: x *= 2; x = x - 9 if x > 9 else x
        s += x
    return s % 10 == 0
def snils_ctrl(d):
    s = sum(int(d[i]) * (9 - i) for i in range(9))
    if s < 100: return s
    if s in (100, 101): return 0
    s %= 101
    return 0 if s == 100 else s
def snils_ok(d): return snils_ctrl(d) == int(d[9:])
W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8]; W11 = [7] + W10; W12 = [3] + W11
def innd(d, w): return str(sum(int(d[i]) * k for i, k in enumerate(w)) % 11 % 10)
def inn_ok(d):
    if len(d) == 10: return innd(d, W10) == d[9]
    return innd(d, W11) == d[10] and innd(d, W12) == d[11]

LAB = re.compile(r"([\[{])([a-z_]+)(?:/[a-z]+)?:\s*([^\]}]*)[\]}]")
def valid(lines):
    spans = []
    for l in lines:
        for m in LAB.finditer(l[2:]):
            br, typ, words = m.groups()
            d = digits_of(words)
            if br == "[":
                spans.append((typ, d))
                if typ == "card" and len(d) >= 13 and not luhn(d): return False
                if typ == "account" and len(d) >= 16 and len(d) != 20: return False
                if typ == "passport" and len(d) > 10: return False
                if typ == "phone" and len(d) > 11: return False
                if typ == "snils" and len(d) == 11 and not snils_ok(d): return False
                if typ == "inn" and len(d) in (10, 12) and not inn_ok(d): return False
            else:
                if 13 <= len(d) <= 19 and luhn(d): return False
                if len(d) == 11 and snils_ok(d): return False
                if len(d) in (10, 12) and inn_ok(d): return False
                if len(d) == 20: return False
    full = {"card": 16, "snils": 11, "inn": 12, "account": 20}
    for typ, L in full.items():
        acc, parts = "", 0
        for t, d in spans:
            if t != typ: continue
            if len(d) >= L: acc, parts = "", 0; continue
            acc += d; parts += 1
            if parts > 1 and len(acc) == L:
                ok = {"card": luhn, "snils": snils_ok, "inn": inn_ok, "account": lambda x: True}[typ](acc)
                if not ok: return False
                acc, parts = "", 0
            elif len(acc) > L:
                acc, parts = d, 1
    return True

# ---------- the set ----------
N = int(sys.argv[1]) if len(sys.argv) > 1 else 260
counts = {t: 0 for t in SPAN_BLOCKS}
out = ["# p13 (cb): personal data given the hard way: in pieces across turns, self-corrections, recognizer damage,",
       "# letter-by-letter spelling; look-alike traps next to each. Markup: testdata/pii/blind2/conv/main.go.", ""]
doms = list(DOM_TYPES)
for i in range(N):
    dom = doms[i % len(doms)]
    for attempt in range(200):
        k = C(dom)
        if R.random() < .8: opening(k)
        # pick the two least-covered types this domain uses
        ts = sorted(DOM_TYPES[dom], key=lambda t: (counts[t] + R.random() * 6))
        picks = ts[:ch([1, 2, 2, 2, 3])]
        blocks = [SPAN_BLOCKS[t] for t in picks] + R.sample([t for t in TRAPS if dom in TRAP_DOMS.get(t.__name__, dom)], ch([1, 1, 2]))
        R.shuffle(blocks)
        for b in blocks: b(k)
        if R.random() < .6: closing(k)
        if 3 <= len(k.lines) <= 12 and valid(k.lines):
            break
    else:
        raise SystemExit("no valid case %d" % i)
    for l in k.lines:
        for m in LAB.finditer(l[2:]):
            if m.group(1) == "[": counts[m.group(2)] += 1
    out.append("== " + dom)
    out += k.lines
    out.append("")
open("/work/blind/p13/cb.src.txt", "w").write("\n".join(out) + "\n")
print(counts, file=sys.stderr)
