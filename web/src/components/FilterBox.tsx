import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get } from '../lib/api';
import type { Field, FieldValues, Fields } from '../lib/api';
import { applyCompletion, complete } from '../lib/filter';
import type { Completion } from '../lib/filter';
import { t } from '../lib/i18n';

let fieldsPromise: Promise<Fields> | null = null;
export function loadFields(): Promise<Fields> {
  if (!fieldsPromise) fieldsPromise = get<Fields>('/fields').catch((e) => { fieldsPromise = null; throw e; });
  return fieldsPromise;
}

const valueCache = new Map<string, string[]>();
// labels of values (the operator's name for an operator id)
export const valueLabels = new Map<string, string>();
const valueFields = new Set(['operator', 'department', 'queue', 'direction', 'language', 'category']);
export async function loadValues(field: string): Promise<string[]> {
  if (valueCache.has(field)) return valueCache.get(field)!;
  valueCache.set(field, []);
  try {
    const v = await get<FieldValues>('/values', { field });
    const list = v.values.map((x) => x.value);
    for (const x of v.values) if (x.label) valueLabels.set(field + '\u0000' + x.value, x.label);
    valueCache.set(field, list);
    return list;
  } catch {
    return [];
  }
}

// FilterBox is a one-line editor of a filter expression: autocomplete of
// fields, operators and values (Tab, Enter or a click takes a suggestion,
// Esc closes the list) and the server's parse error shown under its column.
export function FilterBox({ value, onSubmit, error, id = 'filter', placeholder }: {
  value: string;
  onSubmit: (v: string) => void;
  error?: unknown;
  id?: string;
  placeholder?: string;
}) {
  const [text, setText] = useState(value);
  const [caret, setCaret] = useState(value.length);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [fields, setFields] = useState<Field[]>([]);
  const [, setTick] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    loadFields().then((f) => setFields(f.fields), () => {});
  }, []);
  const values = (field: string) => {
    if (!valueFields.has(field)) return [];
    if (!valueCache.has(field)) loadValues(field).then(() => setTick((n) => n + 1));
    return valueCache.get(field) ?? [];
  };
  // cheap enough to run at every render; values arriving re-render through setTick
  const comp: Completion = complete(text, caret, fields, values);
  const items = comp.items.slice(0, 12);
  const take = (i: number) => {
    const s = items[i];
    if (!s) return;
    const r = applyCompletion(text, comp, s);
    // The completion goes into the input now, not on the next render or
    // frame: a key typed straight after Tab must land after it (setting the
    // caret in a later frame moved it back behind keys already typed).
    const el = input.current;
    if (el) {
      el.value = r.text;
      el.focus();
      el.setSelectionRange(r.caret, r.caret);
    }
    setText(r.text);
    setCaret(r.caret);
    setActive(0);
  };
  const onKey = (e: KeyboardEvent) => {
    if (open && items.length) {
      if (e.key === 'ArrowDown') { setActive((active + 1) % items.length); e.preventDefault(); return; }
      if (e.key === 'ArrowUp') { setActive((active - 1 + items.length) % items.length); e.preventDefault(); return; }
      if (e.key === 'Tab' && !e.shiftKey) { take(active); e.preventDefault(); return; }
      if (e.key === 'Escape') { setOpen(false); e.preventDefault(); return; }
    }
    if (e.key === 'Enter') {
      setOpen(false);
      onSubmit(text.trim());
      e.preventDefault();
    }
  };
  const apiErr = error instanceof ApiError && (error.code === 'bad_filter' || error.param === 'filter') ? error : undefined;
  const col = apiErr?.column;
  return (
    <div class={'filterbox' + (apiErr ? ' has-error' : '')}>
      <div class="filterbox-row">
        <input
          ref={input}
          id={id}
          class="mono"
          type="text"
          role="combobox"
          aria-expanded={open && items.length > 0}
          aria-controls={id + '-list'}
          aria-invalid={!!apiErr}
          aria-describedby={apiErr ? id + '-error' : undefined}
          aria-label={t('Filter')}
          placeholder={placeholder ?? 'department = Поддержка and has complaint and duration > 2m'}
          value={text}
          spellcheck={false}
          autocomplete="off"
          onInput={(e) => {
            const el = e.currentTarget;
            setText(el.value);
            setCaret(el.selectionStart ?? el.value.length);
            setOpen(true);
            setActive(0);
          }}
          onKeyUp={(e) => {
            if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) setCaret(e.currentTarget.selectionStart ?? 0);
          }}
          onClick={(e) => { setCaret(e.currentTarget.selectionStart ?? 0); setOpen(true); }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKey}
        />
        <button type="button" onClick={() => onSubmit(text.trim())}>{t('Apply')}</button>
        {text && <button type="button" class="ghost" onClick={() => { setText(''); onSubmit(''); }}>{t('Clear')}</button>}
      </div>
      {open && items.length > 0 && (
        <ul class="suggest" id={id + '-list'} role="listbox">
          {items.map((s, i) => (
            <li role="option" aria-selected={i === active} class={i === active ? 'active' : ''}
              onMouseDown={(e) => { e.preventDefault(); take(i); }}>
              <span class="mono">{s.label}</span>
              {(s.detail || (comp.field && valueLabels.get(comp.field + '\u0000' + s.label))) && <small>{s.detail || valueLabels.get(comp.field + '\u0000' + s.label)}</small>}
            </li>
          ))}
        </ul>
      )}
      {apiErr && (
        <div class="filter-error" id={id + '-error'} role="alert">
          {col ? <pre class="mono caret">{text + '\n' + ' '.repeat(Math.max(0, col - 1)) + '^'}</pre> : null}
          <span>{t('The filter has an error')}: {apiErr.message}</span>
        </div>
      )}
    </div>
  );
}
