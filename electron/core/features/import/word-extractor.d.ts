// word-extractor ships no types: the part of its API the .doc reader uses.
declare module 'word-extractor' {
  interface Options {
    filterUnicode?: boolean;
    includeFooters?: boolean;
  }
  export interface WordDocument {
    getBody(o?: Options): string;
    getHeaders(o?: Options): string;
    getFooters(o?: Options): string;
    getFootnotes(o?: Options): string;
    getEndnotes(o?: Options): string;
    getTextboxes(o?: Options): string;
  }
  export default class WordExtractor {
    extract(source: Buffer | string): Promise<WordDocument>;
  }
}
