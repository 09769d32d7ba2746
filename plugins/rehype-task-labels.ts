/**
 * GFM task-list checkboxes render as bare disabled inputs, which screen readers
 * announce as an unlabeled checkbox. Give each one a label: "done" or "to do".
 */
import type {Root, Element} from 'hast';
import {visit} from 'unist-util-visit';

export default function rehypeTaskLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'input' || node.properties?.type !== 'checkbox') return;
      node.properties['aria-label'] = node.properties.checked ? 'done' : 'to do';
    });
  };
}
