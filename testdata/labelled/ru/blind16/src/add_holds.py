# Throwaway, run once per language: a long call (25+ utterances) with no hold gets one
# after an operator look-up line in its middle, 50-130 s, as holds come in such calls.
import glob, random, sys, re
lang = sys.argv[1]; LOOK = ("смотр", "провер", "секунд", "минут", "let me", "check", "one moment", "one sec", "pull up")
for f in sorted(glob.glob(f"/work/blind/b16/{lang}/calls*.txt")):
    blocks = re.split(r"(?m)^(?====)", open(f, encoding="utf-8").read())
    out = []
    for b in blocks:
        lines = b.rstrip("\n").split("\n")
        talk = [l for l in lines[1:] if l[:2] in ("o:", "c:", "o+", "c+")]
        if b.startswith("===") and len(talk) >= 25 and not any(l.startswith("# hold") for l in lines):
            rnd = random.Random(lines[0])
            for i in range(4, len(lines) - 4):
                if lines[i].startswith("o:") and any(w in lines[i] for w in LOOK):
                    lines.insert(i + 1, f"# hold {rnd.randint(50, 130)}"); break
        out.append("\n".join(lines) + "\n")
    open(f, "w", encoding="utf-8").write("".join(out))
