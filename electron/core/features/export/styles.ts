import type { FontRole } from './fonts';
import { CHARS_PER_LINE, LINE_PITCH, SIZE } from './geometry';
import type { Block, Run } from './model';
import { titleLines } from './title-breaks';

/** 2号 characters on a line of the text block (20 of 22 pt in the 28 × 16 pt measure) */
export const TITLE_CHARS = Math.floor((CHARS_PER_LINE * SIZE.body) / SIZE.title);
/** characters of a contents entry line: the line less its indent (two) and the page number column (three) */
export const TOC_CHARS = CHARS_PER_LINE - 3 - 2;

/** How one paragraph is set; indents are in characters of the paragraph's size (the grid unit of both renderers). */
export interface ParaStyle {
  font: FontRole;
  size: number;
  align: 'left' | 'center' | 'right' | 'justify';
  /** first-line indent, characters from the left edge */
  firstIndent: number;
  /** indent of the following lines (hanging attachment names) */
  restIndent: number;
  rightIndent: number;
  /** grid lines one line of this paragraph takes */
  lines: number;
  keepWithNext: boolean;
  color: 'black' | 'red';
}

export interface Para {
  runs: Run[];
  style: ParaStyle;
}

/** 3号 body text, left-aligned, no indents: the base every other style starts from. */
export const plainStyle: ParaStyle = {
  font: 'body',
  size: SIZE.body,
  align: 'left',
  firstIndent: 0,
  restIndent: 0,
  rightIndent: 0,
  lines: 1,
  keepWithNext: false,
  color: 'black',
};

const base: ParaStyle = {
  font: 'body',
  size: SIZE.body,
  align: 'justify',
  firstIndent: 2,
  restIndent: 0,
  rightIndent: 0,
  lines: 1,
  keepWithNext: false,
  color: 'black',
};

/** Width of text in characters (full-width = 1, ASCII = ½), for indents that both renderers must agree on. */
export function charWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

/**
 * The paragraphs a text block is set as, per GB/T 9704: title 2号 小标宋 centred, 一、 黑体, （一） 楷体,
 * 1. and （1） 仿宋, date right with four characters' space, issuer centred over it. Null for non-text blocks.
 */
export function paragraphsOf(block: Block): Para[] | null {
  switch (block.type) {
    case 'title':
      return [{ runs: [{ text: titleLines(block.text, TITLE_CHARS).join('\n') }], style: { ...base, font: 'title', size: SIZE.title, align: 'center', firstIndent: 0, keepWithNext: true } }];
    case 'docNumber':
      return [{ runs: [{ text: block.text }], style: { ...base, align: 'center', firstIndent: 0, keepWithNext: true } }];
    case 'registration':
      return [{ runs: [{ text: block.text }], style: { ...base, align: 'left', firstIndent: 0, keepWithNext: true } }];
    case 'addressee':
      return [{ runs: [{ text: block.text }], style: { ...base, firstIndent: 0, keepWithNext: true } }];
    case 'paragraph': {
      const keep = block.level === 1 || block.level === 2;
      const whole = block.runs.length === 1 && keep;
      const font: FontRole = whole ? (block.level === 1 ? 'hei' : 'kai') : 'body';
      return [{ runs: block.runs, style: { ...base, font, keepWithNext: keep && whole } }];
    }
    case 'chapter':
      return [{ runs: [{ text: block.text }], style: { ...base, font: 'hei', align: 'center', firstIndent: 0, keepWithNext: true } }];
    case 'attachmentMark':
      return [{ runs: [{ text: block.text }], style: { ...base, font: 'hei', align: 'left', firstIndent: 0, keepWithNext: true } }];
    case 'attachments': {
      const numbered = block.items.length > 1;
      return block.items.map((item, i) => {
        const label = numbered ? `${i + 1}．` : '';
        const text = (i === 0 ? '附件：' : '') + label + item;
        const hang = 2 + 3 + charWidth(label);
        return { runs: [{ text }], style: { ...base, firstIndent: i === 0 ? 2 : 5, restIndent: hang } };
      });
    }
    case 'signature': {
      const dateW = block.date ? charWidth(block.date) : 0;
      const paras: Para[] = block.issuers.map((issuer) => {
        const right = block.date ? Math.max(0, 4 + (dateW - charWidth(issuer)) / 2) : 4;
        return { runs: [{ text: issuer }], style: { ...base, align: 'right', firstIndent: 0, rightIndent: right } };
      });
      if (block.date) paras.push({ runs: [{ text: block.date }], style: { ...base, align: 'right', firstIndent: 0, rightIndent: 4 } });
      return paras;
    }
    case 'note':
      return [{ runs: [{ text: block.text }], style: { ...base, align: 'left' } }];
    case 'display':
      return [
        {
          runs: [{ text: block.text }],
          style: {
            ...base,
            font: block.font,
            size: block.size,
            align: block.align,
            firstIndent: 0,
            lines: block.lines ?? Math.max(1, Math.ceil((block.size * 1.25) / LINE_PITCH)),
            color: block.color ?? 'black',
          },
        },
      ];
    default:
      return null;
  }
}
