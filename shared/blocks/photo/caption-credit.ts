/**
 * A photo caption with its credit, as copied story text shows it:
 *
 *   Former US Secretary of State Hillary Clinton has offered her support. Photo / Supplied
 *   Police at the scene. Photo: RNZ / Richard Tindiller
 *   The site on Monday (Image: Reuters)          Crowds at the gates. Picture: Getty Images
 *   Prince Harry at Wimbledon (Anthony Devlin/PA)
 *   Protesters outside Parliament.                 ← caption, then the credit on the next line
 *   Photo / Mark Mitchell
 *   Chris Hipkins speaks to media. ROBERT KITCHIN/STUFF
 *   Image source, Getty Images                     ← BBC pages: the credit, then the caption
 *   Image caption, Prince Harry at Wimbledon
 *
 * What tells a caption from prose: the credit is the very end of the paragraph; it is
 * labelled (Photo / …, Photo: …, Picture: …, Image: …, Credit: …) and follows the end of a
 * sentence, or it is a bracketed "Name/AGENCY" or photo-agency credit; the credit itself is
 * short and made of proper nouns ("Supplied", "RNZ / Richard Tindiller"); and the caption
 * before it is short (a few sentences at most). A sentence ending "(AP)", "Photo:" in the
 * middle of a sentence, and long prose that mentions a photo are not captions.
 */
export interface CaptionCredit {
  /** The caption text ('' when the paragraph is only a credit line), lines joined by spaces. */
  caption: string;
  /** The credit without its label: "Supplied", "RNZ / Richard Tindiller", "Anthony Devlin/PA". */
  credit: string;
}

/** Captions longer than this are prose, not captions. */
export const MAX_CAPTION_CHARS = 500;
const MAX_CAPTION_SENTENCES = 4;
const MAX_CREDIT_CHARS = 100;
const MAX_CREDIT_WORDS = 10;

const LABEL =
  '(?:photo\\s+credit|image\\s+credit|picture\\s+credit|photos?|photographs?|pictures?|pics?|images?|credit|illustration|graphic)';
/** "Photo / X", "Photo: X", "Photo by X" — the whole line. */
const LABELLED_LINE = new RegExp(`^${LABEL}\\s*(?:/|:|\\s-\\s|\\sby\\s)\\s*(.+)$`, 'iu');
/** The same at the end of a caption; group 1 is what comes before the label. */
const LABELLED_TAIL = new RegExp(`^(.*)(\\s+|(?<=[.!?"”’)\\]…]))${LABEL}\\s*(?:/|:|\\sby\\s)\\s*([^()]+?)$`, 'iu');
/** "(Image: Reuters)", "(Anthony Devlin/PA)", "(AFP via Getty Images)" at the very end. */
const BRACKETED_TAIL = /^(.*?)\s*\(([^()]{2,120})\)$/u;
const LABEL_INSIDE = new RegExp(`^${LABEL}\\s*(?:/|:|\\sby\\s)\\s*(.+)$`, 'iu');

/** Words that may appear in lower case inside a credit. */
const CREDIT_LOWER_WORDS = new Set([
  'via',
  'for',
  'and',
  'of',
  'de',
  'da',
  'del',
  'della',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'el',
  'the',
  'by',
  'on',
  'at',
  'from',
  'in',
  'supplied',
  'file',
  'handout',
  'pool',
  'photo',
  'photos',
  'image',
  'images',
  'staff',
  'courtesy',
  'archive',
  'creative',
  'commons',
  'photography',
  'stock',
  'istock',
  'screenshot',
  'screengrab',
  'pictures',
  'picture',
  'wire',
  'media',
  'news',
  'library',
]);

/** Agencies and sources that appear as the credit's last part in "(Name/AGENCY)". */
const AGENCIES = new Set([
  'ap',
  'afp',
  'pa',
  'epa',
  'aap',
  'reuters',
  'getty',
  'getty images',
  'bloomberg',
  'nzme',
  'nz herald',
  'rnz',
  'stuff',
  'supplied',
  'file',
  'shutterstock',
  'istock',
  'alamy',
  'xinhua',
  'kyodo',
  'dpa',
  'anp',
  'sipa',
  'anadolu',
  'nurphoto',
  'zuma',
  'zuma press',
  'rex',
  'rex features',
  'newspix',
  'photosport',
  'wikimedia commons',
  'handout',
  'pool',
  'ap photo',
  'pa wire',
  'pa images',
  'pa media',
  'associated press',
  'press association',
  'the guardian',
  'bbc',
  'facebook',
  'instagram',
  'twitter',
  'x',
  'youtube',
  'tiktok',
  'unsplash',
  'pexels',
  'afp via getty images',
  'epa-efe',
  'abaca',
  'splash news',
  'backgrid',
  'the times',
  'news corp',
  'the new york times',
  'nyt',
  'washington post',
  'ansa',
  'efe',
]);

/** Credits that only ever name a picture source, so "(Getty Images)" alone is a credit; "(AP)" is not. */
const PHOTO_ONLY_SOURCE =
  /\b(?:getty(?:\s+images)?|shutterstock|istock(?:photo)?|alamy|supplied|handout|ap\s+photo|pa\s+(?:wire|images)|rex\s+features|newspix|photosport|unsplash|pexels|file\s+photo)\b/iu;

/**
 * Reads a caption and credit from one paragraph (its lines joined with "\n"); null when the
 * paragraph does not end with a photo credit or is too long to be a caption.
 */
export function detectCaptionCredit(paragraph: string): CaptionCredit | null {
  // Longer than any caption with its credit: prose (and no regex work on huge paragraphs).
  if (paragraph.length > MAX_CAPTION_CHARS + MAX_CREDIT_CHARS + 50) return null;
  const lines = paragraph
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 0) return null;

  // BBC pages copy as "Image source, Getty Images" then "Image caption, Prince Harry …".
  const source = /^image\s+source,\s*(.+)$/iu.exec(lines[0]!);
  const captionAt = source ? 1 : 0;
  const bbcCaption = lines[captionAt] ? /^image\s+caption,\s*(.+)$/iu.exec(lines[captionAt]!) : null;
  if (bbcCaption && (!source || isCreditText(source[1]!))) {
    const caption = [bbcCaption[1]!, ...lines.slice(captionAt + 1)].join(' ').trim();
    if (isCaptionLike(caption)) return { caption, credit: source ? source[1]!.trim() : '' };
  }

  const last = lines[lines.length - 1]!;
  const before = lines.slice(0, -1);

  // The credit on a line of its own: "Photo / Supplied", "(Image: Reuters)".
  const own = creditLine(last);
  if (own !== null) {
    const caption = before.join(' ');
    if (caption !== '' && !isCaptionLike(caption)) return null;
    return { caption, credit: own };
  }

  // The credit at the end of the caption's last line.
  const tail = creditTail(last);
  if (!tail) return null;
  const caption = [...before, tail.caption].join(' ').trim();
  if (caption === '' || !isCaptionLike(caption)) return null;
  return { caption, credit: tail.credit };
}

/** The credit when the whole line is one ("Photo / Supplied", "(Anthony Devlin/PA)"); else null. */
export function creditLine(line: string): string | null {
  const text = line.trim();
  const labelled = LABELLED_LINE.exec(text);
  if (labelled) {
    const credit = labelled[1]!.trim();
    return isCreditText(credit) ? credit : null;
  }
  const bracketed = /^\(([^()]{2,120})\)$/u.exec(text);
  if (bracketed) return bracketedCredit(bracketed[1]!);
  return slashCredit(text);
}

/**
 * "ROBERT KITCHIN/STUFF", "Ricky Wilson/Stuff": a name and an agency with no label or
 * brackets — only when in capitals (a common house style) or the agency is a known one.
 */
function slashCredit(text: string): string | null {
  if (!text.includes('/') || !isCreditText(text)) return null;
  const parts = text.split('/').map((p) => p.trim());
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) return null;
  if (!parts.every((p) => isAgency(p) || isPersonName(p))) return null;
  const capitals = text === text.toUpperCase() && parts.some(isPersonName);
  const known = parts.some((p) => AGENCIES.has(p.toLowerCase()) || PHOTO_ONLY_SOURCE.test(p));
  return capitals || known ? text : null;
}

/** A short caption: no more than a few sentences, not a list item, not a tweet attribution. */
export function isCaptionLike(text: string): boolean {
  const caption = text.trim();
  if (caption === '' || caption.length > MAX_CAPTION_CHARS) return false;
  if (caption.split('\n').length > 4) return false;
  if (/^(?:[•●◦○▪■‣⁃·*\-–]|\d{1,3}[.)])\s/u.test(caption)) return false;
  if (/\(\s*@[A-Za-z0-9_]{1,15}\s*\)/.test(caption)) return false;
  if (/:$/.test(caption)) return false;
  const sentences = caption.split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?\p{Lu})/u).filter((s) => s.trim() !== '');
  return sentences.length <= MAX_CAPTION_SENTENCES;
}

/**
 * Stricter than `isCaptionLike`, for a paragraph followed by a credit standing alone after
 * a blank line: that paragraph may just as well be prose before an uncaptioned photo, so it
 * counts as the caption only if it reads like one — short, no quotes, no "said".
 */
export function isLikelyCaption(text: string): boolean {
  const caption = text.trim();
  return isCaptionLike(caption) && caption.length <= 300 && !/["“”]|\b(?:said|says|told|according to)\b/iu.test(caption);
}

function creditTail(line: string): CaptionCredit | null {
  const labelled = LABELLED_TAIL.exec(line);
  if (labelled) {
    const before = labelled[1]!;
    const credit = labelled[3]!.trim();
    const labelStart = before.length + labelled[2]!.length;
    const label = line.slice(labelStart);
    // "Photo / X" with a capital P is distinctive enough to follow anything; other labels
    // ("Photo: X", "Picture: X") must follow the end of a sentence or a separator, so
    // "she posted a Photo: …" in the middle of a sentence is not a credit.
    const afterSentence = /[.!?"”’)\]…]$/u.test(before.trimEnd());
    const afterSeparator = /\s[|–—-]$/u.test(before.trimEnd());
    const slashPhoto = /^Photos?\s*\//u.test(label);
    if ((afterSentence || afterSeparator || slashPhoto) && isCreditText(credit)) {
      const caption = before.replace(/\s*[|–—-]$/u, '').trim();
      return { caption, credit };
    }
  }
  const bracketed = BRACKETED_TAIL.exec(line);
  if (bracketed) {
    const credit = bracketedCredit(bracketed[2]!);
    if (credit !== null) return { caption: bracketed[1]!.trim(), credit };
  }
  // "… speaks to media on Monday. ROBERT KITCHIN/STUFF"
  const slash = /^(.*[.!?"”’)])\s+([^.!?()/]{2,60}\/[^.!?()]{2,60})$/u.exec(line);
  if (slash) {
    const credit = slashCredit(slash[2]!);
    if (credit !== null) return { caption: slash[1]!.trim(), credit };
  }
  return null;
}

/** The credit inside brackets: labelled ("Image: Reuters"), "Name/AGENCY", or a photo-only source. */
function bracketedCredit(inside: string): string | null {
  const text = inside.trim();
  const labelled = LABEL_INSIDE.exec(text);
  if (labelled) {
    const credit = labelled[1]!.trim();
    return isCreditText(credit) ? credit : null;
  }
  if (!isCreditText(text)) return null;
  const parts = text.split('/').map((p) => p.trim());
  if (parts.length >= 2 && parts.length <= 3 && parts.every((p) => p !== '')) {
    // "Anthony Devlin/PA", "AP Photo/Evan Vucci", "Getty Images/AFP": an agency and names.
    if (parts.some(isAgency) && parts.every((p) => isAgency(p) || isPersonName(p))) return text;
    return null;
  }
  // "(Getty Images)", "(AFP via Getty Images)"; never a bare wire tag like "(AP)".
  return PHOTO_ONLY_SOURCE.test(text) ? text : null;
}

function isAgency(part: string): boolean {
  const p = part.trim();
  return AGENCIES.has(p.toLowerCase()) || /^\p{Lu}{2,6}$/u.test(p) || PHOTO_ONLY_SOURCE.test(p);
}

/** Two to four capitalised words: "Anthony Devlin", "Mary-Jane O'Neill". */
function isPersonName(part: string): boolean {
  const words = part.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  return words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w) || CREDIT_LOWER_WORDS.has(w));
}

/** A credit: short, no sentences, made of proper nouns and a few known lower-case words. */
export function isCreditText(credit: string): boolean {
  const text = credit.trim();
  if (text === '' || text.length > MAX_CREDIT_CHARS) return false;
  if (/[?!;]/.test(text) || /[.,]\s+\p{Ll}/u.test(text) || /[.!?]\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(text)) return false;
  if (/\(\s*@/.test(text) || /https?:\/\//i.test(text)) return false;
  // A credit ends in a word ("Supplied", "Getty Images", "N.Z."), not stray punctuation.
  if (/\s[^\p{L}\p{N}@#&]+$/u.test(text)) return false;
  if (!/[\p{L}\p{N}.)'’"”]$/u.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length > MAX_CREDIT_WORDS) return false;
  let letters = false;
  for (const raw of text.split(/[\s/,&+|]+/)) {
    const word = raw.replace(/^["“‘'(\[]+|["”’')\].:]+$/gu, '');
    if (word === '' || /^[-–—]$/.test(word)) continue;
    if (/\p{L}/u.test(word)) letters = true;
    if (/^[\p{Lu}\p{N}@#]/u.test(word)) continue;
    if (CREDIT_LOWER_WORDS.has(word.toLowerCase())) continue;
    // Lower-case brand names that are sources: "iStock", "nzherald.co.nz"
    if (/^i\p{Lu}/u.test(word) || /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(word)) continue;
    return false;
  }
  return letters;
}
