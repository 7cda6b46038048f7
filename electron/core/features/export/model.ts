import type { FontRole } from './fonts';

/**
 * The layout model of official text (GB/T 9704). Builders turn stored documents, gazette issues and cleanup lists
 * into it; the DOCX and PDF renderers read only this, through the shared styles in `styles.ts`.
 */

/** A stretch of text in one face (e.g. the run-in heading 「（一）总体要求。」 before body text). */
export interface Run {
  text: string;
  font?: FontRole;
}

/** Marks a block as a target of the table of contents and of the PDF outline. */
export interface Target {
  anchor?: string;
  outline?: { title: string; level: number };
}

export type Block = Target &
  (
    | { type: 'title'; text: string }
    | { type: 'docNumber'; text: string }
    | { type: 'registration'; text: string }
    | { type: 'addressee'; text: string }
    /** level 0 = body text; 1 一、 2 （一） 3 1. 4 （1）; runs carry the heading face where it differs */
    | { type: 'paragraph'; runs: Run[]; level: 0 | 1 | 2 | 3 | 4 }
    /** 第一章 总则 and similar centred headings inside an attached 办法 */
    | { type: 'chapter'; text: string }
    /** 附件：1．… 2．… */
    | { type: 'attachments'; items: string[] }
    /** the 附件 / 附件1 mark at the top of an attachment */
    | { type: 'attachmentMark'; text: string }
    /** issuer lines centred over the date, date right with four characters' space */
    | { type: 'signature'; issuers: string[]; date: string | null }
    /** （此件公开发布） and similar */
    | { type: 'note'; text: string }
    /** subheaders: header rows under the column names (a two-level header), repeated with them on each page */
    | { type: 'table'; columns: TableColumn[]; rows: string[][]; subheaders?: string[][] }
    | { type: 'toc'; heading: string; entries: TocItem[] }
    /** free lines for covers and masthead pages */
    | { type: 'display'; text: string; font: FontRole; size: number; align: 'left' | 'center' | 'right'; color?: 'red' | 'black'; lines?: number }
    /** a full-width rule (the red line under a gazette masthead title) */
    | { type: 'rule'; color: 'red' | 'black' }
    | { type: 'blank'; lines: number }
    | { type: 'pageBreak' }
  );

export interface TableColumn {
  header: string;
  /** relative width */
  width: number;
  align: 'left' | 'center';
}

export type TocItem = { kind: 'section'; text: string } | { kind: 'entry'; title: string; anchor: string };

/** A run of pages sharing their furniture (cover without page number, contents, body with numbers). */
export interface Section {
  /** running header text above the text block, or null */
  header: string | null;
  pageNumbers: boolean;
  /** page numbering starts again at 1 with this section */
  restartNumbering: boolean;
  /** starts on a right-hand (odd) page, after a blank page if need be */
  oddStart?: boolean;
  blocks: Block[];
}

export interface OfficialText {
  /** file name without extension */
  fileName: string;
  /** custom: named fields an OFD carries in its CustomDatas (发文机关, 文号, dates), in this order */
  meta: { title: string; author: string; subject: string; keywords: string[]; custom?: Array<[string, string]> };
  sections: Section[];
  /** problems found while building (shown in the export dialog) */
  warnings: string[];
}

/** An exported file: its name, type, bytes, page count (null for DOCX, which Word paginates) and warnings. */
export interface RenderedFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  pages: number | null;
  warnings: string[];
}
