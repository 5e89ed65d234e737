import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, post, setCSRF, setUnauthorizedHandler } from './lib/api';
import type { User } from './lib/api';
import { lang, setLang, t } from './lib/i18n';
import { parseHash } from './lib/router';
import type { Route } from './lib/router';
import { ErrorBox, Loading, plainError } from './components/common';
import { Dashboard } from './pages/Dashboard';
import { Slices } from './pages/Slices';
import { Calls } from './pages/Calls';
import { CallCard } from './pages/CallCard';
import { Search } from './pages/Search';
import { Dictionaries } from './pages/Dictionaries';

function useRoute(): Route {
  const [route, setRoute] = useState(parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function App() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  const [, setLangState] = useState(lang());
  const route = useRoute();
  useEffect(() => {
    document.documentElement.lang = lang();
    setUnauthorizedHandler(() => {
      setUser(null);
      setExpired(true);
    });
    get<User>('/me').then(
      (u) => { setCSRF(u.csrf_token); setUser(u); },
      () => setUser(null),
    );
  }, []);
  const switchLang = () => {
    setLang(lang() === 'ru' ? 'en' : 'ru');
    setLangState(lang());
  };
  if (user === undefined) return <Loading />;
  if (user === null) {
    return <Login expired={expired} onLogin={(u) => { setCSRF(u.csrf_token); setExpired(false); setUser(u); }} onLang={switchLang} />;
  }
  const nav: [string, string][] = [['dashboard', 'Dashboard'], ['slices', 'Slices'], ['calls', 'Calls'], ['search', 'Search'], ['dictionaries', 'Dictionaries']];
  const page = route.page === 'call' ? 'calls' : route.page;
  return (
    <div class="shell">
      <a class="skip" href="#main">{t('Open')}</a>
      <header class="top">
        <a class="brand" href="#/dashboard">callscope</a>
        <nav aria-label="main">
          {nav.map(([p, label]) => (
            <a href={'#/' + p} class={page === p ? 'active' : ''} aria-current={page === p ? 'page' : undefined}>{t(label)}</a>
          ))}
        </nav>
        <UserMenu user={user} onLang={switchLang} onLogout={async () => {
          try { await post('/logout', {}); } catch { /* the session is gone either way */ }
          setUser(null);
        }} />
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} user={user} key={lang()} />
      </main>
    </div>
  );
}

function Page({ route, user }: { route: Route; user: User }) {
  switch (route.page) {
    case 'slices': return <Slices route={route} user={user} />;
    case 'calls': return <Calls route={route} user={user} />;
    case 'call': return <CallCard key={route.id} id={route.id ?? ''} route={route} user={user} />;
    case 'search': return <Search route={route} />;
    case 'dictionaries': return <Dictionaries route={route} user={user} />;
  }
  return <Dashboard route={route} user={user} />;
}

function UserMenu({ user, onLogout, onLang }: { user: User; onLogout: () => void; onLang: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <div class="usermenu">
      <button type="button" class="ghost" onClick={onLang} title="Язык / Language">{lang() === 'ru' ? 'EN' : 'RU'}</button>
      <button type="button" class="user-button" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen(!open)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
        {user.name} ▾
      </button>
      {open && (
        <div class="menu" role="menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <div class="menu-info">
            <div>{t('Role')}: {t(user.role)}</div>
            {user.departments?.length ? <div>{t('Departments')}: {user.departments.join(', ')}</div> : null}
            {!user.listen && <div class="muted">{t('No audio: you have no permission to listen')}</div>}
          </div>
          <button type="button" role="menuitem" id="signout" onClick={onLogout}>{t('Sign out')}</button>
        </div>
      )}
    </div>
  );
}

function Login({ onLogin, expired, onLang }: { onLogin: (u: User) => void; expired: boolean; onLang: () => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(expired ? new ApiError(401, 'unauthorized', '') : null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLogin(await post<User>('/login', { user: name, password }));
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'unauthorized' ? new Error(t('Wrong user name or password')) : err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="login">
      <form onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">callscope</h1>
        <label>{t('User')}<input id="login-user" autocomplete="username" value={name} onInput={(e) => setName(e.currentTarget.value)} required autofocus /></label>
        <label>{t('Password')}<input id="login-password" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required /></label>
        {error ? <div class="error" role="alert">{plainError(error)}</div> : null}
        <button type="submit" id="login-submit" disabled={busy}>{busy ? t('Signing in…') : t('Sign in')}</button>
        <button type="button" class="ghost" onClick={onLang}>{lang() === 'ru' ? 'English' : 'Русский'}</button>
      </form>
    </div>
  );
}

export { ErrorBox };
