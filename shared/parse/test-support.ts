import { expect } from 'vitest';
import type { ParsedDocument } from '../domain/parse-result';
import { parseText } from './index';

/**
 * For the parser's tests: a page's text as a site prints it (names made up), read as the import reads a `.txt` file.
 * Not used by the application.
 */
export function parsePage(text: string): ParsedDocument[] {
  return parseText(text, { file: 'page.txt', encoding: 'utf-8' }).documents;
}

/** The one document of a page; the test fails when the parser reads none or several. */
export function onePage(text: string): ParsedDocument {
  const docs = parsePage(text);
  expect(docs).toHaveLength(1);
  return docs[0];
}
