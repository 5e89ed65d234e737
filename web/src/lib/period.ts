// Periods: the report resolves a named period into from/to instants (to
// exclusive); the call list takes days with "to" excluded, the report days
// with "to" included. These convert between them, in UTC (the API's default
// time zone).

export function day(iso: string): string {
  return iso.slice(0, 10);
}

function addDays(d: string, n: number): string {
  const t = new Date(d + 'T00:00:00Z');
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

// callsRange gives the call list's from/to (to excluded) for a report's
// resolved from/to instants.
export function callsRange(from?: string, to?: string): { from?: string; to?: string } {
  return { from: from ? day(from) : undefined, to: to ? day(to) : undefined };
}

// reportTo turns an inclusive report "to" day into the call list's exclusive one.
export function exclusiveTo(inclusiveTo: string): string {
  return addDays(inclusiveTo, 1);
}

// lastDay is the last day a call list's exclusive "to" includes, for
// showing the period as a person reads it ("18.11 … 18.11" for one day,
// not "… 19.11").
export function lastDay(exclusiveTo: string): string {
  return addDays(exclusiveTo, -1);
}

// previous is the period of the same length just before [from, to): the
// report's "previous period", as days for the report (both included).
export function previous(from: string, to: string): { from: string; to: string } {
  const f = new Date(from).getTime();
  const t = new Date(to).getTime();
  const len = t - f;
  const pf = new Date(f - len).toISOString().slice(0, 10);
  const pt = addDays(new Date(f).toISOString().slice(0, 10), -1);
  return { from: pf, to: pt };
}

// sliceValue is a report cell key as the call list's slice parameter wants it.
export function sliceParams(keys: Record<string, string>, dims: string[]): string[] {
  return dims.map((d) => `${d}=${keys[d] ?? ''}`);
}
