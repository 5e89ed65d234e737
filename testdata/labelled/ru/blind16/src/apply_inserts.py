# Throwaway: merges inserts*.txt ("=== ID | anchor" then lines) into calls*.txt after the
# first line of call ID whose text starts with anchor. Run once, then the inserts are in the source.
import sys, glob, re
lang = sys.argv[1]; d = f"/work/blind/b16/{lang}"
ins = {}
cur = None
for raw in open(f"{d}/inserts.txt", encoding="utf-8"):
    line = raw.rstrip("\n")
    if not line.strip(): continue
    if line.startswith("==="):
        cid, anchor = line[3:].split("|", 1)
        cur = (cid.strip(), anchor.strip()); ins.setdefault(cur, []); continue
    ins[cur].append(line.strip())
done = set()
for f in sorted(glob.glob(f"{d}/calls*.txt")):
    out = []; call = None; used = set()
    for raw in open(f, encoding="utf-8"):
        line = raw.rstrip("\n"); out.append(line)
        if line.startswith("==="):
            call = line[3:].split()[0]; continue
        if ":" in line and not line.startswith("#"):
            text = line.split(":", 1)[1].strip()
            for (cid, anchor), lines in ins.items():
                if cid == call and (cid, anchor) not in done and text.startswith(anchor):
                    out.extend(lines); done.add((cid, anchor))
    open(f, "w", encoding="utf-8").write("\n".join(out) + "\n")
missing = set(ins) - done
print("applied", len(done), "missing", missing)
