// Text helpers the client and the server share: the PDF exports' font-safe wrapping and the analyses' names.
export { ANALYSIS_TITLES } from './analysis-titles.ts';
export { fileSlug, sanitiseForFont, wrapText } from './pdf-text.ts';
