import { useEffect, useState } from 'react';

/** The app's places; the hash keeps them bookmarkable and works over file:// and http alike. */
export type Route =
  | { name: 'dashboard'; asOf?: string | null }
  | { name: 'checks' }
  | { name: 'trash' }
  | { name: 'library' }
  | { name: 'document'; id: string; terms: string[] }
  | { name: 'search'; q: string }
  | { name: 'import' }
  | { name: 'gazettes'; id: string | null }
  | { name: 'cleanup'; id: string | null; check?: string | null; asOf?: string | null }
  | { name: 'settings' }
  | { name: 'users' }
  | { name: 'audit' }
  | { name: 'filing' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A 状态日期 from the address, when it is a day. */
const dayParam = (params: URLSearchParams): string | null => {
  const v = params.get('asOf');
  return v && DAY.test(v) ? v : null;
};

/** Parses `#/documents/ID?terms=…` and friends; an empty hash is the start page, anything unknown the library. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/dashboard';
  const [path, query = ''] = raw.split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  if (parts.length === 0) return { name: 'dashboard' };
  switch (parts[0]) {
    case 'documents':
      if (parts[1]) return { name: 'document', id: parts[1], terms: params.getAll('t') };
      return { name: 'library' };
    case 'search':
      return { name: 'search', q: params.get('q') ?? '' };
    case 'import':
      return { name: 'import' };
    case 'dashboard':
      return { name: 'dashboard', asOf: dayParam(params) };
    case 'checks':
      return { name: 'checks' };
    case 'trash':
      return { name: 'trash' };
    case 'gazettes':
      return { name: 'gazettes', id: parts[1] ?? null };
    case 'cleanup':
      return { name: 'cleanup', id: parts[1] ?? null, check: parts[1] ? null : params.get('check'), asOf: parts[1] ? null : dayParam(params) };
    case 'settings':
      return parts[1] === 'users' ? { name: 'users' } : { name: 'settings' };
    case 'audit':
      return { name: 'audit' };
    case 'filing':
      return { name: 'filing' };
    default:
      return { name: 'library' };
  }
}

/** The hash for a route (inverse of parseHash). */
export function routeHref(route: Route): string {
  switch (route.name) {
    case 'document': {
      const params = new URLSearchParams();
      for (const t of route.terms) params.append('t', t);
      const qs = params.toString();
      return `#/documents/${encodeURIComponent(route.id)}${qs ? '?' + qs : ''}`;
    }
    case 'search':
      return `#/search?q=${encodeURIComponent(route.q)}`;
    case 'gazettes':
      return route.id ? `#/gazettes/${encodeURIComponent(route.id)}` : '#/gazettes';
    case 'cleanup': {
      if (route.id) return `#/cleanup/${encodeURIComponent(route.id)}`;
      const params = new URLSearchParams();
      if (route.check) params.set('check', route.check);
      if (route.asOf) params.set('asOf', route.asOf);
      const qs = params.toString();
      return `#/cleanup${qs ? '?' + qs : ''}`;
    }
    case 'dashboard':
      return route.asOf ? `#/dashboard?asOf=${route.asOf}` : '#/dashboard';
    case 'users':
      return '#/settings/users';
    default:
      return `#/${route.name}`;
  }
}

/** Goes to a route (adds a history entry, so Back works). */
export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

/** The current route, following hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
