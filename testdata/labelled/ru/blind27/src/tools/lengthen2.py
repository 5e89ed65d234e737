import json, sys, hashlib, glob, os
d = sys.argv[1]
for src in sorted(glob.glob(os.path.join(d, 'source', '*.txt'))):
    lines = open(src).read().split('\n')
    calls, head, cur = [], [], None
    for l in lines:
        if l.startswith('@ '): cur = [l]; calls.append(cur)
        elif cur is None: head.append(l)
        else: cur.append(l)
    res = head[:]
    for c in calls:
        cid = c[0].split()[1]
        dur = json.load(open(os.path.join(d, cid + '.transcript.json')))['duration']
        if dur < 118:
            ops = [k for k in range(len(c)) if c[k].startswith('O ')]
            idx = [k for k in ops[1:-1] if k + 1 < len(c) and c[k + 1].startswith('C ') and len(c[k].split()) >= 4]
            h = int(hashlib.md5(cid.encode()).hexdigest(), 16)
            per = (125 - dur + h % 25) / max(1, len(idx))
            new = []
            for k, l in enumerate(c):
                new.append(l)
                if k in idx:
                    h = h // 5 + 7
                    new.append('~ %d' % min(30, max(6, round(per * (0.6 + (h % 80) / 100)))))
            c = new
        res.extend(c)
    open(src, 'w').write('\n'.join(res))
