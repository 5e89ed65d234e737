import sys, glob, os
d = sys.argv[1]; spec = open(sys.argv[2]).read()
ins = []  # (cid, anchor, lines)
cur = None
for l in spec.split('\n'):
    if l.startswith('> '):
        cid, anchor = l[2:].split(' | ', 1); cur = (cid, anchor, []); ins.append(cur)
    elif l.strip():
        cur[2].append(l)
for src in glob.glob(os.path.join(d, 'source', '*.txt')):
    lines = open(src).read().split('\n'); out = []; call = None; changed = False
    for l in lines:
        if l.startswith('@ '): call = l.split()[1]
        out.append(l)
        for cid, anchor, add in ins:
            if cid == call and l.startswith(anchor):
                out.extend(add); changed = True; ins.remove((cid, anchor, add)) if False else None
    if changed: open(src, 'w').write('\n'.join(out))
