import React from 'react';
import clsx from 'clsx';
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

/**
 * A mermaid diagram drawn at build time (plugins/content/remark-diagrams.ts puts it in
 * the page; authors write a ```mermaid block). Both drawings are in the HTML;
 * CSS shows the one that matches the color mode, so no script runs and
 * nothing moves once the page is painted. The SVGs carry their own <title>,
 * <desc> and role; the hidden one is display: none, so it is not read out.
 */
export default function Diagram({title, width, light, dark}: Props): React.JSX.Element {
  const style = {'--diagram-width': `${Number(width) || 0}px`};
  return (
    // On a narrow screen the figure scrolls sideways; browsers make such a scroller keyboard-focusable.
    // tabIndex: a diagram wider than a phone scrolls sideways, by keyboard too.
    <figure
      className={clsx('book-diagram', styles.diagram)}
      aria-label={title}
      tabIndex={0}
      style={style as React.CSSProperties}>
      <div className={clsx('book-diagram__light', styles.light)} dangerouslySetInnerHTML={{__html: light}} />
      <div className={clsx('book-diagram__dark', styles.dark)} dangerouslySetInnerHTML={{__html: dark}} />
    </figure>
  );
}
