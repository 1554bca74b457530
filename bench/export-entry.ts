/**
 * What the export and preflight benchmarks run of ours, bundled by esbuild as the app's renderer and a
 * built CLI would be (bench/node.ts). Run through tsx instead, every function would carry
 * tsx's keepNames wrapper, which costs our renderer ~40% on a long story while the peer
 * (@lexical/headless, prebuilt in node_modules) pays nothing.
 */
export { exportStory, renderFragment } from '../shared/export';
export { restoreStoryText } from '../shared/story/restore';
export { checkStory, createSpeller } from '../shared/check';
