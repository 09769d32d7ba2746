/**
 * Two accessibility repairs on the Markdown's HTML:
 * - GFM task-list checkboxes render as bare disabled inputs, which screen
 *   readers announce as an unlabeled checkbox: each gets "done" or "to do".
 * - Infima makes tables scroll sideways when wider than the page (on a phone):
 *   each table is focusable so a keyboard can scroll it.
 */
import type {Root, Element} from 'hast';
import {visit} from 'unist-util-visit';

export default function rehypeTaskLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'table') node.properties.tabIndex = 0;
      if (node.tagName !== 'input' || node.properties?.type !== 'checkbox') return;
      node.properties['aria-label'] = node.properties.checked ? 'done' : 'to do';
    });
  };
}
