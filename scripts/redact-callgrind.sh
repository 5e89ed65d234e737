#!/bin/bash
# usage: scripts/redact-callgrind.sh TREE OUTDIR: Apply's instructions, code lines and data lines from beyond the second level a call for the plain, demo and pii sets of BenchmarkColdCalls (docs/privacy.md «Cost»; needs valgrind).
set -e
tree=$1; out=$2; mkdir -p $out
cd $tree && nice go test -c -o $out/r.test ./transcribe/redact
cd $tree/transcribe/redact
run() { # set n
  GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off nice valgrind --tool=callgrind --cache-sim=yes \
  --I1=32768,8,64 --D1=32768,8,64 --LL=524288,8,64 \
  '--toggle-collect=github.com/callscope/callscope/transcribe/redact.(*Redactor).Apply' \
  --callgrind-out-file=$out/cg.$1.$2 $out/r.test -test.run '^$' -test.bench "ColdCalls/$1\$" \
  -test.cpu 1 -test.benchtime ${2}x >/dev/null 2>&1
  grep '^summary\|^totals' $out/cg.$1.$2 | head -1
}
for spec in "plain 10 20 160" "demo 10 20 180" "pii 20 40 40"; do
  set -- $spec
  a=$(run $1 $2); b=$(run $1 $3)
  # events: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw
  python3 - "$1" "$4" "$a" "$b" <<'PY'
import sys
name,calls,a,b=sys.argv[1],int(sys.argv[2]),sys.argv[3].split()[1:],sys.argv[4].split()[1:]
d=[(int(y)-int(x))/calls for x,y in zip(a,b)]
print(f"{name}: instr {d[0]:,.0f}  code-lines {d[6]:,.0f}  data-lines {d[7]+d[8]:,.0f}")
PY
done
