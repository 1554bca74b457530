import { diffArrays } from 'diff';
import { bagOf, type CompareBlock } from './blocks';
import { similarity } from './words';

/** One step of the aligned stories: positions in the two block lists (not body indexes). */
export interface AlignedBlock {
  op: 'equal' | 'change' | 'move' | 'insert' | 'delete';
  a?: number;
  b?: number;
}

/** Pair changed blocks whose words are at least this alike; a block that also moved must be closer. */
const IN_PLACE_THRESHOLD = 0.5;
const MOVED_THRESHOLD = 0.66;
/** For each block, only blocks sharing one of its rarest words are scored: linear, not quadratic. */
const RARE_WORDS = 4;
const MAX_CANDIDATES = 16;

/**
 * Myers costs blocks × differences: stories this different (two unrelated live blogs) are
 * lined up by their blocks found once in each instead, as patience diff does.
 */
const MAX_EDITS = 120;

type Kind = 'equal' | 'change' | 'move';

/**
 * Aligns two block lists in four passes, cheapest first:
 *  1. the longest run of identical blocks in order (Myers over block content, `diff`'s diffArrays);
 *  2. identical blocks left over on both sides: moved;
 *  3. blocks left over that are alike (same tweet or picture, or mostly the same words),
 *     found through an index of rare words so hundreds of blocks stay cheap;
 *  4. of those, the pairs in place (between the same identical neighbours, in order) are
 *     changes, the rest moved and changed.
 * The result runs in the order of `b`, each deleted block just before the place it left.
 */
export function alignBlocks(a: readonly CompareBlock[], b: readonly CompareBlock[]): AlignedBlock[] {
  const matchA = new Int32Array(a.length).fill(-1);
  const matchB = new Int32Array(b.length).fill(-1);
  const kindB: Kind[] = new Array<Kind>(b.length);
  const pair = (i: number, j: number, kind: Kind) => {
    matchA[i] = j;
    matchB[j] = i;
    kindB[j] = kind;
  };

  // 1. Identical blocks in order.
  const ids = new Map<string, number>();
  const idOf = (block: CompareBlock) => {
    let id = ids.get(block.key);
    if (id === undefined) ids.set(block.key, (id = ids.size));
    return id;
  };
  const keysA = a.map(idOf);
  const keysB = b.map(idOf);
  const changes = diffArrays(keysA, keysB, { maxEditLength: MAX_EDITS });
  if (changes) {
    let i = 0;
    let j = 0;
    for (const change of changes) {
      const count = change.count ?? change.value.length;
      if (change.added) j += count;
      else if (change.removed) i += count;
      else for (let k = 0; k < count; k++) pair(i++, j++, 'equal');
    }
  } else for (const [i, j] of uniqueAnchors(keysA, keysB)) pair(i, j, 'equal');

  // 2. Identical blocks out of order.
  const leftoverByKey = new Map<number, number[]>();
  keysA.forEach((key, i) => {
    if (matchA[i] !== -1) return;
    const list = leftoverByKey.get(key);
    if (list) list.push(i);
    else leftoverByKey.set(key, [i]);
  });
  keysB.forEach((key, j) => {
    if (matchB[j] !== -1) return;
    const i = leftoverByKey.get(key)?.shift();
    if (i !== undefined) pair(i, j, 'move');
  });

  // Which stretch between identical, in-order blocks each block sits in.
  const gapA = gapsOf(matchA, (i) => kindB[matchA[i]!] === 'equal');
  const gapB = gapsOf(matchB, (j) => kindB[j] === 'equal');

  // 3. Alike blocks.
  const candidates = alikePairs(a, b, matchA, matchB, gapA, gapB);
  candidates.sort((x, y) => y.score - x.score || Number(y.inPlace) - Number(x.inPlace) || x.distance - y.distance);
  const alike: { i: number; j: number }[] = [];
  for (const c of candidates) {
    if (matchA[c.i] !== -1 || matchB[c.j] !== -1) continue;
    pair(c.i, c.j, 'move');
    alike.push(c);
  }

  // 4. In place: per stretch, the longest in-order set of alike pairs.
  const byGap = new Map<number, { i: number; j: number }[]>();
  for (const p of alike) {
    if (gapA[p.i] !== gapB[p.j]) continue;
    const list = byGap.get(gapB[p.j]!);
    if (list) list.push(p);
    else byGap.set(gapB[p.j]!, [p]);
  }
  for (const pairs of byGap.values()) {
    pairs.sort((x, y) => x.j - y.j);
    for (const k of longestIncreasing(pairs.map((p) => p.i))) kindB[pairs[k]!.j] = 'change';
  }

  return inOrderOfB(a.length, b.length, matchA, matchB, kindB);
}

/** Blocks found exactly once in each story, the longest run of them in order (patience diff's anchors). */
function uniqueAnchors(keysA: readonly number[], keysB: readonly number[]): [number, number][] {
  const once = (keys: readonly number[]) => {
    const seen = new Map<number, number>();
    keys.forEach((key, k) => seen.set(key, seen.has(key) ? -1 : k));
    return seen;
  };
  const inA = once(keysA);
  const inB = once(keysB);
  const pairs: [number, number][] = [];
  keysB.forEach((key, j) => {
    const i = inA.get(key) ?? -1;
    if (i !== -1 && inB.get(key) === j) pairs.push([i, j]);
  });
  return longestIncreasing(pairs.map(([i]) => i)).map((k) => pairs[k]!);
}

function gapsOf(match: Int32Array, isAnchor: (position: number) => boolean): Int32Array {
  const gaps = new Int32Array(match.length);
  let gap = 0;
  for (let k = 0; k < match.length; k++) {
    if (match[k] !== -1 && isAnchor(k)) {
      gap++;
      gaps[k] = -1;
    } else gaps[k] = gap;
  }
  return gaps;
}

interface Candidate {
  i: number;
  j: number;
  score: number;
  inPlace: boolean;
  distance: number;
}

function alikePairs(
  a: readonly CompareBlock[],
  b: readonly CompareBlock[],
  matchA: Int32Array,
  matchB: Int32Array,
  gapA: Int32Array,
  gapB: Int32Array,
): Candidate[] {
  const byIdentity = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  a.forEach((block, i) => {
    if (matchA[i] !== -1) return;
    if (!block.copy) push(byIdentity, `${block.type}\u0000${block.identity}`, i);
    for (const word of bagOf(block).bag.keys()) push(byWord, word, i);
  });
  const out: Candidate[] = [];
  b.forEach((block, j) => {
    if (matchB[j] !== -1) return;
    const seen = new Set<number>(byIdentity.get(`${block.type}\u0000${block.identity}`) ?? []);
    if (block.copy || block.type === 'photo') {
      const rare = [...bagOf(block).bag.keys()]
        .filter((w) => byWord.has(w))
        .sort((x, y) => byWord.get(x)!.length - byWord.get(y)!.length)
        .slice(0, RARE_WORDS);
      for (const word of rare) {
        for (const i of byWord.get(word)!) {
          if (seen.size >= MAX_CANDIDATES) break;
          seen.add(i);
        }
      }
    }
    for (const i of seen) {
      const score = scorePair(a[i]!, block);
      const inPlace = gapA[i] === gapB[j];
      if (score >= (inPlace ? IN_PLACE_THRESHOLD : MOVED_THRESHOLD)) out.push({ i, j, score, inPlace, distance: Math.abs(i - j) });
    }
  });
  return out;
}

/** How alike two blocks are, 0 to 1; 0 for blocks that cannot be the same item. */
function scorePair(x: CompareBlock, y: CompareBlock): number {
  if (x.copy !== y.copy) return 0;
  if (!x.copy) {
    if (x.type !== y.type) return 0;
    if (x.identity === y.identity && x.identity !== '') return 1;
    // A different tweet is another tweet; a photo with a new picture and the same caption is
    // the same photo — but never before the photo with the same picture.
    if (x.type !== 'photo') return 0;
  }
  const bx = bagOf(x);
  const by = bagOf(y);
  return similarity(bx.bag, by.bag, bx.size, by.size) * (x.copy ? 1 : 0.9);
}

function push(map: Map<string, number[]>, key: string, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes (into `values`) of a longest strictly increasing subsequence: patience sorting, O(n log n). */
export function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = [];
  const previous = new Int32Array(values.length).fill(-1);
  values.forEach((value, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const out: number[] = [];
  for (let k = tails.at(-1) ?? -1; k !== -1; k = previous[k]!) out.push(k);
  return out.reverse();
}

function inOrderOfB(lengthA: number, lengthB: number, matchA: Int32Array, matchB: Int32Array, kindB: readonly Kind[]): AlignedBlock[] {
  const isAnchor = (j: number) => matchB[j] !== -1 && kindB[j] !== 'move';
  // For each place in b, the place in a of the next block that stayed where it was.
  const limit = new Int32Array(lengthB + 1);
  limit[lengthB] = lengthA;
  for (let j = lengthB - 1; j >= 0; j--) limit[j] = isAnchor(j) ? matchB[j]! : limit[j + 1]!;
  const out: AlignedBlock[] = [];
  let nextA = 0;
  const flushDeleted = (upTo: number) => {
    for (; nextA < upTo; nextA++) if (matchA[nextA] === -1) out.push({ op: 'delete', a: nextA });
  };
  for (let j = 0; j < lengthB; j++) {
    flushDeleted(limit[j]!);
    if (matchB[j] === -1) out.push({ op: 'insert', b: j });
    else if (isAnchor(j)) {
      out.push({ op: kindB[j]!, a: matchB[j]!, b: j });
      nextA = matchB[j]! + 1;
    } else out.push({ op: 'move', a: matchB[j]!, b: j });
  }
  flushDeleted(lengthA);
  return out;
}
