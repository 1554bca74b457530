/**
 * The in-page probe, the same in every page measured (Copydesk and both peers), evaluated
 * as plain JavaScript source through the DevTools protocol (so no bundler helpers leak in
 * and the app's Content-Security-Policy stays as shipped).
 *
 * Keystroke latency, per key typed through real input events (CDP Input.dispatchKeyEvent):
 *
 *   t0     keydown's event.timeStamp (when the browser received the key: queueing counts)
 *   tDom   the editor's DOM changed (MutationObserver on the editable root)
 *   tRaf1  the next animation frame starts (its style, layout and paint follow)
 *   tRaf2  the frame after that starts: the change has been painted  ← `total`
 *
 * `total` = tRaf2 − t0 (keydown → rAF → rAF, after the DOM reflects the key). Frames are
 * vsync-aligned (60 Hz in headless Chromium too; --disable-frame-rate-limit does not lift
 * it), so `total` moves in ~16.7 ms steps: it answers "did the key make the next frame?".
 * To see the main-thread cost under the frame grid we also record
 *
 *   work   = (tTask − t0) + (tPaint − tRaf1)
 *
 * where tTask is when a task posted from the mutation callback runs (the key's own task,
 * with Lexical's update, listeners and synchronous React work, is over) and tPaint is when a
 * task posted from frame 1's rAF runs (that frame's style, layout and paint are done).
 */
export const PROBE_SOURCE = String.raw`(() => {
  if (window.__probe) return 'already';
  const post = (fn) => { const ch = new MessageChannel(); ch.port1.onmessage = () => fn(); ch.port2.postMessage(0); };
  let pending = null;
  let root = null;
  const samples = [];
  const finish = (p, sample) => {
    if (p.finished) return;
    p.finished = true;
    clearTimeout(p.timer);
    samples.push(sample);
    if (pending === p) pending = null;
    p.resolve(sample);
  };
  const observer = new MutationObserver(() => {
    const p = pending;
    if (!p || p.tDom !== undefined) return;
    p.tDom = performance.now();
    post(() => { p.tTask = performance.now(); });
    requestAnimationFrame(() => {
      p.tRaf1 = performance.now();
      post(() => { p.tPaint = performance.now(); });
      requestAnimationFrame(() => {
        const tRaf2 = performance.now();
        const tTask = p.tTask === undefined ? p.tRaf1 : p.tTask;
        const tPaint = p.tPaint === undefined ? tRaf2 : p.tPaint;
        finish(p, { total: tRaf2 - p.t0, dom: p.tDom - p.t0, work: (tTask - p.t0) + (tPaint - p.tRaf1), ok: true });
      });
    });
  });
  document.addEventListener('keydown', (event) => {
    if (!root || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    if (pending) finish(pending, { total: NaN, dom: NaN, work: NaN, ok: false });
    let resolve;
    const done = new Promise((r) => (resolve = r));
    const p = { t0: event.timeStamp, resolve, done, finished: false };
    p.timer = setTimeout(() => finish(p, { total: NaN, dom: NaN, work: NaN, ok: false }), 3000);
    pending = p;
  }, true);

  const files = new Map();
  window.__probe = {
    attach(selector) {
      root = document.querySelector(selector);
      if (!root) throw new Error('no editor root ' + selector);
      observer.disconnect();
      observer.observe(root, { subtree: true, childList: true, characterData: true });
      return root.children.length;
    },
    // Lexical ends a root whose last block is a decorator with a bare <img> caret helper: not a block.
    blockCount() { return [...root.children].filter((el) => el.tagName !== 'IMG' && el.tagName !== 'BR').length; },
    /** Puts the caret at the start or end of top-level block i and waits two frames. */
    async place(index, where) {
      const block = root.children[index];
      if (!block) throw new Error('no block ' + index);
      block.scrollIntoView({ block: 'center' });
      root.focus({ preventScroll: true });
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      let first = null, last = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) { if (!first) first = n; last = n; }
      const selection = document.getSelection();
      if (!first) selection.collapse(block, 0);
      else if (where === 'start') selection.collapse(first, 0);
      else selection.collapse(last, last.data.length);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return block.textContent.length;
    },
    /** Copydesk: resolves once the mounted blocks show their photos and every photo's preview is made (ms waited). */
    async waitPhotos() {
      const t0 = performance.now();
      if (window.__copydeskBench && window.__copydeskBench.previewsMade) await window.__copydeskBench.previewsMade();
      return new Promise((resolve) => {
        const check = () => {
          // Hosts with nothing in them yet, and mounted photos without their preview.
          const pending = document.querySelectorAll('.block-host:empty, .photo-empty').length;
          const images = [...document.querySelectorAll('img.photo-preview')];
          if (pending === 0 && images.every((img) => img.complete)) resolve(performance.now() - t0);
          else if (performance.now() - t0 > 60000) resolve(NaN);
          else requestAnimationFrame(check);
        };
        check();
      });
    },
    blockText(index) { return root.children[index] ? root.children[index].textContent : null; },
    waitKey() { return pending ? pending.done : Promise.resolve(null); },
    take() { return samples.splice(0, samples.length); },
    setBytes(text, slot = 'main') { const bytes = new TextEncoder().encode(text); files.set(slot, bytes); return bytes.length; },
    clearBytes() { files.clear(); },
    /** Time from the file's bytes to an editable, painted editor (or to parsed JSON: 'parse'). */
    async open(kind, slot = 'main') {
      const bytes = files.get(slot);
      const t0 = performance.now();
      const text = new TextDecoder().decode(bytes);
      if (kind === 'copydesk') await window.__copydeskBench.openText(text);
      else if (kind === 'peer') await window.__benchPeer.open(text);
      else if (kind === 'parse') { if (!JSON.parse(text)) throw new Error('empty'); }
      else throw new Error('unknown open kind ' + kind);
      return performance.now() - t0;
    },
  };
  return 'installed';
})()`;

export interface KeySample {
  total: number;
  dom: number;
  work: number;
  ok: boolean;
}
