import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { ApiError } from '../lib/api';
import { t } from '../lib/i18n';

// plainError says what went wrong in plain words: the API's message for a
// bad request or filter, a sentence for the rest.
export function plainError(e: unknown): string {
  if (e instanceof ApiError) {
    switch (e.code) {
      case 'network': return t('The server is not reachable');
      case 'unavailable': return t('The database or storage is unavailable, try again shortly');
      case 'forbidden': return t('You may not do this');
      case 'not_found': return t('No such call, or it is outside your departments');
      case 'unauthorized': return t('Your session has ended, sign in again');
      case 'rate_limited': return t('Too many failed attempts, try again later');
      case 'internal': return t('Server error');
    }
    return e.message;
  }
  return String((e as Error)?.message ?? e);
}

export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  return <div class="error" role="alert">{plainError(error)}</div>;
}

export function Loading() {
  return <div class="loading" aria-busy="true">{t('Loading…')}</div>;
}

// useDrawn marks the moment a page's main content is first on screen
// (the frame after it is committed): performance mark "callscope:drawn",
// which the e2e and perf scripts read as the first meaningful render.
export function useDrawn(drawn: boolean) {
  useEffect(() => {
    if (!drawn) return;
    const id = requestAnimationFrame(() => {
      if (!performance.getEntriesByName('callscope:drawn').length) performance.mark('callscope:drawn');
    });
    return () => cancelAnimationFrame(id);
  }, [drawn]);
}

export interface Async<T> { data?: T; error?: unknown; loading: boolean }

// useAsync runs fn when deps change and keeps the latest answer only.
export function useAsync<T>(fn: () => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<Async<T>>({ loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ data: s.data, loading: true }));
    fn().then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, deps);
  return state;
}

export function Card({ title, children, actions }: { title?: ComponentChildren; children: ComponentChildren; actions?: ComponentChildren }) {
  return (
    <section class="card">
      {(title || actions) && (
        <header class="card-head">
          {title && <h2>{title}</h2>}
          {actions && <div class="card-actions">{actions}</div>}
        </header>
      )}
      {children}
    </section>
  );
}

// download saves text as a file from the page (no server round trip).
export function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
