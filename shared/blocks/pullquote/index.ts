export * from './schema';
export { renderPullquote, pullquoteText } from './render';
export { isPullquoteFigure, parsePullquotes, pullquoteFromFigure } from './parse-html';
