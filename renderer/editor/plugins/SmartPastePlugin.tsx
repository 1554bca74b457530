import { $insertGeneratedNodes } from '@lexical/clipboard';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createParagraphNode,
  $createTextNode,
  $getNodeByKey,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  $parseSerializedNode,
  COMMAND_PRIORITY_NORMAL,
  PASTE_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  type SerializedLexicalNode,
} from 'lexical';
import { useEffect } from 'react';
import { htmlToBody } from '../../../shared/import/html';
import { importPlainText } from '../../../shared/import/plain-text';
import type { SerializedBodyNode } from '../../../shared/story/schema';
import { useNewsroom, type NewsroomServices } from '../blocks/context';
import { assetKeyOfExportPath } from '../../../shared/blocks/photo';
import { formatRecognisedBlocks, recognisedBlocks } from '../../../shared/import/summary';
import { $isPhotoNode } from '../blocks/photo/PhotoNode';

/**
 * Paste from the places reporters copy from. HTML (Google Docs, Word, web pages) goes
 * through the shared importer's allow-list, so only our node types, clean formatting and
 * safe links arrive. Plain text with an embedded tweet, a photo caption or a helpline
 * footer becomes those blocks — one undo step gives back the plain paste.
 */
export function SmartPastePlugin() {
  const [editor] = useLexicalComposerContext();
  const services = useNewsroom();

  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = (event as ClipboardEvent).clipboardData;
          if (!data) return false;
          // Copy and paste inside Copydesk keeps Lexical's own, exact format.
          if (data.types.includes('application/x-lexical-editor')) return false;
          const html = data.getData('text/html');
          const plain = data.getData('text/plain');
          if (html.trim()) {
            event.preventDefault();
            queueMicrotask(() => pasteHtml(editor, services, html));
            return true;
          }
          if (plain.includes('\n') && caretOnEmptyLine() && pastedTextHasBlocks(plain)) {
            event.preventDefault();
            queueMicrotask(() => pastePlainTextWithBlocks(editor, services, plain));
            return true;
          }
          return false;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor, services],
  );
  return null;
}

function caretOnEmptyLine(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const top = selection.anchor.getNode().getTopLevelElement();
  return $isParagraphNode(top) && top.getTextContentSize() === 0;
}

function toNodes(children: SerializedBodyNode[]): LexicalNode[] {
  return children.map((child) => $parseSerializedNode(child as unknown as SerializedLexicalNode));
}

function paragraph(text: string): SerializedBodyNode {
  return {
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
  };
}

function pasteHtml(editor: LexicalEditor, services: NewsroomServices, html: string) {
  let result;
  try {
    result = htmlToBody(html);
  } catch (error) {
    services.notify(`Could not paste: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const children = [...result.children];
  // A pasted headline or standfirst fills an empty field; otherwise it stays in the text.
  const kept = services.fillEmptyMeta({ headline: result.headline, standfirst: result.standfirst });
  const leading = [result.headline, result.standfirst].filter((t, i) => t && !kept[i === 0 ? 'headline' : 'standfirst']);
  children.unshift(...leading.map(paragraph));
  const offset = leading.length;
  let photoKeys: (string | null)[] = [];
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const nodes = toNodes(children);
    photoKeys = result.images.map((image) => {
      const node = nodes[image.index + offset];
      return $isPhotoNode(node) ? node.getKey() : null;
    });
    $insertGeneratedNodes(editor, nodes, selection);
  });
  // An image copied out of this story (named `images/<sha256>.<ext>` by the editor's copy) is
  // that story image again; pasted images that are data: URIs become story assets; others
  // stay for the reporter.
  editor.update(() => {
    result.images.forEach((image, i) => {
      const hash = assetKeyOfExportPath(image.src);
      const node = photoKeys[i] ? $getNodeByKey(photoKeys[i]!) : null;
      if (hash && services.asset(hash) && $isPhotoNode(node)) node.setState({ asset: hash, src: '' });
    });
  });
  result.images.forEach((image, i) => {
    const key = photoKeys[i];
    if (!key || !image.src.startsWith('data:image/')) return;
    void fetch(image.src)
      .then((r) => r.blob())
      .then((blob) => services.addImage(blob, image.alt || 'pasted-image'))
      .then((added) => {
        if (!added.ok) return services.notify(added.reason);
        editor.update(() => {
          const node = $getNodeByKey(key);
          if ($isPhotoNode(node)) node.setState({ asset: added.hash, src: '' });
        });
      });
  });
}

/** Quick look before the full importer runs: an attribution line, a credit, a help heading. */
export function pastedTextHasBlocks(text: string): boolean {
  try {
    const { summary } = importPlainText(text, { id: 'paste', now: new Date() });
    return recognisedBlocks(summary) > 0;
  } catch {
    return false;
  }
}

function pastePlainTextWithBlocks(editor: LexicalEditor, services: NewsroomServices, text: string) {
  const imported = importPlainText(text, { id: 'paste', now: new Date(), presets: services.userPresets });
  const children = [...imported.story.body.root.children] as SerializedBodyNode[];
  const dateline = imported.story.meta.dateline;
  if (dateline && !services.fillEmptyMeta({ dateline }).dateline) children.unshift(paragraph(dateline));
  if (imported.source) children.unshift(paragraph(imported.source));

  // Step 1, its own undo step: the text exactly as pasted, one paragraph per line, in place
  // of the empty line the caret was on.
  let plainKeys: string[] = [];
  editor.update(
    () => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      const line = selection.anchor.getNode().getTopLevelElement();
      if (!line) return;
      const nodes = text
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((l) => $createParagraphNode().append($createTextNode(l)));
      for (const node of nodes) line.insertBefore(node);
      line.remove();
      nodes[nodes.length - 1]?.selectEnd();
      plainKeys = nodes.map((n) => n.getKey());
    },
    { discrete: true },
  );
  // Step 2: the same text as blocks. Undo returns to step 1.
  editor.update(
    () => {
      const plain = plainKeys.map((key) => $getNodeByKey(key)).filter((n): n is LexicalNode => n !== null && n.isAttached());
      const first = plain[0];
      if (!first) return;
      const nodes = toNodes(children);
      for (const node of nodes) first.insertBefore(node);
      for (const node of plain) node.remove();
      const last = nodes[nodes.length - 1];
      if (!last) return;
      const after = last.getNextSibling();
      if (after && $isParagraphNode(after)) after.selectStart();
      else {
        const fresh = $createParagraphNode();
        last.insertAfter(fresh);
        fresh.select();
      }
    },
    { tag: 'history-push' },
  );
  services.notify(`Pasted with ${formatRecognisedBlocks(imported.summary)} recognised. Undo (Ctrl+Z) to keep the plain text.`, 'info');
}
