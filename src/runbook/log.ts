/** The incident log of a runbook entry, as Markdown for the postmortem (src/components/IncidentLog copies it). */
import {getPlaceholder} from '@site/src/data/placeholders';
import {NODES} from '@site/src/data/deployment';
import type {Ticks, Values} from './store';
import {NODE_KEY} from './fill';

export interface Step {
  n: number;
  hash: string;
  label: string;
}

/** The log as Markdown. Values of secret placeholders are left out even if somehow present. */
export function incidentLog(title: string, url: string, steps: Step[], values: Values, ticks: Ticks): string {
  const lines = [`### ${title}`, '', `Runbook: ${url}`, '', 'Times are UTC.', ''];
  const filled = Object.entries(values).filter(
    ([k, v]) => v && (k === NODE_KEY || getPlaceholder(k)?.secret === false),
  );
  if (filled.length) {
    lines.push('Values:', '');
    for (const [k, v] of filled) {
      const node = NODES.find((n) => n.alias === v);
      lines.push(
        k === NODE_KEY ? `- node: ${v}${node ? ` (${node.ip}, ${node.hostname})` : ''}` : `- \`<${k}>\`: \`${v}\``,
      );
    }
    lines.push('');
  }
  lines.push('Steps:', '');
  for (const s of steps)
    lines.push(`- [${ticks[s.hash] ? 'x' : ' '}] ${s.n}. ${s.label}${ticks[s.hash] ? ` (done ${ticks[s.hash]})` : ''}`);
  return `${lines.join('\n')}\n`;
}
