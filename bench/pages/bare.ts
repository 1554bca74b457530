import './peer.css';
import { afterNextPaint } from './frames';

/**
 * The browser's floor: a bare contenteditable holding the story's text as plain paragraphs.
 * Its "file" is a JSON array of the paragraphs' strings.
 */
const body = document.querySelector<HTMLElement>('.editor-body')!;

window.__benchPeer = {
  async open(text: string) {
    const paragraphs = JSON.parse(text) as string[];
    const fragment = document.createDocumentFragment();
    for (const line of paragraphs) {
      const p = document.createElement('p');
      p.textContent = line;
      fragment.append(p);
    }
    body.replaceChildren(fragment);
    await afterNextPaint();
  },
};
