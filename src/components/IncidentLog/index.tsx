/**
 * Under a runbook entry's steps: "Copy incident log" puts Markdown on the clipboard (the entry,
 * the values filled in, never a secret, and which steps were done and when), ready for the
 * postmortem; "Clear ticks" clears the ticks, which otherwise stay in this browser. If the
 * browser refuses the clipboard, the log is shown in a box to copy by hand.
 */
import React, {useState} from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
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
  const {siteConfig} = useDocusaurusContext();
  const values = useValues(entry);
  const ticks = useTicks(entry);
  const [said, setSaid] = useState('');
  const [manual, setManual] = useState('');
  const list = JSON.parse(steps) as Step[];
  const done = list.filter((s) => ticks[s.hash]).length;
  const copy = async () => {
    // The book's own address, not this page's: from the offline copy that would be a file:// path.
    const log = incidentLog(title, `${siteConfig.url}/runbook#${entry}`, list, values, ticks);
    try {
      await navigator.clipboard.writeText(log);
      setManual('');
      setSaid('Incident log copied.');
    } catch {
      setManual(log);
      setSaid('The browser refused the clipboard: the log is in the box below, to copy by hand.');
    }
  };
  return (
    <div className={styles.log} data-incident-log={entry} data-search-skip="">
      <span className={styles.count}>
        {done} of {list.length} steps done (ticks stay in this browser until cleared)
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
        Clear ticks
      </button>
      <span role="status" className={styles.status}>
        {said}
      </span>
      {manual && (
        <textarea className={styles.manual} readOnly value={manual} aria-label={`Incident log of §${entry.slice(1)}`} />
      )}
    </div>
  );
}
