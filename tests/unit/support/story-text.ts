import type { SerializedBodyNode, Story } from '../../../shared/story';

/** Text of an element's children: text nodes, links' text, linebreaks as "\n". */
export function inlineText(node: SerializedBodyNode): string {
  let out = '';
  for (const child of node.children ?? []) {
    if (child.type === 'text') out += String(child.text);
    else if (child.type === 'linebreak') out += '\n';
    else if (child.children) out += inlineText(child);
  }
  return out;
}

/**
 * Every piece of text an imported story holds, in body order: the dateline, paragraphs,
 * headings and list items, tweets (text and attribution), photo captions and credits, and
 * helpline headings and entry lines.
 */
export function storyTexts(story: Story): string[] {
  const texts: string[] = [];
  if (story.meta.dateline) texts.push(story.meta.dateline);
  for (const node of story.body.root.children) {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        texts.push(inlineText(node));
        break;
      case 'list':
        for (const item of node.children ?? []) texts.push(inlineText(item));
        break;
      case 'tweet':
        texts.push(`${node.text} — ${node.name} (@${node.handle}) ${node.date}`);
        break;
      case 'photo':
        texts.push(`${node.caption} ${node.credit}`);
        break;
      case 'helpline':
        texts.push(String(node.heading), ...(node.entries as Array<{ detail: string }>).map((e) => e.detail));
        break;
      default:
        throw new Error(`unexpected top-level node ${node.type}`);
    }
  }
  return texts;
}

/** Top-level blocks of a story by type. */
export function blocks(story: Story, type: string): SerializedBodyNode[] {
  return story.body.root.children.filter((n) => n.type === type);
}
