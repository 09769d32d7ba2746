import React from 'react';
import Link from '@docusaurus/Link';
import {getNode, nodeHref} from '@site/src/data/deployment';
import styles from './styles.module.css';

export interface Props {
  /** An SSH alias: hetzner1, hetzner2 or hetzner3. The build rejects others. */
  alias: string;
  /**
   * `full` shows alias, IP and k3s hostname; `short` only the alias (the mapping
   * stays in its tooltip). The build sets `full` on the first mention in a section.
   */
  variant?: 'full' | 'short';
}

/** A node, named so the non-obvious alias → IP → hostname mapping is always at hand. */
export default function NodeRef({alias, variant = 'full'}: Props): React.JSX.Element {
  const node = getNode(alias);
  if (!node) throw new Error(`<NodeRef>: unknown node alias "${alias}"`);
  const mapping = `${node.ip} · ${node.hostname}`;
  return (
    <Link className={styles.node} to={nodeHref(node.alias)} title={`${node.alias}: ${mapping}`} data-node={node.alias}>
      <code className={styles.alias}>{node.alias}</code>
      {variant === 'full' ? <span className={styles.mapping}> ({mapping})</span> : null}
    </Link>
  );
}
