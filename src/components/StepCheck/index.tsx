/**
 * A tick box on one step of a runbook entry (plugins/content/remark-runbook-tools.ts puts one
 * on each step). Ticked, it keeps the time, across reloads, under the entry and a hash of the
 * step's text: a step whose text changes starts unticked. In the server's HTML and in print
 * it is an empty box; it works once the page is interactive.
 */
import React from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {setTick, useTicks} from '@site/src/runbook/store';
import styles from './styles.module.css';

interface Props {
  entry: string;
  step: string;
  hash: string;
}

/** The tick's local time, with its date when it was not today: an old incident's ticks must not look current. */
const time = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return d.toDateString() === new Date().toDateString() ? hm : `${date} ${hm}`;
};

export default function StepCheck({entry, step, hash}: Props): React.JSX.Element {
  const live = useIsBrowser();
  const at = useTicks(entry)[hash];
  return (
    <span className={styles.check} data-search-skip="">
      <input
        type="checkbox"
        className={styles.box}
        disabled={!live}
        checked={Boolean(at)}
        onChange={(e) => setTick(entry, hash, e.target.checked)}
        aria-label={`Step ${step} of §${entry.slice(1)} done`}
        data-step-hash={hash}
      />
      {at && (
        <time className={styles.time} dateTime={at}>
          {time(at)}
        </time>
      )}
    </span>
  );
}
