# Throwaway converter: calls.txt (compact source) -> transcripts + labels.jsonl.
# Source format: "=== ID letters" (g greeting, f farewell, a apology, c complaint,
# r repeat_contact, i incompetence, t churn_threat; "-" none), then lines
# "o: text" / "c: text" (operator/client), "o+: text" / "c+: text" an overlap
# said inside the other side's previous utterance, "# hold N" N seconds of hold.
import json, random, sys, os
LOOKUP = ("смотр", "провер", "секунд", "минут", "открываю", "оформляю", "let me", "check", "one moment", "one sec", "pull up")
CATS = {"g":"greeting","f":"farewell","a":"apology","c":"complaint","r":"repeat_contact","i":"incompetence","t":"churn_threat"}
def convert(src, outdir, lang, model):
    calls = []
    cur = None
    for raw in open(src, encoding="utf-8"):
        line = raw.rstrip("\n").strip()
        if not line: continue
        if line.startswith("==="):
            parts = line[3:].split()
            cur = {"id": parts[0], "letters": parts[1] if len(parts) > 1 else "-", "lines": []}
            calls.append(cur); continue
        if line.startswith("#"):
            p = line[1:].split()
            if p[0] == "hold": cur["lines"].append(("hold", float(p[1]))); continue
            continue
        spk, text = line.split(":", 1)
        cur["lines"].append((spk.strip(), text.strip().lower()))
    labels = []
    for call in calls:
        rnd = random.Random(call["id"])
        t = round(rnd.uniform(0.8, 3.2), 3)
        segs = {"o": [], "c": []}
        last = None  # (channel, start, end)
        for kind, val in call["lines"]:
            if kind == "hold":
                t += val; continue
            ch = kind[0]
            overlap = kind.endswith("+")
            words = len(val.split())
            dur = max(0.5, words / rnd.uniform(1.9, 2.6) + rnd.uniform(0.2, 0.8))
            if overlap and last is not None and last[0] != ch:
                s = last[1] + (last[2] - last[1]) * rnd.uniform(0.35, 0.7)
                e = s + dur
                if segs[ch] and s <= segs[ch][-1]["end"]:
                    s = segs[ch][-1]["end"] + 0.1; e = s + dur
                segs[ch].append({"start": round(s, 3), "end": round(e, 3), "text": val})
                t = max(t, last[2])
                continue
            gap = rnd.uniform(0.4, 2.2)
            # the operator types or looks something up after such words: a longer pause follows
            if last is not None and last[0] == "o" and any(w in last[3] for w in LOOKUP):
                gap += rnd.uniform(4, 12)
            if segs[ch] and t < segs[ch][-1]["end"]:
                t = segs[ch][-1]["end"]
            s = t + gap
            e = s + dur
            segs[ch].append({"start": round(s, 3), "end": round(e, 3), "text": val})
            last = (ch, s, e, val)
            t = e
        end = max([x["end"] for c in segs.values() for x in c] + [t])
        tr = {"call_id": call["id"], "language": lang, "duration": round(end + rnd.uniform(0.6, 2.5), 2),
              "asr": {"adapter": "import", "model": model},
              "channels": [{"role": "operator", "segments": segs["o"]}, {"role": "client", "segments": segs["c"]}]}
        with open(os.path.join(outdir, call["id"] + ".transcript.json"), "w", encoding="utf-8") as f:
            json.dump(tr, f, ensure_ascii=False, indent=2); f.write("\n")
        lab = {k: False for k in sorted(CATS.values())}
        for l in call["letters"]:
            if l == "-": continue
            lab[CATS[l]] = True
        labels.append({"call": call["id"], "transcript": call["id"] + ".transcript.json", "language": lang, "labels": lab})
    with open(os.path.join(outdir, "labels.jsonl"), "w", encoding="utf-8") as f:
        for l in labels: f.write(json.dumps(l, ensure_ascii=False) + "\n")
    return calls
if __name__ == "__main__":
    lang = sys.argv[1]
    d = "/work/blind/b16/" + lang
    import glob
    srcs = sorted(glob.glob(d + "/calls*.txt"))
    tmp = d + "/.all.txt"
    with open(tmp, "w", encoding="utf-8") as f:
        for s in srcs: f.write(open(s, encoding="utf-8").read() + "\n")
    calls = convert(tmp, d, lang, "labelled-corpus-blind16")
    os.remove(tmp)
    print(lang, len(calls), "calls")
