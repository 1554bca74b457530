import { createHash } from 'node:crypto';
import { $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRESETS, presetToState } from '../../shared/blocks/helpline';
import type { TweetState } from '../../shared/blocks/tweet';
import { bodyOf, createStory, restoreStory, type SerializedBodyNode, type Story, type StoryBody } from '../../shared/story';
import { STORY_NODES } from '../../renderer/editor/nodes';
import { $createHelplineNode, $isHelplineNode, HelplineNode } from '../../renderer/editor/blocks/helpline/HelplineNode';
import { $isPhotoNode, PhotoNode } from '../../renderer/editor/blocks/photo/PhotoNode';
import { $createTweetNode, $isTweetNode, TweetNode } from '../../renderer/editor/blocks/tweet/TweetNode';

// The editor runs headless here: Lexical parses and serializes editor state without a DOM.

function headlessEditor(): LexicalEditor {
  return createEditor({
    namespace: 'block-nodes-test',
    nodes: STORY_NODES,
    onError: (error) => {
      throw error;
    },
  });
}

const text = (t: string, format = 0): SerializedBodyNode => ({
  type: 'text',
  version: 1,
  text: t,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
});
const paragraph = (...children: SerializedBodyNode[]): SerializedBodyNode => ({
  type: 'paragraph',
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children,
});

// A 1×1 PNG, stored once in the story's assets and referenced by its SHA-256.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PNG_HASH = createHash('sha256').update(PNG).digest('hex');

const TWEET: TweetState = {
  url: 'https://twitter.com/chrissyteigen/status/1321484225148039168',
  tweetId: '1321484225148039168',
  name: 'chrissy teigen 🦄',
  handle: 'chrissyteigen',
  text: 'Hello New Zealand 🇳🇿💕\nwe made it\n\nhttps://t.co/Ab12Cd34Ef',
  date: 'October 28, 2020',
  lang: 'en',
};

const tweetBlock: SerializedBodyNode = { type: 'tweet', version: 1, format: '', ...TWEET };
const photoBlock: SerializedBodyNode = {
  type: 'photo',
  version: 1,
  format: 'center',
  asset: PNG_HASH,
  src: '',
  alt: 'Chrissy Teigen and John Legend arrive in Auckland',
  caption: 'Teigen at Auckland Airport on Wednesday.',
  credit: 'Supplied',
};
const helplineBlock: SerializedBodyNode = { type: 'helpline', version: 1, format: '', ...presetToState(BUILT_IN_PRESETS[0]!) };

function storyBody(): StoryBody {
  return bodyOf(
    [
      paragraph(text('Chrissy Teigen has arrived in New Zealand.')),
      tweetBlock,
      paragraph(text('She was met at the airport by '), text('fans', 1), text('.')),
      photoBlock,
      paragraph(text('More to come.')),
      helplineBlock,
    ],
    'ltr',
  );
}

function storyWith(body: unknown): Record<string, unknown> {
  const story: Story = createStory({ id: 'teigen-arrives', now: new Date('2020-10-28T02:00:00.000Z') });
  return {
    ...story,
    body,
    assets: { [PNG_HASH]: { mime: 'image/png', name: 'teigen.png', width: 1, height: 1, bytes: PNG.length, data: PNG.toString('base64') } },
  };
}

function restored(body: unknown): Story {
  const result = restoreStory(storyWith(body));
  if (!result.ok) throw new Error(`restoreStory refused the body: ${result.reason}`);
  return result.story;
}

/** Body → editor state → body, as the app does on open and save. */
function roundTrip(body: unknown): StoryBody {
  const editor = headlessEditor();
  const state = editor.parseEditorState(JSON.stringify(body));
  return JSON.parse(JSON.stringify(state.toJSON())) as StoryBody;
}

describe('newsroom blocks survive the editor unchanged', () => {
  it('the input body is a valid story body to begin with', () => {
    expect(restored(storyBody()).body.root.children.map((n) => n.type)).toEqual([
      'paragraph',
      'tweet',
      'paragraph',
      'photo',
      'paragraph',
      'helpline',
    ]);
  });

  it('a body with a tweet, a photo and a helpline round-trips exactly, and restoreStory accepts the result', () => {
    const input = storyBody();
    const output = roundTrip(input);
    const result = restoreStory(storyWith(output));
    expect(result.ok ? 'restored' : result.reason).toBe('restored');
    expect(restored(output).body).toEqual(restored(input).body);
  });

  it.each([
    ['tweet', tweetBlock],
    ['photo', photoBlock],
    ['helpline', helplineBlock],
  ])('the %s block comes out of the editor with exactly the fields it went in with', (type, block) => {
    const output = roundTrip(storyBody());
    const found = output.root.children.filter((n) => n.type === type);
    expect(found).toHaveLength(1);
    // Compared raw, before restoreStory could fill any default back in.
    expect(found[0]).toEqual(block);
    expect(Object.keys(found[0]!).sort()).toEqual(Object.keys(block).sort());
  });

  it('keeps the tweet text exactly: emoji, flags and line breaks', () => {
    const tweet = roundTrip(storyBody()).root.children[1]!;
    expect(tweet.text).toBe('Hello New Zealand 🇳🇿💕\nwe made it\n\nhttps://t.co/Ab12Cd34Ef');
    expect(tweet.name).toBe('chrissy teigen 🦄');
  });

  it('keeps all nine NZ helpline entries with their phones and links', () => {
    const helpline = roundTrip(storyBody()).root.children[5]!;
    expect(helpline.presetId).toBe('nz-standard');
    expect(helpline.entries).toEqual(BUILT_IN_PRESETS[0]!.entries);
    expect(helpline.entries).toHaveLength(9);
  });

  it('a second round trip changes nothing either', () => {
    const once = roundTrip(storyBody());
    expect(roundTrip(once)).toEqual(once);
  });

  it('a photo by https link (no asset) round-trips too', () => {
    const byLink = { ...photoBlock, asset: '', src: 'https://media.example.co.nz/teigen.jpg', format: '' };
    const body = storyBody();
    body.root.children[3] = byLink;
    expect(roundTrip(body).root.children[3]).toEqual(byLink);
    expect(restored(roundTrip(body)).body).toEqual(restored(body).body);
  });
});

describe('block node state', () => {
  it('TweetNode.setTweet patches the snapshot and leaves the previous editor state untouched', () => {
    const editor = headlessEditor();
    editor.setEditorState(editor.parseEditorState(JSON.stringify(storyBody())));
    const before = editor.getEditorState();

    editor.update(
      () => {
        const node = $getRoot().getChildAtIndex(1);
        if (!$isTweetNode(node)) throw new Error('expected the tweet at block 2');
        expect(node.getState()).toEqual(TWEET);
        node.setState({ text: 'Corrected text', date: 'October 29, 2020' });
      },
      { discrete: true },
    );

    editor.getEditorState().read(() => {
      const node = $getRoot().getChildAtIndex(1);
      if (!$isTweetNode(node)) throw new Error('expected the tweet at block 2');
      expect(node.getState()).toEqual({ ...TWEET, text: 'Corrected text', date: 'October 29, 2020' });
    });
    // Undo history depends on the old state keeping the old snapshot.
    before.read(() => {
      const node = $getRoot().getChildAtIndex(1);
      if (!$isTweetNode(node)) throw new Error('expected the tweet at block 2');
      expect(node.getState()).toEqual(TWEET);
    });
    const saved = editor.getEditorState().toJSON().root.children[1] as unknown as SerializedBodyNode;
    expect(saved).toEqual({ ...tweetBlock, text: 'Corrected text', date: 'October 29, 2020' });
  });

  it('a new tweet node starts empty and serializes every field', () => {
    const editor = headlessEditor();
    let json: unknown;
    editor.update(
      () => {
        const node = $createTweetNode();
        $getRoot().append(node);
        json = node.exportJSON();
      },
      { discrete: true },
    );
    expect(json).toEqual({
      type: 'tweet',
      version: 1,
      format: '',
      url: '',
      tweetId: '',
      name: '',
      handle: '',
      text: '',
      date: '',
      lang: '',
    });
  });

  it('importJSON ignores unknown fields and fields of the wrong type', () => {
    const editor = headlessEditor();
    editor.update(
      () => {
        const tweet = TweetNode.importJSON({
          ...tweetBlock,
          html: '<script>alert(1)</script>',
          embed: { raw: true },
          name: 42,
          lang: null,
        });
        expect(tweet.exportJSON()).toEqual({ ...tweetBlock, name: '', lang: '' });

        const photo = PhotoNode.importJSON({ ...photoBlock, onload: 'alert(1)', width: 1200, credit: ['Supplied'] });
        expect(photo.exportJSON()).toEqual({ ...photoBlock, credit: '' });

        const helpline = HelplineNode.importJSON({
          ...helplineBlock,
          extra: 'x',
          entries: [{ name: 'Samaritans', detail: 'Samaritans: 0800 726 666', phone: '0800726666', colour: 'red', onclick: 'alert(1)' }],
        });
        expect(helpline.exportJSON()).toEqual({
          ...helplineBlock,
          entries: [{ name: 'Samaritans', detail: 'Samaritans: 0800 726 666', phone: '0800726666' }],
        });
        expect($isHelplineNode(helpline) && $isPhotoNode(photo)).toBe(true);
      },
      { discrete: true },
    );
  });

  it('unknown fields in a body are not carried through the editor', () => {
    const body = storyBody();
    body.root.children[1] = {
      ...tweetBlock,
      html: '<blockquote><script src="https://platform.twitter.com/widgets.js"></script></blockquote>',
    };
    expect(roundTrip(body).root.children[1]).toEqual(tweetBlock);
  });

  it('HelplineNode.setHelpline replaces the snapshot', () => {
    const editor = headlessEditor();
    const au = presetToState(BUILT_IN_PRESETS.find((p) => p.id === 'au')!);
    editor.update(
      () => {
        const node = $createHelplineNode(presetToState(BUILT_IN_PRESETS[0]!));
        $getRoot().append(node);
        node.setState(au);
      },
      { discrete: true },
    );
    const saved = editor.getEditorState().toJSON().root.children[0] as unknown as SerializedBodyNode;
    expect(saved).toEqual({ type: 'helpline', version: 1, format: '', ...au });
  });
});
