/**
 * "Your values" for one runbook entry: a field per non-secret placeholder its commands use
 * (src/data/placeholders.ts gives the meaning and where to get it), and a node picker where
 * the commands set `NODE=`/`ALIAS=`. What is typed fills every command of the entry
 * (src/theme/CodeBlock) and lasts for the tab. The fields are in the server's HTML, disabled
 * until the page is interactive, so nothing moves when they come alive; without JavaScript
 * the commands keep their placeholders. Secret placeholders never get a field.
 */
import React, {useId} from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {getPlaceholder} from '@site/src/data/placeholders';
import {NODES} from '@site/src/data/deployment';
import {clearValues, setValue, useValues} from '@site/src/runbook/store';
import {NODE_KEY} from '@site/src/runbook/fill';
import styles from './styles.module.css';

interface Props {
  /** The entry's anchor: `s27`. */
  entry: string;
  /** Comma-separated placeholder names (plugins/content/remark-runbook-tools.ts). */
  names: string;
  /** "true" when the commands set the node. */
  node?: string;
}

export default function EntryValues({entry, names, node}: Props): React.JSX.Element {
  const live = useIsBrowser();
  const values = useValues(entry);
  const id = useId();
  const fields = names
    .split(',')
    .filter(Boolean)
    .flatMap((name) => {
      const p = getPlaceholder(name);
      return p && !p.secret ? [p] : [];
    });
  const chosen = NODES.find((n) => n.alias === values[NODE_KEY]);
  return (
    <fieldset className={styles.box} data-entry-values={entry} data-search-skip="">
      <legend className={styles.legend}>Your values for §{entry.slice(1)}</legend>
      <p className={styles.hint}>
        Typed here, they fill this entry&apos;s code blocks (and what their copy buttons copy) until this tab closes,
        exactly as typed (quote a value with spaces yourself). Commands in the prose keep their placeholders. Secrets
        are never asked for here.
      </p>
      {node === 'true' && (
        <div className={styles.field}>
          <label htmlFor={`${id}-node`}>Node</label>
          <select
            id={`${id}-node`}
            disabled={!live}
            value={values[NODE_KEY] ?? ''}
            onChange={(e) => setValue(entry, NODE_KEY, e.target.value)}>
            <option value="">as written</option>
            {NODES.map((n) => (
              <option key={n.alias} value={n.alias}>
                {n.alias} → {n.ip} → {n.hostname}
              </option>
            ))}
          </select>
          <span className={styles.about} aria-live="polite">
            {chosen ? `${chosen.alias} → ${chosen.ip} → ${chosen.hostname}` : 'sets the NODE= and ALIAS= lines'}
          </span>
        </div>
      )}
      {fields.map((p) => (
        <div key={p.name} className={styles.field}>
          <label htmlFor={`${id}-${p.name}`}>
            <code>&lt;{p.name}&gt;</code>
          </label>
          <input
            id={`${id}-${p.name}`}
            type="text"
            spellCheck={false}
            autoComplete="off"
            disabled={!live}
            placeholder={`e.g. ${p.test}`}
            aria-describedby={`${id}-${p.name}-about`}
            value={values[p.name] ?? ''}
            onChange={(e) => setValue(entry, p.name, e.target.value.trim())}
          />
          <span id={`${id}-${p.name}-about`} className={styles.about}>
            {p.meaning}; from {p.from}
          </span>
        </div>
      ))}
      <button type="button" className="book-tool-button" disabled={!live} onClick={() => clearValues(entry)}>
        Clear my values
      </button>
    </fieldset>
  );
}
