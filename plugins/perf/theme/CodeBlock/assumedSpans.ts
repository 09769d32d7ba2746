/**
 * The assumed values of the block being drawn (their format: plugins/content/assumed-spans.ts),
 * handed from the forked CodeBlock/Content/String to CodeBlock/Content, which marks them.
 */
import {createContext, useContext} from 'react';
import type {AssumedSpan} from '../../../content/assumed-spans';

export interface AssumedInBlock {
  spans: AssumedSpan[];
  /** Values the operator filled in (the runbook's fields), marked as such. */
  filled?: AssumedSpan[];
  noteId?: string;
}

export const AssumedContext = createContext<AssumedInBlock>({spans: []});
export const useAssumed = (): AssumedInBlock => useContext(AssumedContext);
