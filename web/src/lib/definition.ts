// Saved report definitions in the YAML the CLI reads (callscope report
// --def, report.ParseDefinition): the slice builder saves them per user in
// the browser and downloads or loads them as files. Only the definition's
// flat keys are written and read: scalars, and lists in flow style.

export interface Definition {
  name: string;
  title?: string;
  by: string[];
  measures: string[];
  filter?: string;
  period?: string;
  from?: string;
  to?: string;
  timezone?: string;
  compare?: boolean;
  sort?: string;
  top?: number;
  bottom?: number;
}

function scalar(v: string): string {
  // double-quoted YAML string: always safe
  return '"' + v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') + '"';
}

export function toYAML(d: Definition): string {
  const lines: string[] = [];
  lines.push(`name: ${scalar(d.name)}`);
  if (d.title) lines.push(`title: ${scalar(d.title)}`);
  lines.push(`by: [${d.by.map(scalar).join(', ')}]`);
  if (d.measures.length) lines.push(`measures: [${d.measures.map(scalar).join(', ')}]`);
  if (d.filter) lines.push(`filter: ${scalar(d.filter)}`);
  if (d.period) lines.push(`period: ${scalar(d.period)}`);
  if (d.from) lines.push(`from: ${scalar(d.from)}`);
  if (d.to) lines.push(`to: ${scalar(d.to)}`);
  if (d.timezone) lines.push(`timezone: ${scalar(d.timezone)}`);
  if (d.compare) lines.push('compare: true');
  if (d.sort) lines.push(`sort: ${scalar(d.sort)}`);
  if (d.top) lines.push(`top: ${d.top}`);
  if (d.bottom) lines.push(`bottom: ${d.bottom}`);
  return lines.join('\n') + '\n';
}

function unquote(s: string): string {
  s = s.trim();
  if (s.startsWith('"') && s.endsWith('"') && s.length >= 2) {
    return s.slice(1, -1).replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  }
  if (s.startsWith("'") && s.endsWith("'") && s.length >= 2) return s.slice(1, -1).replace(/''/g, "'");
  return s;
}

function list(s: string): string[] {
  s = s.trim();
  if (s.startsWith('[') && s.endsWith(']')) {
    const inner = s.slice(1, -1);
    const out: string[] = [];
    let cur = '';
    let q = '';
    for (const c of inner) {
      if (q) {
        cur += c;
        if (c === q) q = '';
      } else if (c === '"' || c === "'") {
        q = c;
        cur += c;
      } else if (c === ',') {
        out.push(unquote(cur));
        cur = '';
      } else cur += c;
    }
    if (cur.trim()) out.push(unquote(cur));
    return out.filter((x) => x !== '');
  }
  return s.split(',').map(unquote).filter((x) => x !== '');
}

// fromYAML reads a definition; block lists ("by:\n  - operator") are read too.
export function fromYAML(text: string): Definition {
  const d: Definition = { name: '', by: [], measures: [] };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\s+#.*$/, '');
    const m = /^([a-z_]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, key, raw] = m;
    let value = raw;
    if ((key === 'by' || key === 'measures') && value.trim() === '') {
      const items: string[] = [];
      while (i + 1 < lines.length && /^\s*-\s+/.test(lines[i + 1])) items.push(unquote(lines[++i].replace(/^\s*-\s+/, '')));
      value = '[' + items.map(scalar).join(',') + ']';
    }
    switch (key) {
      case 'by': d.by = list(value); break;
      case 'measures': d.measures = list(value); break;
      case 'compare': d.compare = value.trim() === 'true'; break;
      case 'top': d.top = Number(value) || undefined; break;
      case 'bottom': d.bottom = Number(value) || undefined; break;
      case 'name': case 'title': case 'filter': case 'period': case 'from': case 'to': case 'timezone': case 'sort':
        (d as unknown as Record<string, string>)[key] = unquote(value);
        break;
    }
  }
  return d;
}
