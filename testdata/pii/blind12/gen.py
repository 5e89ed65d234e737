# Generator of the p12 blind set: whole calls (8-12 segments, the converter's limit) in the
# converter's markup. Identifiers with checksums are drawn by the converter's own -gen mode
# (cards, SNILS, INN); everything else here. Usage: python3 gen.py > ca.src.txt
import random, subprocess, sys

R = random.Random(1206)

def conv_gen(kind, n):
    out = subprocess.run(["go", "run", "./testdata/pii/blind2/conv", "-gen", kind, str(n)],
                         cwd="/work/main", capture_output=True, text=True, check=True).stdout
    return out.split()

CARDS = conv_gen("card", 200)
SNILS = conv_gen("snils", 150)
INN12 = [d for d in conv_gen("inn12", 160) if not d.startswith("0") and d[:2] != "10"]
INN10 = [d for d in conv_gen("inn10", 60) if not d.startswith("0")]

# ---------- number words ----------
U = ["ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]
UF = ["ноль", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]
TEEN = ["десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать",
        "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"]
TENS = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят",
        "восемьдесят", "девяносто"]
HUN = ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот",
       "восемьсот", "девятьсот"]

def w999(n, fem=False):
    assert 0 <= n < 1000
    if n == 0:
        return "ноль"
    p = []
    if n >= 100:
        p.append(HUN[n // 100]); n %= 100
    if 10 <= n < 20:
        p.append(TEEN[n - 10])
    else:
        if n >= 20:
            p.append(TENS[n // 10]); n %= 10
        if n:
            p.append((UF if fem else U)[n])
    return " ".join(p)

def plural(n, one, few, many):
    if n % 100 in range(11, 15):
        return many
    if n % 10 == 1:
        return one
    if n % 10 in (2, 3, 4):
        return few
    return many

def words(n, fem=False):
    if n < 1000:
        return w999(n, fem)
    th, r = divmod(n, 1000)
    s = (w999(th, True) + " " + plural(th, "тысяча", "тысячи", "тысяч")) if th > 1 else "тысяча"
    if r:
        s += " " + w999(r, fem)
    return s

# The converter's digitsOf, to check that a spoken identifier reads back as its digits.
NW = {}
for i, w in enumerate(U): NW[w] = i
for w, v in (("нуль", 0), ("одна", 1), ("одно", 1), ("две", 2)): NW[w] = v
for i, w in enumerate(TEEN): NW[w] = 10 + i
for i, w in enumerate(TENS):
    if w: NW[w] = 10 * i
for i, w in enumerate(HUN):
    if w: NW[w] = 100 * i

def digits_of(s):
    out = []
    st = dict(val=0, have=False, hT=False, hU=False)
    def flush():
        if st["have"]:
            out.append(str(st["val"]))
        st.update(val=0, have=False, hT=False, hU=False)
    for t in s.split():
        if t.isdigit():
            flush(); out.append(t); continue
        if t not in NW:
            flush(); continue
        v = NW[t]
        if v == 0:
            flush(); out.append("0"); continue
        if v >= 100:
            flush()
        elif v >= 10:
            if st["hT"] or st["hU"]:
                flush()
            st["hT"] = True
            if v < 20:
                st["hU"] = True
        else:
            if st["hU"]:
                flush()
            st["hU"] = True
        st["val"] += v; st["have"] = True
    flush()
    return "".join(out)

def group_words(g):
    if len(g) > 3:
        k = 3 if len(g) % 2 else 2
        return group_words(g[:k]) + " " + group_words(g[k:])
    if g.startswith("0"):
        return " ".join(["ноль"] * (len(g) - len(g.lstrip("0"))) + ([w999(int(g))] if g.lstrip("0") else []))
    return w999(int(g))

def say(digs, groups, mode):
    """Speak a digit string in groups; mode d (digits), w (words), m (mixed), s (one digit at a time)."""
    parts, i = [], 0
    for k in groups:
        if digs[i:i + k]:
            parts.append(digs[i:i + k])
        i += k
    if i < len(digs):
        parts.append(digs[i:])
    if mode == "d":
        return " ".join(parts)
    if mode == "s":
        return " ".join(U[int(c)] for c in digs)
    out = []
    for j, g in enumerate(parts):
        if mode == "m" and (j % 2 == 1 if len(parts) > 2 else j == 1):
            out.append(g)
        else:
            out.append(group_words(g))
    s = " ".join(out)
    if digits_of(s) != digs:
        # a group that the reader would join with the next (двести тридцать): say it digit by digit
        out = []
        for g in parts:
            gw = group_words(g)
            if g.endswith("0") or len(g) == 1:
                gw = " ".join(U[int(c)] for c in g)
            out.append(gw)
        s = " ".join(out)
        if digits_of(s) != digs:
            s = " ".join(U[int(c)] for c in digs)
    assert digits_of(s) == digs, (digs, s)
    return s

def rd(k, first="123456789"):
    return R.choice(first) + "".join(R.choice("0123456789") for _ in range(k - 1))

def num(n, mode, fem=False):
    return str(n) if mode == "d" else words(n, fem)

def pick(*xs):
    return R.choice(xs)

# ---------- dates, times, money ----------
MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
          "октября", "ноября", "декабря"]
ORD_G = ["", "первого", "второго", "третьего", "четвертого", "пятого", "шестого", "седьмого",
         "восьмого", "девятого", "десятого", "одиннадцатого", "двенадцатого", "тринадцатого",
         "четырнадцатого", "пятнадцатого", "шестнадцатого", "семнадцатого", "восемнадцатого",
         "девятнадцатого", "двадцатого"]
TENS_ORD_G = {2: "двадцатого", 3: "тридцатого", 4: "сорокового", 5: "пятидесятого", 6: "шестидесятого",
              7: "семидесятого", 8: "восьмидесятого", 9: "девяностого"}

def ord_g(n):
    if n <= 20:
        return ORD_G[n]
    t, u = divmod(n, 10)
    return TENS_ORD_G[t] if u == 0 else TENS[t] + " " + ORD_G[u]

def ord_n(n):
    g = ord_g(n)
    w = g.split()
    last = w[-1]
    last = {"третьего": "третье"}.get(last, last[:-3] + "ое" if last.endswith("ого") else last)
    return " ".join(w[:-1] + [last])

def day_month(mode, case="g"):
    d, m = R.randint(1, 28), R.randint(0, 11)
    if mode == "d":
        return f"{d} {MONTHS[m]}"
    return (ord_g(d) if case == "g" else ord_n(d)) + " " + MONTHS[m]

def year_g(y, mode):
    if mode == "d":
        return str(y)
    if y < 2000:
        short = ord_g(y % 100)
        return short if R.random() < 0.6 else "тысяча девятьсот " + short
    if y == 2000:
        return "двухтысячного"
    return "две тысячи " + ord_g(y - 2000)

def clock(mode, h=None):
    h, m = h if h is not None else R.randint(8, 20), R.choice([0, 10, 15, 20, 30, 40, 45, 50])
    if mode == "d":
        return f"{h} {m:02d}" if m else f"{h} 00"
    return words(h) + (" " + words(m) if m else " ноль ноль")

def span_times(mode):
    h = R.randint(8, 17)
    return T("time", clock(mode, h)), T("time", clock(mode, h + R.randint(2, 4)))

def interval(mode):
    a, b = span_times(mode)
    return f"с {a} до {b}"

def price(mode):
    n = R.choice([R.randint(2, 99) * 10, R.randint(1, 60) * 100 - 1, R.randint(3, 150) * 100, R.randint(1, 9) * 1000 + 500])
    if mode == "d":
        return f"{n} " + plural(n, "рубль", "рубля", "рублей")
    return words(n, fem=False) + " " + plural(n, "рубль", "рубля", "рублей")

def ticket(mode):
    d = rd(R.choice([6, 7, 8]))
    return d if mode == "d" else say(d, [3, 3, 2], "w")

# ---------- people and places ----------
MALE = [("смирнов", "андрей", "викторович"), ("кузнецов", "олег", "павлович"), ("попов", "дмитрий", "сергеевич"),
        ("васильев", "игорь", "николаевич"), ("соколов", "михаил", "юрьевич"), ("морозов", "евгений", "анатольевич"),
        ("новиков", "алексей", "геннадьевич"), ("федоров", "роман", "ильич"), ("волков", "степан", "аркадьевич"),
        ("алексеев", "тимур", "рашидович"), ("лебедев", "константин", "олегович"), ("семенов", "виталий", "петрович"),
        ("егоров", "артем", "максимович"), ("павлов", "григорий", "владимирович"), ("козлов", "руслан", "маратович"),
        ("степанов", "денис", "александрович"), ("никитин", "борис", "львович"), ("орлов", "вадим", "эдуардович"),
        ("гусейнов", "эльдар", "фикретович"), ("хабибуллин", "ринат", "ильдарович"), ("ким", "станислав", "вячеславович"),
        ("белоусов", "филипп", "романович"), ("зайцев", "кирилл", "андреевич"), ("мельниченко", "тарас", "богданович")]
FEMALE = [("колесникова", "ирина", "витальевна"), ("иванова", "мария", "сергеевна"), ("петрова", "ольга", "николаевна"),
          ("сидорова", "анна", "павловна"), ("кравченко", "людмила", "ивановна"), ("захарова", "елена", "дмитриевна"),
          ("тихонова", "светлана", "олеговна"), ("белова", "наталья", "геннадьевна"), ("ахметова", "гульнара", "рустамовна"),
          ("фролова", "валентина", "степановна"), ("медведева", "дарья", "алексеевна"), ("кириллова", "юлия", "андреевна"),
          ("гаврилова", "татьяна", "михайловна"), ("шевченко", "оксана", "викторовна"), ("нестерова", "полина", "игоревна"),
          ("ершова", "вера", "константиновна"), ("соловьева", "надежда", "петровна"), ("голубева", "любовь", "васильевна"),
          ("яковлева", "кристина", "романовна"), ("савельева", "алла", "борисовна")]
OPS = ["арина", "максим", "екатерина", "денис", "алина", "сергей", "виктория", "павел", "ксения", "илья",
       "марина", "антон", "софья", "владислав", "юлиана", "никита", "диана", "глеб"]
CITIES = ["москва", "казань", "екатеринбург", "новосибирск", "самара", "тверь", "краснодар", "пермь",
          "нижний новгород", "воронеж", "уфа", "тула", "ярославль", "омск", "челябинск", "ростов на дону"]
CITIES_P = ["москве", "казани", "екатеринбурге", "новосибирске", "самаре", "твери", "краснодаре", "перми",
            "нижнем новгороде", "воронеже", "уфе", "туле", "ярославле", "омске", "челябинске", "ростове"]
STREETS = ["улица ленина", "улица гагарина", "проспект мира", "улица садовая", "улица профсоюзная",
           "улица пушкина", "улица строителей", "бульвар победы", "улица маяковского", "переулок кривоколенный",
           "улица карла маркса", "шоссе энтузиастов", "улица чкалова", "набережная тараса шевченко",
           "улица лесная", "проспект вернадского", "улица восьмого марта", "улица двадцати шести бакинских комиссаров",
           "улица молодежная", "улица советская", "улица зеленая", "проезд серебрякова"]
OFFICE_STREETS = ["тверская", "арбат", "невский проспект", "баумана", "куйбышева", "красная", "ленинградский проспект"]
EMAIL_USERS = [("петров", "иван"), ("олег", "кузнецов"), ("marina", "k"), ("anna", "sid"), ("vasya", "pupkin"),
               ("irina", "kolesnikova"), ("dima", "popov"), ("lena", "zakharova"), ("smirnov", "av"), ("tanya", "gavrilova")]
EMAIL_HOSTS = [("мейл", "ру"), ("яндекс", "ру"), ("джимейл", "ком"), ("gmail", "com"), ("mail", "ru"), ("рамблер", "ру"),
               ("bk", "ru"), ("инбокс", "ру"), ("list", "ru"), ("ya", "ru")]

# ---------- personal-data blocks: each returns (role, text) lines ----------
def name_block(mode, who):
    sur, first, pat = R.choice(MALE + FEMALE)
    v = R.random()
    if v < 0.35:
        return [("o", pick("как к вам обращаться", "представьтесь пожалуйста", "назовите фамилию имя отчество полностью")),
                ("c", pick("", "меня зовут ", "это ") + f"[name: {sur} {first} {pat}]")]
    if v < 0.6:
        return [("c", pick("меня зовут", "это", "я") + f" [name: {first} {pat}] " + pick("я у вас давно клиент", "я вам уже звонила" if sur.endswith("а") else "я вам уже звонил", "по поводу заявки")),
                ("o", f"[name: {first} {pat}] " + pick("подскажите фамилию", "уточните фамилию пожалуйста")),
                ("c", f"[name: {sur}]")]
    if v < 0.8:
        wrong = R.choice([s for s, _, _ in MALE + FEMALE if s[-1] == sur[-1] and s != sur] or [sur + "а"])
        return [("o", f"записываю [name: {wrong} {first} {pat}] верно"),
                ("c", f"нет [name/corrected: {sur}] " + pick("через о", "с ударением на второй слог", "не так") + " а имя правильно")]
    # a third party whose data is handled
    s2, f2, p2 = R.choice(MALE + FEMALE)
    return [("c", pick("звоню за маму", "я по поводу мамы", "это за сестру", "я за жену звоню") + f" [name: {s2} {f2} {p2}] она сама не может" if s2.endswith("а") else
             pick("я за отца звоню", "я по поводу мужа", "звоню за брата") + f" [name: {s2} {f2} {p2}] он сам не может"),
            ("o", f"хорошо доверенность на [name: {f2} {p2}] у нас есть")]

def phone_digits():
    return "89" + rd(9, "0123456789") if R.random() < 0.8 else "8" + R.choice(["495", "812", "843", "383"]) + rd(7, "23456789")

def phone_block(mode, who):
    d = phone_digits()
    body = d[1:]
    m = {"d": "d", "w": "w"}[mode] if R.random() < 0.75 else "m"
    lead = R.choice(["8", "plus", "none"])
    spoken = say(body, [3, 3, 2, 2], m)
    if lead == "8":
        full = ("8 " if m == "d" else "восемь ") + spoken
    elif lead == "plus":
        full = ("плюс 7 " if m == "d" else "плюс семь ") + spoken
    else:
        full = spoken
    lines = [("o", pick("назовите номер телефона для связи", "какой номер к договору привязан", "продиктуйте контактный номер", "на какой номер перезвонить")),
             ("c", pick("", "записывайте ", "мобильный ") + f"[phone: {full}]")]
    r = R.random()
    if r < 0.35:
        lines.append(("o", pick("повторяю", "проверим") + f" [phone: {say(body, [3, 3, 2, 2], m)}] " + pick("верно", "все правильно")))
        lines.append(("c", pick("да", "да верно", "все так")))
    elif r < 0.55:
        wrong = body[:-2] + "".join(str((int(c) + 3) % 10) for c in body[-2:])
        lines.append(("o", f"[phone: {say(wrong, [3, 3, 2, 2], m)}] так"))
        lines.append(("c", f"нет в конце [phone/corrected: {say(body[-2:], [2], m)}]"))
    elif r < 0.7:
        lines[0] = ("o", pick("телефон заканчивается на", "номер для связи у вас оканчивается на") + f" [phone: {say(body[-4:], [2, 2], m)}] " + pick("он актуален", "все верно"))
        lines[1] = ("c", pick("да актуален", "да этот", "да можно на него"))
    return lines

def card_block(mode, who):
    d = CARDS.pop()
    m = mode if R.random() < 0.75 else "m"
    r = R.random()
    if r < 0.45:
        last = d[-4:]
        lines = [("o", pick("назовите последние четыре цифры карты", "какие последние цифры у карты", "продиктуйте последние четыре цифры")),
                 ("c", f"[card: {say(last, [2, 2] if R.random() < 0.5 else [1, 1, 1, 1], m)}]")]
        if R.random() < 0.5:
            lines.append(("o", pick("карта заканчивается на", "вижу карту оканчивается на") + f" [card: {say(last, [1, 1, 1, 1], 's' if m != 'd' else 'd')}] " + pick("правильно", "да")))
        return lines
    lines = [("o", pick("продиктуйте номер карты полностью", "номер карты назовите", "с какой карты была оплата полный номер")),
             ("c", pick("", "так ", "сейчас достану ") + f"[card: {say(d, [4, 4, 4, 4], m)}]")]
    if R.random() < 0.5:
        lines.append(("o", f"карта [card: {say(d[-4:], [2, 2], m)}] " + pick("верно", "проверяю")))
    elif R.random() < 0.5:
        wrong = d[8:10] + "".join(str((int(c) + 4) % 10) for c in d[10:12])
        lines.append(("o", f"третья группа [card: {say(wrong, [2, 2], m)}] так"))
        lines.append(("c", pick("нет", "ой нет") + f" третья группа [card/corrected: {say(d[8:12], [2, 2], m)}]"))
    return lines

def cvv_block(mode, who):
    v = rd(3, "0123456789")
    m = mode if R.random() < 0.7 else "s"
    if R.random() < 0.5:
        lines = [("c", pick("а код на обороте тоже говорить", "там еще три цифры сзади") + f" [cvv: {say(v, [3] if R.random() < 0.5 else [1, 1, 1], m)}]"),
                 ("o", pick("стоп стоп код не называйте никому", "нет нет код с обратной стороны нам не нужен никогда его не сообщайте"))]
    else:
        lines = [("o", pick("назовите код с обратной стороны карты", "и cvv код три цифры на обороте") ),
                 ("c", f"[cvv: {say(v, [1, 1, 1], m)}]")]
        if R.random() < 0.5:
            lines.append(("o", f"cvv [cvv: {say(v, [3], m if m != 's' else 'w')}] принято"))
    return lines

def code_block(mode, who):
    k = R.choice([4, 4, 5, 6])
    v = rd(k, "0123456789")
    m = mode if R.random() < 0.7 else "s"
    lines = [("o", pick("вам пришел код в смс продиктуйте", "назовите код подтверждения из сообщения", "сейчас придет смс с кодом назовите его")),
             ("c", pick("", "пришел ", "сейчас так ") + f"[code: {say(v, [2] * 3 if R.random() < 0.5 else [1] * 6, m)}]")]
    if R.random() < 0.35:
        v2 = rd(k, "0123456789")
        lines.append(("c", f"ой это старый новый [code/corrected: {say(v2, [1] * 6, m)}]"))
    elif R.random() < 0.4:
        lines.append(("o", f"[code: {say(v, [2] * 3, m)}] код принят"))
    return lines

def passport_block(mode, who):
    ser, no = rd(4, "0123456789"), rd(6)
    m = mode if R.random() < 0.75 else "m"
    lines = [("o", pick("продиктуйте серию и номер паспорта", "мне нужны паспортные данные серия номер", "назовите серию номер паспорта")),
             ("c", f"серия [passport: {say(ser, [2, 2], m)}] номер [passport: {say(no, [3, 3] if R.random() < 0.6 else [2, 2, 2], m)}]")]
    r = R.random()
    if r < 0.4:
        dept = rd(3, "0123456789") + " " + rd(3, "0123456789")
        lines.append(("c", f"выдан {{doc_date: {day_month(mode)} {year_g(R.randint(2004, 2022), mode)}}} года код подразделения {{dept_code: {dept if mode == 'd' else say(dept.replace(' ', ''), [3, 3], 'w')}}}"))
    elif r < 0.65:
        lines.append(("o", f"паспорт [passport: {say(ser + no, [2, 2, 3, 3], m)}] верно"))
    else:
        lines.append(("o", f"номер [passport: {say(no, [3, 3], m)}] " + pick("проверяю", "записала")))
    return lines

def snils_block(mode, who):
    d = SNILS.pop()
    m = mode if R.random() < 0.75 else "m"
    lines = [("o", pick("назовите снилс", "продиктуйте номер снилс", "страховой номер снилс назовите пожалуйста")),
             ("c", f"[snils: {say(d, [3, 3, 3, 2], m)}]")]
    r = R.random()
    if r < 0.35:
        lines.append(("o", f"повторяю [snils: {say(d, [3, 3, 3, 2], m)}]"))
    elif r < 0.55:
        lines.append(("c", f"ой в конце [snils/corrected: {say(d[-2:], [2], m)}] контрольное"))
    return lines

def inn_block(mode, who):
    d = INN12.pop() if R.random() < 0.8 else INN10.pop()
    m = mode if R.random() < 0.75 else "m"
    g = [4, 2, 2, 2, 2] if len(d) == 12 else [4, 3, 3]
    lines = [("o", pick("продиктуйте ваш инн", "нужен инн для справки", "назовите инн двенадцать цифр" if len(d) == 12 else "инн ип назовите")),
             ("c", pick("", "так ", "инн ") + f"[inn: {say(d, g, m)}]")]
    if R.random() < 0.35:
        lines.append(("o", f"проверяю [inn: {say(d, g, m)}] " + pick("все верно", "проходит")))
    return lines

def account_block(mode, who):
    d = "40817810" + rd(12, "0123456789")
    m = mode if R.random() < 0.75 else "m"
    r = R.random()
    if r < 0.4:
        lines = [("o", pick("последние цифры счета назовите", "назовите последние четыре цифры счета")),
                 ("c", f"[account: {say(d[-4:], [2, 2], m)}]")]
        return lines
    lines = [("o", pick("продиктуйте номер счета получателя", "номер лицевого счета в банке двадцать цифр", "на какой счет вернуть продиктуйте")),
             ("c", f"[account: {say(d, [5, 3, 1, 4, 7], m)}]")]
    if R.random() < 0.4:
        lines.append(("o", f"счет заканчивается на [account: {say(d[-4:], [2, 2], m)}] верно"))
    return lines

def email_block(mode, who):
    u1, u2 = R.choice(EMAIL_USERS)
    host, tld = R.choice(EMAIL_HOSTS)
    yr = str(R.randint(70, 99))
    sep = pick("точка", "нижнее подчеркивание", "тире")
    num_part = f" {yr}" if mode == "d" else f" {words(int(yr))}"
    body = f"{u1} {sep} {u2}" + (num_part if R.random() < 0.4 else "") + f" собака {host} точка {tld}"
    lines = [("o", pick("куда направить чек электронная почта", "продиктуйте адрес электронной почты", "какая у вас почта")),
             ("c", f"[email: {body}]")]
    r = R.random()
    if r < 0.3:
        letters = " ".join(u1)
        lines.append(("o", f"[email/spelled: {letters}] по буквам да"))
    elif r < 0.5:
        lines.append(("o", f"записал [email: {u1} {u2} собака {host} {tld}] правильно"))
    return lines

def birthdate_block(mode, who):
    d, mo, y = R.randint(1, 28), R.randint(0, 11), R.randint(1945, 2004)
    if mode == "d":
        bd = R.choice([f"{d} {MONTHS[mo]} {y}", f"{d:02d} {mo + 1:02d} {y}"])
    elif mode == "w":
        bd = f"{ord_g(d)} {MONTHS[mo]} {year_g(y, 'w')}"
    else:
        bd = f"{d} {MONTHS[mo]} {year_g(y, 'w')}"
    r = R.random()
    if r < 0.5:
        return [("o", pick("дата рождения", "назовите дату рождения", "для проверки дату рождения пожалуйста")),
                ("c", f"[birthdate: {bd}]" + (" года" if mode != "d" and not bd[-1].isdigit() else ""))]
    if r < 0.8:
        yy = year_g(y, mode if mode != "m" else "w")
        if mode == "d" and R.random() < 0.5:
            yy = f"{y % 100:02d}"
        return [("o", f"дата рождения у вас [birthdate: {ord_n(d) if mode != 'd' else d} {MONTHS[mo]} {yy}] " + pick("года верно", "правильно")),
                ("c", pick("да", "да все верно", "да правильно"))]
    wrong = (d % 28) + 1
    return [("o", f"дата рождения [birthdate: {ord_n(wrong) if mode != 'd' else wrong} {MONTHS[mo]}] так"),
            ("c", f"нет [birthdate/corrected: {ord_g(d) if mode != 'd' else d} {MONTHS[mo]} {year_g(y, mode if mode != 'm' else 'w')}]")]

def address_block(mode, who):
    st = R.choice(STREETS)
    h, fl = R.randint(1, 140), R.randint(1, 320)
    korp = R.random() < 0.2
    hs = num(h, mode)
    fs = num(fl, mode)
    addr = f"{st} дом {hs}" + (f" корпус {num(R.randint(1, 5), mode)}" if korp else "") + f" квартира {fs}"
    if R.random() < 0.3:
        addr = f"{st.split(' ', 1)[1]} {hs} " + pick("кв", "квартира") + f" {fs}"
    ci = R.randrange(len(CITIES))
    lines = [("o", pick("адрес доставки назовите", "по какому адресу прописаны", "адрес где установлен счетчик")),
             ("c", f"город {{city: {CITIES[ci]}}} [address: {addr}]" if R.random() < 0.5 else f"[address: {addr}]")]
    r = R.random()
    if r < 0.3:
        lines.append(("o", f"[address: {st} {hs} квартира {fs}] верно"))
    elif r < 0.5:
        fl2 = fl + R.choice([1, 10, 100]) if fl < 200 else fl - 10
        lines.append(("o", f"квартира [address: {num(fl2, mode)}] так"))
        lines.append(("c", f"нет [address/corrected: {fs}]"))
    elif r < 0.65:
        idx = rd(6, "1234")
        lines.append(("c", f"индекс {{postal_index: {idx if mode == 'd' else say(idx, [3, 3], 'w')}}}"))
    return lines

BLOCKS = {"phone": phone_block, "card": card_block, "cvv": cvv_block, "code": code_block, "passport": passport_block,
          "snils": snils_block, "inn": inn_block, "account": account_block, "email": email_block,
          "birthdate": birthdate_block, "address": address_block, "name": name_block}

# ---------- the matter of each domain: (opening, middle, ending) lines with traps ----------
UNFAIR = []

def luhn(d):
    t = 0
    for i, c in enumerate(reversed(d)):
        x = int(c) * (2 if i % 2 else 1)
        t += x - 9 if x > 9 else x
    return t % 10 == 0

def snils_ok(d):
    t = sum(int(d[i]) * (9 - i) for i in range(9))
    c = t if t < 100 else (0 if t in (100, 101) else t % 101 % 100)
    return c == int(d[9:])

def inn_ok(d):
    dig = lambda w: str(sum(int(d[i]) * k for i, k in enumerate(w)) % 11 % 10)
    if len(d) == 10:
        return dig([2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[9]
    return dig([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[10] and dig([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[11]

def T(kind, s):
    # a fair trap must not pass an identifier's check (the converter warns on those)
    d = digits_of(s)
    if (13 <= len(d) <= 19 and luhn(d)) or (len(d) == 11 and snils_ok(d)) or (len(d) in (10, 12) and inn_ok(d)) or len(d) == 20:
        UNFAIR.append(s)
    return "{" + kind + ": " + s + "}"

def hotline(mode):
    d = R.choice(["8800" + rd(7, "0123456789"), "8800" + "2003" + rd(3, "0123456789")])
    return T("hotline", say(d, [1, 3, 3, 2, 2], "d" if mode == "d" else "w"))

def greet(company, mode):
    op = R.choice(OPS)
    return ("o", pick(f"компания {T('company', company)} меня зовут {T('operator_name', op)} слушаю вас",
                      f"{T('company', company)} здравствуйте {T('operator_name', op)} чем могу помочь",
                      f"добрый день {T('company', company)} оператор {T('operator_name', op)}"
                      )), op

def dom_bank(mode):
    co = pick("сбербанк", "втб", "тинькофф", "альфа банк", "почта банк", "банк открытие")
    g, op = greet(co, mode)
    open_ = [g, ("c", pick("здравствуйте у меня карту заблокировали", "девушка мне карта не проходит в магазине", "у меня списали деньги непонятно за что"))]
    mid = [[("o", f"вижу операцию на {T('price', price(mode))} от {T('date', day_month(mode))} в {T('time', clock(mode))}"),
           ("c", f"я ее не делал я в это время был в {T('city', R.choice(CITIES_P))}")],
           ("o", f"карта заблокирована системой безопасности это уже {T('count', pick('третья', 'вторая', 'пятая'))} попытка за {T('duration', pick('десять минут', '15 минут', 'час'))}"),
           ("o", f"перевыпуск бесплатный карта будет готова через {T('duration', pick('пять рабочих дней', '7 дней', 'неделю'))} в отделении на {T('office_address', pick(*OFFICE_STREETS) + ' ' + num(R.randint(2, 60), mode))}"),
           ("o", f"создала обращение номер {T('ticket', ticket(mode))} срок рассмотрения {T('duration', pick('тридцать дней', '10 дней'))}"),
           ("c", f"а кэшбэк {T('percent', pick('пять процентов', '5 процентов', 'полтора процента', 'один процент'))} сохранится"),
           ("o", f"да по тарифу {T('tariff', pick('премиум 2', 'смарт плюс', 'тариф 360', 'выгодный 500'))} сохранится")]
    end = [("o", f"если что звоните {hotline(mode)} круглосуточно"), ("c", "спасибо до свидания")]
    return open_, mid, end

def dom_refund(mode):
    co = pick("озон", "вайлдберриз", "яндекс маркет", "мвидео", "эльдорадо", "ламода")
    g, op = greet(co, mode)
    open_ = [g, ("c", f"я возвращала {T('product', pick('кроссовки', 'пылесос', 'куртку', 'наушники', 'чайник'))} деньги так и не пришли")]
    mid = [[("o", f"номер заказа подскажите"), ("c", f"{T('order', ticket(mode))}")],
           ("o", f"вижу возврат на {T('price', price(mode))} оформлен {T('date', day_month(mode))}"),
           ("o", f"деньги возвращаются в течение {T('duration', pick('десяти рабочих дней', '10 рабочих дней', 'трех дней'))} пункт выдачи на {T('office_address', pick(*OFFICE_STREETS) + ' ' + num(R.randint(2, 60), mode))} его принял"),
           ("c", f"я уже {T('count', pick('третий раз', 'второй раз', 'четвертый раз'))} звоню"),
           ("o", f"понимаю приношу извинения начислю вам {T('price', pick('пятьсот баллов', '300 баллов', 'двести баллов'))} за ожидание"),
           ("o", f"ваша скидка {T('percent', pick('десять процентов', '15 процентов', 'семь процентов'))} на следующий заказ")]
    end = [("o", "могу еще чем-то помочь"), ("c", "нет спасибо")]
    return open_, mid, end

def dom_delivery(mode):
    co = pick("сдэк", "почта россии", "боксберри", "деловые линии", "пэк")
    g, op = greet(co, mode)
    open_ = [g, ("c", f"у меня посылка не пришла трек номер {T('track', ticket(mode) + ' ' + ticket(mode))}")]
    mid = [("o", f"вижу посылка в {T('city', R.choice(CITIES_P))} на сортировке с {T('date', day_month(mode))}"),
           ("o", f"вес {T('weight', pick('два килограмма', '3 кг', 'пятьсот граммов', 'полтора килограмма'))} доставка курьером стоит {T('price', price(mode))}"),
           ("c", f"курьер может приехать после {T('time', clock(mode))}"),
           ("o", f"интервал {interval(mode)} {T('date', day_month(mode))}"),
           ("o", f"или заберите сами пункт на {T('office_address', pick(*OFFICE_STREETS) + ' ' + num(R.randint(2, 60), mode))} этаж {T('floor', num(R.randint(1, 3), mode))}"),
           [("c", f"а хранится сколько"), ("o", f"{T('duration', pick('семь дней', '5 дней', 'две недели'))} бесплатно потом {T('price', price(mode))} в сутки")]]
    end = [("o", f"номер заявки на доставку {T('ticket', ticket(mode))}"), ("c", "спасибо")]
    return open_, mid, end

def dom_meter(mode):
    co = pick("мосэнергосбыт", "водоканал", "энергосбыт плюс", "газпром межрегионгаз", "тнс энерго")
    g, op = greet(co, mode)
    open_ = [g, ("c", pick("хочу передать показания счетчика", "мне пришла квитанция с огромной суммой", "у меня счетчик поменяли а начисляют по нормативу"))]
    mid = [[("o", f"номер лицевого счета из квитанции"), ("c", f"{T('utility_account', say(rd(9), [3, 3, 3], 'd' if mode == 'd' else 'w'))}")],
           ("c", f"показания день {T('reading', num(R.randint(1000, 30000), mode))} ночь {T('reading', num(R.randint(500, 9000), mode))}"),
           ("o", f"прошлые были {T('reading', num(R.randint(1000, 30000), mode))} начислено {T('price', price(mode))} по тарифу {T('tariff', pick('двухтарифный', 'день ночь', 'т1 т2'))}"),
           ("o", f"тариф {T('price', pick('шесть рублей сорок три копейки', '7 рублей 15 копеек', 'пять сорок'))} за киловатт"),
           ("o", f"счетчик номер {T('serial', rd(8) if mode == 'd' else say(rd(8), [2, 3, 3], 'w'))} поверка до {T('date', str(R.randint(2027, 2034)) + ' года' if mode == 'd' else 'две тысячи ' + ord_g(R.randint(27, 34)) + ' года')}"),
           [("c", f"а перерасчет когда"), ("o", f"в следующей квитанции до {T('date', day_month(mode))} передавайте с {T('date', pick('пятнадцатого', '15', '20', 'двадцатого'))} по {T('date', pick('двадцать пятое', '25', '26'))} число")]]
    end = [("o", f"спасибо за обращение {T('company', co)} с вами была {T('operator_name', op)}" if op.endswith("а") or op.endswith("я") else f"спасибо за обращение {T('company', co)} с вами был {T('operator_name', op)}"), ("c", "до свидания")]
    return open_, mid, end

def dom_clinic(mode):
    co = pick("медси", "инвитро", "поликлиника номер 12", "см клиника", "здоровье плюс")
    g, op = greet(co, mode)
    open_ = [g, ("c", f"хочу записаться к {T('staff_name', pick('кардиологу', 'терапевту петровой', 'неврологу орлову', 'доктору ивановой'))}")]
    mid = [("o", f"ближайшая запись {T('date', day_month(mode))} в {T('time', clock(mode))} или в {T('time', clock(mode))}"),
           ("c", f"давайте в {T('time', clock(mode))}"),
           ("o", f"кабинет {T('room', num(R.randint(101, 420), mode))} {T('floor', pick('второй этаж', '3 этаж', 'первый этаж'))} прием {T('price', price(mode))}"),
           ("o", f"полис омс номер {T('policy', rd(16) if mode == 'd' else say(rd(16), [4, 4, 4, 4], 'w'))}"),
           ("c", f"мне {T('age', pick('шестьдесят два года', '45 лет', 'тридцать восемь лет'))} скидка пенсионерам есть"),
           ("o", f"да {T('percent', pick('десять процентов', '10 процентов', 'пять процентов'))} приходите за {T('duration', pick('пятнадцать минут', '15 минут', 'десять минут'))} до приема"),
           ("o", f"анализы натощак препарат {T('dose', pick('по одной таблетке', '500 миллиграмм', 'двадцать капель'))} не принимайте утром")]
    end = [("o", f"ждем вас на {T('office_address', pick(*OFFICE_STREETS) + ' ' + num(R.randint(2, 60), mode))}"), ("c", "спасибо")]
    return open_, mid, end

def dom_insurance(mode):
    co = pick("ингосстрах", "росгосстрах", "ресо гарантия", "альфастрахование", "согаз")
    g, op = greet(co, mode)
    plate = pick("а", "в", "е", "к", "м", "о", "р", "с", "т") + " " + (str(R.randint(100, 999)) if mode == "d" else words(R.randint(100, 999))) + " " + pick("ко", "ам", "ре", "ух", "ве") + " " + (str(R.randint(10, 199)) if mode == "d" else words(R.randint(10, 199)))
    open_ = [g, ("c", f"у меня дтп было {T('date', day_month(mode))} хочу заявить страховой случай")]
    mid = [[("o", f"номер полиса осаго"), ("c", f"{T('policy', pick('ххх', 'ттт', 'ааc') + ' ' + (rd(10) if mode == 'd' else say(rd(10), [3, 3, 2, 2], 'w')))}")],
           ("o", f"машина госномер {T('car_plate', plate)}"),
           ("c", f"да столкновение на перекрестке в {T('time', clock(mode))} скорость была {T('speed', pick('сорок километров в час', '60 км ч', 'двадцать километров'))}"),
           ("o", f"ущерб по предварительной оценке {T('price', price(mode))} франшиза {T('price', price(mode))}"),
           ("o", f"осмотр в {T('city', R.choice(CITIES_P))} на {T('office_address', pick(*OFFICE_STREETS) + ' ' + num(R.randint(2, 60), mode))} {T('date', day_month(mode))}"),
           ("o", f"номер убытка {T('ticket', ticket(mode))} выплата в течение {T('duration', pick('двадцати дней', '20 рабочих дней', 'тридцати дней'))}"),
           ("c", f"а коэффициент бонус малус {T('other_number', pick('ноль пять', '0 5', 'ноль семь'))} слетит")]
    end = [("o", f"может повыситься при продлении"), ("c", "понятно спасибо")]
    return open_, mid, end

def dom_telecom(mode):
    co = pick("мтс", "билайн", "мегафон", "теле2", "ростелеком", "дом ру")
    g, op = greet(co, mode)
    open_ = [g, ("c", f"хочу поменять тариф у меня {T('tariff', pick('тариф мой онлайн', 'тариф 500 минут', 'безлимит 30 гигабайт', 'игровой 2 0', 'тариф 590'))} слишком дорогой")]
    mid = [("o", f"сейчас абонентская плата {T('price', price(mode))} в месяц"),
           ("o", f"могу предложить {T('tariff', pick('тариф 300', 'тариф домашний 100', 'тариф лайт 20 гигабайт', 'тариф на связи'))} за {T('price', price(mode))}"),
           [("c", f"а скорость интернета какая"), ("o", f"до {T('speed', pick('сто мегабит', '100 мбит с', 'пятьсот мегабит', '300 мегабит'))} и {T('count', pick('пятьсот минут', '600 минут', 'триста минут'))}")],
           ("o", f"смена бесплатная с {T('date', day_month(mode))} в {T('time', clock(mode))} по москве"),
           [("c", f"а роуминг в {T('city', R.choice(CITIES_P))} считается"), ("o", f"нет это домашний регион скидка {T('percent', pick('двадцать процентов', '25 процентов', 'тридцать процентов'))} на полгода")]]
    end = [("o", f"заявка номер {T('ticket', ticket(mode))} оцените разговор после звонка"), ("c", "хорошо")]
    return open_, mid, end

def dom_tax(mode):
    co = pick("госуслуги", "мфц мои документы", "пенсионный фонд", "социальный фонд")
    g, op = greet(co, mode)
    open_ = [g, ("c", pick("мне нужна справка о доходах", "хочу оформить налоговый вычет", "пенсию не перечислили в этом месяце"))]
    mid = [("o", f"заявление номер {T('doc_number', ticket(mode))} поступило {T('date', day_month(mode))}"),
           ("o", f"сумма вычета {T('price', price(mode))} это {T('percent', pick('тринадцать процентов', '13 процентов'))} от расходов"),
           ("c", f"а почему так долго уже {T('duration', pick('два месяца', '40 дней', 'три недели'))}"),
           ("o", f"срок проверки {T('duration', pick('три месяца', '30 дней', 'десять рабочих дней'))} окно {T('room', num(R.randint(1, 40), mode))} в отделении на {T('office_address', pick(*OFFICE_STREETS) + ' ' + num(R.randint(2, 60), mode))}"),
           ("o", f"прием {interval(mode)} по талону {T('ticket', pick('а', 'б', 'в') + ' ' + num(R.randint(10, 150), mode))}"),
           [("c", f"а в {T('city', R.choice(CITIES_P))} можно подать"), ("o", f"да в любом отделении экстерриториально")]]
    end = [("o", f"если что наш номер {hotline(mode)}"), ("c", "спасибо")]
    return open_, mid, end

def dom_travel(mode):
    co = pick("аэрофлот", "ржд", "победа", "туту ру", "s7")
    g, op = greet(co, mode)
    city = R.choice(CITIES)
    tr = pick(T("flight", pick("су", "дп", "s7") + " " + num(R.randint(100, 1999), mode)), T("train", "поезд " + num(R.randint(1, 150), mode)))
    open_ = [g, ("c", f"хочу вернуть билет {tr} в {T('city', city)}")]
    mid = [("o", f"номер бронирования {T('order', ''.join(R.choice('абвгдежк') for _ in range(2)) + ' ' + num(R.randint(100, 999), mode))}"),
           ("o", f"вылет {T('date', day_month(mode))} в {T('time', clock(mode))} место {T('other_number', num(R.randint(1, 30), mode) + ' ' + pick('а', 'б', 'в'))}"),
           ("o", f"возврат {T('price', price(mode))} сбор {T('price', price(mode))} это {T('percent', pick('двадцать пять процентов', '25 процентов', 'десять процентов'))}"),
           ("c", f"а багаж {T('weight', pick('двадцать три килограмма', '23 кг', 'десять килограммов'))} тоже вернут"),
           ("o", f"да деньги придут за {T('duration', pick('семь дней', '10 дней', 'тридцать дней'))}"),
           ("c", f"у меня карта лояльности {T('loyalty', ticket(mode))}"), ("o", f"мили {T('count', pick('две тысячи', '1500', 'тысяча двести'))} вернутся")]
    end = [("o", f"спасибо что выбрали {T('company', co)}"), ("c", "всего доброго")]
    return open_, mid, end

def dom_internet(mode):
    co = pick("ростелеком", "дом ру", "билайн дом", "мгтс", "эр телеком")
    g, op = greet(co, mode)
    open_ = [g, ("c", f"у меня интернет не работает {T('count', pick('второй день', 'третий день', '2 дня'))} вместо {T('speed', pick('ста мегабит', '100 мегабит', '500 мбит'))} еле {T('speed', pick('два мегабита', '3 мегабита', 'один мегабит'))}")]
    mid = [[("o", f"номер договора подскажите"), ("c", f"{T('contract', say(rd(12), [3, 3, 3, 3], 'd' if mode == 'd' else 'w'))}")],
           ("o", f"на вашем доме авария по {T('street', pick('улице лесной', 'улице гагарина', 'проспекту мира'))} с {T('time', clock(mode))} устранят до {T('time', clock(mode))}"),
           ("o", f"роутер модель {T('product', pick('ax 3000', 'кинетик 4', 'тп линк 840'))} прошивка {T('version', pick('2 1 4', 'три ноль один', '1 0 7'))}"),
           ("c", f"а перерасчет за простой будет у меня тариф {T('tariff', pick('домашний 500', 'игровой 300', 'тариф 100 плюс тв'))} за {T('price', price(mode))}"),
           ("o", f"да за {T('count', pick('два дня', '3 дня', 'сутки'))} вернем {T('price', price(mode))}"),
           ("o", f"мастер придет {T('date', day_month(mode))} {interval(mode)}")]
    end = [("o", f"номер заявки {T('ticket', ticket(mode))}"), ("c", "хорошо жду")]
    return open_, mid, end

def dom_hotel(mode):
    co = pick("отель азимут", "гостиница космос", "островок", "бронирование ру")
    g, op = greet(co, mode)
    open_ = [g, ("c", f"хочу перенести бронь в {T('city', R.choice(CITIES_P))}")]
    mid = [("o", f"бронь номер {T('order', ticket(mode))} на {T('count', pick('три ночи', '2 ночи', 'пять ночей'))} с {T('date', day_month(mode))}"),
           ("o", f"номер {T('room', num(R.randint(201, 920), mode))} {T('floor', pick('седьмой этаж', '5 этаж', 'девятый этаж'))} стоимость {T('price', price(mode))} за сутки"),
           [("c", f"а заезд во сколько"), ("o", f"заезд с {T('time', clock(mode))} выезд до {T('time', clock(mode))}")],
           ("c", f"нас будет {T('count', pick('двое взрослых', '3 человека', 'двое и ребенок'))} ребенку {T('age', pick('пять лет', '7 лет', 'три года'))}"),
           ("o", f"доплата за ребенка {T('price', price(mode))} завтрак включен скидка {T('percent', pick('десять процентов', '15 процентов'))}")]
    end = [("o", f"подтверждение придет на почту от {T('company_email', pick('booking собака azimut точка ру', 'info собака hotel ру', 'бронь собака космос точка ру'))}"), ("c", "спасибо")]
    return open_, mid, end

def dom_shop(mode):
    co = pick("днс", "леруа мерлен", "спортмастер", "летуаль", "флора экспресс")
    g, op = greet(co, mode)
    open_ = [g, ("c", f"хочу заказать {T('product', pick('букет из двадцати одной розы', 'холодильник атлант 4621', 'кроссовки размер 42', 'духи 50 мл', 'дрель бош 600 ватт'))}")]
    mid = [("o", f"стоимость {T('price', price(mode))} со скидкой {T('percent', pick('двадцать процентов', '10 процентов', 'пять процентов'))}"),
           ("o", f"артикул {T('product', num(R.randint(10000, 99999), mode))} в наличии {T('count', pick('три штуки', '5 штук', 'две штуки'))}"),
           ("c", f"а доставка в город {T('city', R.choice(CITIES))} сколько"),
           ("o", f"доставка {T('price', price(mode))} {T('date', day_month(mode))} {interval(mode)}"),
           ("o", f"бонусная карта {T('loyalty', ticket(mode))} начислим {T('count', pick('двести баллов', '350 баллов', 'сто баллов'))}"),
           ("c", f"открытку подпишите {T('common_word', pick('любимой маме', 'с любовью', 'вере и надежде с праздником', 'дорогой розе'))}")]
    end = [("o", f"номер заказа {T('order', ticket(mode))}"), ("c", "спасибо")]
    return open_, mid, end

DOMAINS = {"bank": dom_bank, "refund": dom_refund, "delivery": dom_delivery, "meter": dom_meter, "clinic": dom_clinic,
           "insurance": dom_insurance, "telecom": dom_telecom, "tax": dom_tax, "travel": dom_travel,
           "internet": dom_internet, "hotel": dom_hotel, "shop": dom_shop}
FIT = {"phone": ["delivery", "telecom", "internet", "clinic", "hotel", "shop", "refund", "meter"],
       "card": ["bank", "refund", "hotel", "shop", "travel"],
       "cvv": ["bank", "shop", "hotel", "travel"],
       "code": ["bank", "telecom", "delivery", "tax", "refund", "internet"],
       "passport": ["insurance", "telecom", "bank", "travel", "tax"],
       "snils": ["clinic", "tax"],
       "inn": ["tax", "bank"],
       "account": ["refund", "bank", "insurance", "tax"],
       "email": ["shop", "hotel", "refund", "travel", "telecom", "tax", "meter", "internet", "delivery"],
       "birthdate": ["clinic", "insurance", "bank", "telecom", "travel"],
       "address": ["delivery", "meter", "internet", "shop", "insurance"],
       "name": list(DOMAINS)}

def call(i, types, dom):
    mode = "d" if i % 2 == 0 else "w"
    while True:
        UNFAIR.clear()
        open_, mid, end = DOMAINS[dom](mode)
        if not UNFAIR:
            break
    pii = []
    for t in types:
        while True:
            UNFAIR.clear()
            b = BLOCKS[t](mode, "c")
            if not UNFAIR:
                break
        pii.append(b)
    # a call has at most 12 segments (the converter's limit): a second block that does not fit goes
    while len(pii) > 1 and len(open_) + len(end) + sum(len(b) for b in pii) > 12:
        pii.pop()
    npii = sum(len(b) for b in pii)
    room = 12 - len(open_) - len(end) - npii
    nmid = max(0, min(len(mid), room, R.randint(3, 7)))
    while len(open_) + len(end) + npii + nmid < 8 and nmid < len(mid):
        nmid += 1
    # keep the matter's order; drop some middle lines at random
    keep = sorted(R.sample(range(len(mid)), nmid))
    ents = [mid[k] if isinstance(mid[k], list) else [mid[k]] for k in keep]
    # a question and its answer stay together; drop whole matter entries while the call is over 12
    while ents and len(open_) + len(end) + npii + sum(len(e) for e in ents) > 12:
        del ents[R.randrange(len(ents))]
    cut = R.randint(min(1, len(ents)), max(1, len(ents) - 1)) if ents else 0
    body = [x for e in ents[:cut] for x in e]
    for b in pii:
        body += b
    body += [x for e in ents[cut:] for x in e]
    lines = open_ + body + end
    return dom, [(r, t) for r, t in lines if t.strip()]

ORDER = ["phone", "card", "cvv", "code", "passport", "snils", "inn", "account", "email", "birthdate", "address", "name"]

USED = {}
DOMS = {}

import re
PLAIN_SLIPS = {"здравствуйте": "здрасте", "пожалуйста": "пожалуста", "сейчас": "щас", "рублей": "рубле",
               "спасибо": "пасиба", "хорошо": "хорошо хорошо", "назовите": "назовите э", "номер": "номер э"}
SPAN_SLIPS = {"девяносто": "девяноста", "семь": "сем", "восемь": "восем", "шестьдесят": "шестьдесять", "двести": "двесте"}

def slip(line):
    """A few recognizer slips: in plain words now and then, and inside some phone, passport and code spans
    (the spans without a checksum, so the set stays checkable); the slipped word stays inside the span."""
    def in_span(mt):
        head, body = mt.group(1), mt.group(2)
        if head.split("/")[0] in ("phone", "passport", "code") and R.random() < 0.12:
            ws = body.split()
            k = [i for i, w in enumerate(ws) if w in SPAN_SLIPS]
            if k:
                i = R.choice(k)
                ws[i] = SPAN_SLIPS[ws[i]]
                body = " ".join(ws)
        return f"[{head}: {body}]"
    line = re.sub(r"\[([a-z/]+): ([^\]]*)\]", in_span, line)
    if R.random() < 0.08:
        parts = re.split(r"(\[[^\]]*\]|\{[^}]*\})", line)
        for j in range(0, len(parts), 2):
            for w, v in PLAIN_SLIPS.items():
                if re.search(r"(^| )" + w + r"( |$)", parts[j]):
                    parts[j] = re.sub(r"(^| )" + w + r"( |$)", r"\g<1>" + v + r"\g<2>", parts[j], count=1)
                    break
        line = "".join(parts)
    return line

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    print("# p12 (ca): whole calls of a contact centre, T-one-like: lower case, no punctuation, numbers as digits in")
    print("# even calls and as words in odd ones (some identifiers mixed). Markup: testdata/pii/blind2/conv/main.go.")
    print("# [type(/form): words] = span, {kind: words} = trap. Generated by gen.py (seed 1206), then checked.")
    for i in range(n):
        t1 = ORDER[i % 11]  # name comes on its own, below
        cand = sorted(FIT[t1], key=lambda d: (DOMS.get(d, 0), R.random()))
        dom = cand[0]
        DOMS[dom] = DOMS.get(dom, 0) + 1
        types = [t1]
        if R.random() < 0.45:
            fits = [t for t in ORDER[:11] if t != t1 and dom in FIT[t]]
            if fits:
                fits.sort(key=lambda t: USED.get(t, 0))
                types.append(fits[0] if R.random() < 0.7 else R.choice(fits))
        if R.random() < 0.35:
            types.insert(0, "name")
        for t in types:
            USED[t] = USED.get(t, 0) + 1
        dom, lines = call(i, types, dom)
        print()
        print(f"== {dom}")
        for r, t in lines:
            print(f"{r}: {slip(' '.join(t.split()))}")

main()
