import type { EditorThemeClasses } from 'lexical';

/** Editor-only classes; exported HTML never carries them (the shared renderer writes its own). */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'ed-p',
  quote: 'ed-quote',
  heading: { h1: 'ed-h2', h2: 'ed-h2', h3: 'ed-h3', h4: 'ed-h3', h5: 'ed-h3', h6: 'ed-h3' },
  list: {
    ul: 'ed-ul',
    ol: 'ed-ol',
    listitem: 'ed-li',
    nested: { listitem: 'ed-li-nested' },
  },
  link: 'ed-link',
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    underline: 'ed-underline',
    strikethrough: 'ed-strike',
    underlineStrikethrough: 'ed-underline-strike',
  },
};
