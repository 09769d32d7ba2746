/**
 * After a search result is opened, mark the matched words on the landing page
 * (`?hl=word word`), then scroll the target heading into view. Runs on every
 * route change; without `hl` it does nothing.
 */
import type {ClientModule} from '@docusaurus/types';

const MARK_CLASS = 'search-hit';

function mark(root: Element, words: string[]): number {
  const re = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest('pre, code, script, style, mark, svg, .mermaid') || !re.test(n.nodeValue ?? '')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  for (const node of nodes) {
    const frag = document.createDocumentFragment();
    for (const part of (node.nodeValue ?? '').split(re)) {
      if (!part) continue;
      if (re.test(part)) {
        const m = document.createElement('mark');
        m.className = MARK_CLASS;
        m.textContent = part;
        frag.appendChild(m);
      } else frag.appendChild(document.createTextNode(part));
      re.lastIndex = 0;
    }
    node.replaceWith(frag);
  }
  return nodes.length;
}

const clientModule: ClientModule = {
  onRouteDidUpdate({location}) {
    const hl = new URLSearchParams(location.search).get('hl');
    if (!hl) return;
    const words = hl.split(/\s+/).filter((w) => w.length > 1);
    // Wait a frame so the new page's content is in the DOM.
    requestAnimationFrame(() => {
      const article = document.querySelector('article .markdown');
      if (article && words.length) mark(article, words);
      if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
    });
  },
};

export default clientModule;
