// cspell:words panzoom xlink
/**
 * The large view of a diagram: a full-window <dialog> (showModal) holding a copy of the drawing
 * in the current color mode, with zoom and pan by @panzoom/panzoom (wheel, pinch, drag; the + and
 * − keys and buttons; the arrow keys pan; 0 fits it again). Escape or Close closes it, and focus
 * goes back to the button that opened it. index.tsx imports this module only when a reader opens
 * a diagram, so neither it nor @panzoom/panzoom is part of a page load.
 */
import Panzoom from '@panzoom/panzoom';
import styles from './large.module.css';

/** Attributes that name other elements by a space-separated list of ids. */
const ID_LISTS = new Set(['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-details']);

/**
 * Gives every id inside `svg` (and its own) a fresh name ending in `suffix`, and rewrites what
 * points at them: url(#id) in attributes, href="#id" and xlink:href="#id", the aria id lists, and
 * #id in the drawing's <style> (mermaid scopes its rules to the root's id; markers are
 * url(#id) there too). The copy then resolves to its own markers, gradients and clip paths, and
 * no id in the page appears twice.
 */
export function freshIds(svg: SVGSVGElement, suffix: string): void {
  const renamed = new Map<string, string>();
  for (const el of [svg, ...svg.querySelectorAll('[id]')]) {
    if (!el.id) continue;
    renamed.set(el.id, `${el.id}${suffix}`);
    el.id = `${el.id}${suffix}`;
  }
  const ref = (id: string) => renamed.get(id) ?? id;
  const urls = (text: string) =>
    text.replace(
      /url\(\s*(['"]?)#([^'")\s]+)\1\s*\)/g,
      (_m, quote: string, id: string) => `url(${quote}#${ref(id)}${quote})`,
    );
  for (const el of [svg, ...svg.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      if (attr.name === 'id') continue;
      if (attr.name === 'href' || attr.name === 'xlink:href') {
        if (attr.value.startsWith('#')) attr.value = `#${ref(attr.value.slice(1))}`;
      } else if (ID_LISTS.has(attr.name)) {
        attr.value = attr.value.split(/\s+/).map(ref).join(' ');
      } else if (attr.value.includes('url(')) {
        attr.value = urls(attr.value);
      }
    }
  }
  // In CSS an id selector and url(#id) both read "#name"; colors (#333, #ececff) are no id here.
  for (const style of svg.querySelectorAll('style'))
    style.textContent = (style.textContent ?? '').replace(/#(-?[_a-zA-Z][\w-]*)/g, (m, id: string) =>
      renamed.has(id) ? `#${ref(id)}` : m,
    );
}

let serial = 0;

/**
 * Where the view starts. Scale 1 fits the whole drawing in the stage; when that shrinks it below
 * half its drawn size (a wide sequence diagram on a phone: text of 2 px), it starts at its drawn
 * size instead (no larger than filling the stage both ways), at its left edge.
 */
function startView(svg: SVGSVGElement, canvas: HTMLElement): {startScale: number; startX: number; startY: number} {
  const {width, height} = svg.viewBox.baseVal;
  const stage = svg.getBoundingClientRect();
  if (!width || !height || !stage.width || !stage.height) return {startScale: 1, startX: 0, startY: 0};
  const fit = Math.min(stage.width / width, stage.height / height);
  const cover = Math.max(stage.width / width, stage.height / height);
  if (fit >= 0.5) return {startScale: 1, startX: 0, startY: 0};
  const scale = Math.min(1, cover) / fit;
  // The drawing is centred and scaled about the canvas's centre; this moves its left edge to the stage's.
  const drawn = width * fit;
  const x = Math.max(0, (scale * drawn - canvas.clientWidth) / 2) / scale;
  return {startScale: scale, startX: x, startY: 0};
}

function button(label: string, text: string, className: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `book-tool-button ${className}`;
  b.textContent = text;
  if (label !== text) {
    b.setAttribute('aria-label', label);
    b.title = label;
  }
  return b;
}

/** Opens the drawing of `figure` that the current color mode shows; on close, focus goes back to `opener`. */
export function openLarge(figure: HTMLElement, opener: HTMLElement, title: string): void {
  const dark = document.documentElement.dataset.theme === 'dark';
  const source = figure.querySelector<SVGSVGElement>(`.book-diagram__${dark ? 'dark' : 'light'} svg`);
  if (!source) return;
  const n = ++serial;
  const svg = source.cloneNode(true) as SVGSVGElement;
  freshIds(svg, `--large-${n}`);
  // The copy fills the stage (its viewBox keeps the proportions): scale 1 is the whole drawing.
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.style.removeProperty('max-width');

  const dialog = document.createElement('dialog');
  dialog.className = `book-diagram-dialog ${styles.dialog}`;
  const titleId = `book-diagram-dialog-title-${n}`;
  dialog.setAttribute('aria-labelledby', titleId);

  const bar = document.createElement('div');
  bar.className = styles.bar;
  const heading = document.createElement('p');
  heading.id = titleId;
  heading.className = styles.title;
  heading.textContent = title;
  const hint = document.createElement('p');
  hint.className = styles.hint;
  hint.textContent = 'Zoom: wheel, pinch, + and −. Pan: drag, or arrow keys on the drawing. 0 fits. Esc closes.';
  const zoomOut = button('Zoom out', '−', styles.zoom);
  const zoomIn = button('Zoom in', '+', styles.zoom);
  const fit = button('Fit to window', 'Fit', styles.fit);
  const close = button('Close', 'Close', styles.close);
  const tools = document.createElement('div');
  tools.className = styles.tools;
  tools.setAttribute('role', 'group');
  tools.setAttribute('aria-label', 'Zoom');
  tools.append(zoomOut, zoomIn, fit);
  bar.append(heading, hint, tools, close);

  const stage = document.createElement('div');
  stage.className = styles.stage;
  stage.tabIndex = 0;
  stage.setAttribute('role', 'group');
  stage.setAttribute('aria-label', `${title}: zoom with + and −, pan with the arrow keys`);
  const canvas = document.createElement('div');
  canvas.className = `book-diagram-dialog__canvas ${styles.canvas}`;
  canvas.append(svg);
  stage.append(canvas);
  dialog.append(bar, stage);
  document.body.append(dialog);
  // Shown first: the start view measures the stage.
  dialog.showModal();

  const start = startView(svg, canvas);
  const panzoom = Panzoom(canvas, {canvas: true, minScale: 0.5, maxScale: 12, step: 0.25, cursor: 'grab', ...start});
  const fitAll = () => panzoom.reset({startScale: 1, startX: 0, startY: 0});
  const onWheel = (event: WheelEvent) => panzoom.zoomWithWheel(event);
  stage.addEventListener('wheel', onWheel, {passive: false});
  zoomIn.addEventListener('click', () => panzoom.zoomIn());
  zoomOut.addEventListener('click', () => panzoom.zoomOut());
  fit.addEventListener('click', fitAll);
  close.addEventListener('click', () => dialog.close());

  const PAN = 60;
  const keys: Record<string, () => void> = {
    '+': () => panzoom.zoomIn(),
    '=': () => panzoom.zoomIn(),
    '-': () => panzoom.zoomOut(),
    '−': () => panzoom.zoomOut(),
    _: () => panzoom.zoomOut(),
    '0': fitAll,
    ArrowLeft: () => panzoom.pan(PAN, 0, {relative: true}),
    ArrowRight: () => panzoom.pan(-PAN, 0, {relative: true}),
    ArrowUp: () => panzoom.pan(0, PAN, {relative: true}),
    ArrowDown: () => panzoom.pan(0, -PAN, {relative: true}),
  };
  dialog.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    // The arrow keys pan only from the drawing; on the buttons they stay the browser's.
    if (event.key.startsWith('Arrow') && event.target !== stage) return;
    const act = keys[event.key];
    if (!act) return;
    event.preventDefault();
    act();
  });
  dialog.addEventListener('close', () => {
    stage.removeEventListener('wheel', onWheel);
    panzoom.destroy();
    dialog.remove();
    opener.focus();
  });

  stage.focus();
}
