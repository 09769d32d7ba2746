/**
 * The navbar search: a button (and Ctrl/⌘+K or "/") that opens a dialog over
 * the book's offline index. The index and the engine load on first open, so
 * pages that never search pay nothing for it.
 */
import React, {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {useHistory} from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type {Engine, Hit, IndexPayload} from '@site/src/search/engine';
import styles from './styles.module.css';

declare global {
  interface Window {
    __BOOK_SEARCH__?: IndexPayload;
  }
}

let enginePromise: Promise<Engine> | undefined;

function loadEngine(indexUrl: string): Promise<Engine> {
  enginePromise ??= new Promise<IndexPayload>((resolve, reject) => {
    if (window.__BOOK_SEARCH__) return resolve(window.__BOOK_SEARCH__);
    // A script tag, not fetch: it also works in the offline copy opened from file://.
    const s = document.createElement('script');
    s.src = indexUrl;
    s.async = true;
    s.onload = () => (window.__BOOK_SEARCH__ ? resolve(window.__BOOK_SEARCH__) : reject(new Error('empty index')));
    s.onerror = () => reject(new Error('The search index is missing: it is written by `npm run build`.'));
    document.head.appendChild(s);
  }).then(async (payload) => (await import('@site/src/search/engine')).createEngine(payload));
  enginePromise.catch(() => (enginePromise = undefined));
  return enginePromise;
}

/** The URL to go to, carrying the matched words so the landing page can mark them. */
function target(hit: Hit): string {
  const [path, hash] = hit.url.split('#');
  const hl = hit.terms.length ? `?hl=${encodeURIComponent(hit.terms.join(' '))}` : '';
  return `${path}${hl}${hash ? `#${hash}` : ''}`;
}

export default function SearchBar(): React.JSX.Element {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string>();
  const [engine, setEngine] = useState<Engine>();
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const history = useHistory();
  const indexUrl = useBaseUrl('/search-index.js');

  const show = useCallback(() => {
    setOpen(true);
    loadEngine(indexUrl).then(setEngine, (e: Error) => setError(e.message));
  }, [indexUrl]);

  const close = useCallback(() => {
    setOpen(false);
    opener.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
      if ((e.key === 'k' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        show();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show]);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  // Derived during render, not set from an effect: the hits follow the query and the loaded engine.
  const hits = useMemo<Hit[]>(() => (engine && query.trim() ? engine.search(query, 10) : []), [engine, query]);

  const search = (q: string) => {
    setQuery(q);
    setActive(0);
  };

  const go = (hit: Hit | undefined) => {
    if (!hit) return;
    setOpen(false);
    search('');
    history.push(target(hit));
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') close();
    else if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.max(0, Math.min(a + 1, hits.length - 1)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      go(hits[active]);
    }
  };

  return (
    <>
      <button
        ref={opener}
        type="button"
        className={styles.button}
        onClick={show}
        aria-keyshortcuts="Control+K"
        data-testid="search-button">
        <svg width="16" height="16" viewBox="0 0 20 20" aria-hidden="true">
          <path
            d="M14.4 13l4.3 4.3-1.4 1.4-4.3-4.3a7.5 7.5 0 1 1 1.4-1.4zM8.5 14a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11z"
            fill="currentColor"
          />
        </svg>
        <span className={styles.label}>Search</span>
        <kbd className={styles.kbd} aria-hidden="true">
          Ctrl K
        </kbd>
      </button>
      {open && (
        // The backdrop is only a click target for the mouse (Esc closes from the keyboard).
        <div
          role="presentation"
          className={styles.backdrop}
          onMouseDown={(e) => e.target === e.currentTarget && close()}>
          <div role="dialog" aria-modal="true" aria-label="Search the book" className={styles.dialog}>
            <input
              ref={input}
              className={styles.input}
              type="search"
              placeholder="Search: §27, dirty migration, node down…"
              value={query}
              onChange={(e) => search(e.target.value)}
              onKeyDown={onKeyDown}
              role="combobox"
              aria-expanded={hits.length > 0}
              aria-controls="book-search-results"
              aria-activedescendant={hits[active] ? `book-search-${active}` : undefined}
              aria-label="Search the book"
              data-testid="search-input"
            />
            {error && <p className={styles.note}>{error}</p>}
            {!error && !engine && <p className={styles.note}>Loading the index…</p>}
            {engine && query.trim() && hits.length === 0 && (
              <p className={styles.note}>No match. Try fewer words, or a runbook number like §27.</p>
            )}
            <ul id="book-search-results" role="listbox" className={styles.results} data-testid="search-results">
              {hits.map((hit, i) => (
                // The combobox pattern: the input keeps focus and handles the keys (↑ ↓ Enter, via
                // aria-activedescendant), so an option takes no key handler of its own.
                // eslint-disable-next-line jsx-a11y/click-events-have-key-events
                <li
                  key={hit.id}
                  id={`book-search-${i}`}
                  role="option"
                  // Mouse *movement* selects: a list that opens under a resting pointer must not steal Enter.
                  aria-selected={i === active}
                  className={i === active ? styles.active : undefined}
                  onMouseMove={() => setActive(i)}
                  onClick={() => go(hit)}
                  data-url={hit.url}>
                  <span className={styles.hitTitle}>{hit.heading || hit.title}</span>
                  <span className={styles.hitPage}>{hit.heading ? hit.title : ''}</span>
                  <span className={styles.hitSnippet}>{hit.snippet}</span>
                </li>
              ))}
            </ul>
            <p className={styles.help}>
              <kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close
            </p>
          </div>
        </div>
      )}
    </>
  );
}
