/**
 * Under a runbook entry's steps: "Copy incident log" puts Markdown on the clipboard (the entry,
 * the values filled in, never a secret, and which steps were done and when), ready for the
 * postmortem; "Reset" clears the ticks.
 */
import React, {useState} from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {resetTicks, useTicks, useValues} from '@site/src/runbook/store';
import {incidentLog, type Step} from '@site/src/runbook/log';
import styles from './styles.module.css';

interface Props {
  entry: string;
  title: string;
  /** JSON: the entry's steps (plugins/content/remark-runbook-tools.ts). */
  steps: string;
}

export default function IncidentLog({entry, title, steps}: Props): React.JSX.Element {
  const live = useIsBrowser();
  const values = useValues(entry);
  const ticks = useTicks(entry);
  const [said, setSaid] = useState('');
  const list = JSON.parse(steps) as Step[];
  const done = list.filter((s) => ticks[s.hash]).length;
  const copy = async () => {
    const url = `${window.location.origin}${window.location.pathname}#${entry}`;
    try {
      await navigator.clipboard.writeText(incidentLog(title, url, list, values, ticks));
      setSaid('Incident log copied.');
    } catch {
      setSaid('The browser refused the clipboard: select the steps and copy them by hand.');
    }
  };
  return (
    <div className={styles.log} data-incident-log={entry} data-search-skip="">
      <span className={styles.count}>
        {done} of {list.length} steps done
      </span>
      <button type="button" className="book-tool-button" disabled={!live} onClick={() => void copy()}>
        Copy incident log
      </button>
      <button
        type="button"
        className="book-tool-button"
        disabled={!live}
        onClick={() => {
          resetTicks(entry);
          setSaid('Ticks cleared.');
        }}>
        Reset
      </button>
      <span role="status" className={styles.status}>
        {said}
      </span>
    </div>
  );
}
