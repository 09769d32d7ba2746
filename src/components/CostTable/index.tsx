import React, {type JSX} from 'react';
import Link from '@docusaurus/Link';
import {COSTS, type CostItem} from '@site/src/data/costs';
import styles from './styles.module.css';

export interface Props {
  /** Visible caption of the table. */
  caption?: string;
  /** The rows to show; all of src/data/costs.ts by default. */
  items?: readonly CostItem[];
}

/** The date a price was read, as a machine-readable <time>. */
function ReadOn({date}: {date: string}): JSX.Element {
  return (
    <>
      read <time dateTime={date}>{date}</time>
    </>
  );
}

/** Where the price comes from: a link to the page, or the command that shows the real figure. */
function SourceCell({item}: {item: CostItem}): JSX.Element {
  const {source} = item;
  if (source.kind === 'derived') {
    return (
      <>
        <Link to={source.url} title={source.note}>
          {new URL(source.url).hostname}
        </Link>
        <br />
        <span className={styles.date}>
          <ReadOn date={item.readOn} />
        </span>
      </>
    );
  }
  return (
    <>
      <span className={styles.assumed}>not priced; confirm with</span>{' '}
      <code className={styles.command}>{source.confirm}</code>
      <br />
      <span className={styles.date}>
        row written <time dateTime={item.readOn}>{item.readOn}</time>
      </span>
    </>
  );
}

/**
 * What the deployment costs, per service (ch18), rendered from
 * src/data/costs.ts: one row per priced item, each with the page its price was
 * read from and the date it was read, or the command that shows the real figure.
 */
export default function CostTable({
  caption = 'What each service costs: prices with their source and the date they were read',
  items = COSTS,
}: Props): JSX.Element {
  return (
    // A table wider than a phone scrolls here; tabIndex lets keyboard users scroll it too.
    <div className={styles.wrap} tabIndex={0}>
      <table className={styles.table} data-testid="cost-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Item</th>
            <th scope="col">Price</th>
            <th scope="col">Unit</th>
            <th scope="col">Source</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} id={`cost-${item.id}`}>
              <td>{item.service}</td>
              <td>{item.item}</td>
              <td className={styles.nowrap}>{item.price}</td>
              <td>{item.unit}</td>
              <td>
                <SourceCell item={item} />
              </td>
              <td className={styles.note}>{item.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
