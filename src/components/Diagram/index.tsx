// cspell:words panzoom
import React, {useRef} from 'react';
import clsx from 'clsx';
import useIsBrowser from '@docusaurus/useIsBrowser';
import styles from './styles.module.css';

export interface Props {
  /** The diagram's accTitle: the figure's accessible name. */
  title: string;
  /** The drawing's width in CSS pixels (its viewBox; its width and height attributes reserve its box). */
  width: string;
  /** The two drawings, as SVG markup committed in diagrams/ (mermaid themes "default" and "dark"). */
  light: string;
  dark: string;
}

/** One large view at a time: a second press while the first is loading does nothing. */
let opening = false;

/**
 * A mermaid diagram drawn at build time (plugins/content/remark-diagrams.ts puts it in
 * the page; authors write a ```mermaid block). Both drawings are in the HTML;
 * CSS shows the one that matches the color mode, so no script runs and
 * nothing moves once the page is painted. The SVGs carry their own <title>,
 * <desc> and role; the hidden one is display: none, so it is not read out.
 *
 * Under the figure, a button opens the drawing of the current color mode in a full-window
 * dialog with zoom and pan (./large.ts). The button is in the server's HTML, disabled until
 * hydration, so nothing moves; the dialog's code and @panzoom/panzoom are a chunk of their own,
 * fetched when a reader first opens a diagram.
 */
export default function Diagram({title, width, light, dark}: Props): React.JSX.Element {
  const live = useIsBrowser();
  const figure = useRef<HTMLElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const style = {'--diagram-width': `${Number(width) || 0}px`};
  const open = () => {
    if (opening || !figure.current || !button.current) return;
    opening = true;
    const [fig, btn] = [figure.current, button.current];
    import(/* webpackChunkName: "diagram-large" */ './large')
      .then(({openLarge}) => openLarge(fig, btn, title))
      .catch((error: unknown) => console.error('[diagram] the large view did not load', error))
      .finally(() => (opening = false));
  };
  return (
    <div className={clsx('book-diagram-frame', styles.frame)}>
      {/* On a narrow screen the figure scrolls sideways; tabIndex: by keyboard too. */}
      <figure
        ref={figure}
        className={clsx('book-diagram', styles.diagram)}
        aria-label={title}
        tabIndex={0}
        style={style as React.CSSProperties}>
        <div className={clsx('book-diagram__light', styles.light)} dangerouslySetInnerHTML={{__html: light}} />
        <div className={clsx('book-diagram__dark', styles.dark)} dangerouslySetInnerHTML={{__html: dark}} />
      </figure>
      <button
        ref={button}
        type="button"
        className={clsx('book-tool-button', 'book-diagram__open', styles.open)}
        disabled={!live}
        onClick={open}>
        Open diagram large<span className="sr-only">: {title}</span>
      </button>
    </div>
  );
}
