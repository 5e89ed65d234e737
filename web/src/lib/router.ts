// Pages are addressed by the URL fragment: #/calls?filter=...&slice=a=b.
// The server then needs no route per page, and a link to a set of calls is
// a plain URL a manager can send to a colleague.

export interface Route { page: string; id?: string; params: URLSearchParams }

export function parseHash(hash: string): Route {
  let h = hash.replace(/^#/, '');
  if (!h.startsWith('/')) h = '/' + h;
  const qi = h.indexOf('?');
  const path = qi >= 0 ? h.slice(0, qi) : h;
  const params = new URLSearchParams(qi >= 0 ? h.slice(qi + 1) : '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const page = parts[0] || 'dashboard';
  return { page, id: parts[1], params };
}

export type LinkParams = Record<string, string | number | string[] | undefined | null | false>;

export function href(page: string, params: LinkParams = {}, id?: string): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else q.append(k, String(v));
  }
  const s = q.toString();
  return '#/' + page + (id ? '/' + encodeURIComponent(id) : '') + (s ? '?' + s : '');
}

export function navigate(to: string) {
  location.hash = to.replace(/^#/, '');
}
