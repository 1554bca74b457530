import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import './peer.css';
import { afterNextPaint } from './frames';

/**
 * The framework's floor: stock Lexical — LexicalComposer + RichTextPlugin only, default
 * nodes — holding the story's text as plain paragraphs (tweets and photos as paragraphs
 * of their text). Its "file" is the serialized editor state, as stock Lexical saves it.
 */
function Expose() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    window.__benchPeer = {
      async open(text: string) {
        // The plain editor state, or { editorState, assets } (the same state in a file that also
        // carries the story's photos, so JSON.parse reads as many bytes as Copydesk's does).
        const data = JSON.parse(text);
        editor.setEditorState(editor.parseEditorState(data.editorState ?? data));
        await afterNextPaint();
      },
    };
  }, [editor]);
  return null;
}

function Peer() {
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'bench-lexical',
        theme: { paragraph: 'ed-p' },
        onError: (error: Error) => {
          throw error;
        },
      }}
    >
      <main className="story-column">
        <div className="editor-frame">
          <RichTextPlugin
            contentEditable={<ContentEditable className="editor-body" aria-label="Story text" spellCheck={false} />}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
      </main>
      <Expose />
    </LexicalComposer>
  );
}

createRoot(document.getElementById('root')!).render(<Peer />);
