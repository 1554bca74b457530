import { expect, test, type Page } from './support/test';
import { exportStory } from '../../shared/export';
import type { SerializedBodyNode, Story } from '../../shared/story/schema';
import { buildSeedStory, SEED_PNG_SHA256 } from '../fixtures/seed-story';
import { ALL_PAYLOADS, isDangerousUrl, TEXT_PAYLOADS, URL_ATTRIBUTES, URL_PAYLOADS } from '../fixtures/xss-payloads';

/**
 * Hostile text and URLs in every field of every block and of the metadata. The story is
 * built directly (not through restoreStory, which would refuse bad URLs) so the exporter
 * itself is what keeps the page inert — and the page is checked with and without its CSP.
 */
function hostileStory(payload: string): Story {
  const story = buildSeedStory();
  const isUrl = URL_PAYLOADS.includes(payload);
  const text = payload;
  const url = isUrl ? payload : 'https://img.example/photo.jpg';
  story.meta = {
    ...story.meta,
    headline: text,
    standfirst: text,
    byline: text,
    slug: text,
    section: text,
    tags: [text],
    dateline: text,
    language: text,
  };
  const children: SerializedBodyNode[] = [
    {
      type: 'paragraph',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [{ type: 'text', version: 1, text, format: 1, style: '', mode: 'normal', detail: 0 }],
    },
    {
      type: 'heading',
      tag: 'h2',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
    },
    {
      type: 'paragraph',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'link',
          url: isUrl ? payload : 'https://ok.example/',
          rel: null,
          target: null,
          title: text,
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
        },
      ],
    },
    {
      type: 'quote',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [{ type: 'text', version: 1, text, format: 2, style: '', mode: 'normal', detail: 0 }],
    },
    {
      type: 'list',
      listType: 'bullet',
      start: 1,
      tag: 'ul',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'listitem',
          value: 1,
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
        },
      ],
    },
    {
      type: 'tweet',
      version: 1,
      format: '',
      url: isUrl ? payload : 'https://twitter.com/a/status/1',
      tweetId: isUrl ? payload : '1',
      name: text,
      handle: text,
      text,
      date: text,
      lang: text,
    },
    { type: 'photo', version: 1, format: '', asset: '', src: url, alt: text, caption: text, credit: text },
    { type: 'photo', version: 1, format: '', asset: SEED_PNG_SHA256, src: '', alt: text, caption: text, credit: text },
    {
      type: 'helpline',
      version: 1,
      format: '',
      presetId: text,
      heading: text,
      verifiedAt: text,
      entries: [
        {
          name: text,
          detail: `${text} 0800 543 354`,
          phone: isUrl ? payload : '0800543354',
          url: isUrl ? payload : 'https://help.example/',
        },
      ],
    },
  ];
  story.body = { root: { ...story.body.root, children } };
  return story;
}

async function inspect(page: Page) {
  return page.evaluate((urlAttributes) => {
    const all = [...document.querySelectorAll('*')];
    const handlers = all.flatMap((el) =>
      [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${el.tagName}[${a.name}]`),
    );
    const urls = all.flatMap((el) => urlAttributes.map((name) => el.getAttribute(name)).filter((v): v is string => v !== null));
    const active = all
      .filter((el) => ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'BASE', 'LINK', 'FRAME', 'FRAMESET', 'APPLET'].includes(el.tagName))
      .map((el) => el.tagName);
    const refresh = [...document.querySelectorAll('meta[http-equiv]')].filter(
      (m) => m.getAttribute('http-equiv')!.toLowerCase() === 'refresh',
    ).length;
    return { handlers, urls, active, refresh, xss: (window as unknown as { __xss?: unknown }).__xss };
  }, URL_ATTRIBUTES);
}

test(`the corpus has at least 200 payloads (${ALL_PAYLOADS.length})`, () => {
  expect(ALL_PAYLOADS.length).toBeGreaterThanOrEqual(200);
});

test('an exported page with hostile text and URLs in every field is inert in Chromium', async ({ page }) => {
  test.setTimeout(240_000);
  const requests: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === 'https://xss.test/story.html')
      return route.fulfill({ contentType: 'text/html', body: (page as unknown as { body: string }).body });
    requests.push(url);
    return route.abort();
  });
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  const problems: string[] = [];
  for (const payload of ALL_PAYLOADS) {
    const story = hostileStory(payload);
    const allowed = new Set(
      story.body.root.children
        .filter((n) => n.type === 'photo' && n.src)
        .flatMap((n) => {
          try {
            return [new URL(String(n.src)).href];
          } catch {
            return [];
          }
        }),
    );
    const html = exportStory(story, { format: 'page', assets: 'inline' }).text;
    // With its CSP removed, so inertness does not lean on the CSP (and, for a sample, as exported).
    const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
    expect(withoutCsp).not.toBe(html);
    const variants = ALL_PAYLOADS.indexOf(payload) % 10 === 0 ? [withoutCsp, html] : [withoutCsp];
    for (const body of variants) {
      requests.length = 0;
      (page as unknown as { body: string }).body = body;
      await page.goto('https://xss.test/story.html');
      const found = await inspect(page);
      const label = JSON.stringify(payload).slice(0, 80);
      if (found.xss !== undefined) problems.push(`${label}: script ran`);
      if (found.handlers.length) problems.push(`${label}: event handlers ${found.handlers.join(',')}`);
      if (found.active.length) problems.push(`${label}: active elements ${found.active.join(',')}`);
      if (found.refresh) problems.push(`${label}: meta refresh`);
      const dangerous = found.urls.filter(isDangerousUrl);
      if (dangerous.length) problems.push(`${label}: dangerous URLs ${dangerous.join(' ')}`);
      const stray = requests.filter((r) => !allowed.has(r));
      if (stray.length) problems.push(`${label}: requests to ${stray.join(' ')}`);
    }
  }
  expect(problems).toEqual([]);
});

test('pasting hostile HTML into the editor is sanitised and the story still saves', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  const editor = page.locator('.editor-body');
  await editor.click();
  const blocked: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) blocked.push(r.url());
  });
  for (const payload of TEXT_PAYLOADS) {
    await page.evaluate((html) => {
      const transfer = new DataTransfer();
      transfer.setData('text/html', html);
      transfer.setData('text/plain', html.replace(/<[^>]*>/g, ''));
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, payload);
  }
  await page.waitForTimeout(500);
  const found = await page.evaluate((urlAttributes) => {
    const root = document.querySelector('.editor-body')!;
    const all = [...root.querySelectorAll('*')];
    return {
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
      active: all
        .filter((el) => ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'STYLE', 'SVG', 'MATH'].includes(el.tagName.toUpperCase()))
        .map((el) => el.tagName),
      links: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
      urls: all.flatMap((el) => urlAttributes.map((n) => el.getAttribute(n)).filter((v): v is string => v !== null)),
      xss: (window as unknown as { __xss?: unknown }).__xss,
    };
  }, URL_ATTRIBUTES);
  expect(found.xss).toBeUndefined();
  expect(found.handlers).toEqual([]);
  expect(found.active).toEqual([]);
  expect(found.urls.filter(isDangerousUrl)).toEqual([]);
  for (const href of found.links) expect(href).toMatch(/^(https?:|mailto:|tel:)/i);
  expect(blocked).toEqual([]);

  // The pasted story is valid: it saves.
  await page.keyboard.press('Control+s');
  await page.getByLabel('File name').fill('pasted-payloads');
  await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
});
