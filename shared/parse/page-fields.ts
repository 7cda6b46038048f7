/** A page's 政府信息公开 table, read (page.ts): the fields and the labels a portal prints them under. */

export interface PageMeta {
  title: string | null;
  /** 文号 as printed in the table */
  docNumber: string | null;
  dateSigned: string | null;
  effectiveDate: string | null;
  validUntil: string | null;
  issuer: string | null;
  /** the day the page was posted (`发布时间`, `公开日期`): no 成文日期, but the signing cannot be after it */
  posted: string | null;
  /**
   * the page's own title line (its <title>: `关于…的通知_某某市人民政府门户网站`) without the site's name: the title of a page
   * whose text prints none
   */
  pageTitle: string | null;
}

/** The page field a metadata table's label names (`other`: a field the parser does not read). */
export type Field = keyof PageMeta | 'other';

/** Labels of metadata tables (spaces removed), longest first within a field. */
export const LABELS: [string, Field][] = [
  ['文件名称', 'title'], ['文件标题', 'title'], ['标题', 'title'], ['名称', 'title'], ['题名', 'title'],
  // (a forum thread's `主题: 正在公示!某县拟被命名…` over the post: its subject line, a headline where the post prints no title)
  ['主题', 'title'],
  ['发文字号', 'docNumber'], ['发文文号', 'docNumber'], ['文件编号', 'docNumber'], ['发文号', 'docNumber'], ['文号', 'docNumber'],
  // (a portal's list of fields naming the 文号 `发文序号`, beside `发文单位` and `成文日期`)
  ['发文序号', 'docNumber'],
  ['成文日期', 'dateSigned'], ['发文日期', 'dateSigned'], ['颁布日期', 'dateSigned'], ['印发日期', 'dateSigned'],
  ['签发日期', 'dateSigned'], ['发文时间', 'dateSigned'],
  // (`成文时间 2007-08-24 发布日期 2007-08-27 文号 …`: a portal's row of labels between spaces, without colons)
  ['成文时间', 'dateSigned'],
  ['生效时间', 'effectiveDate'], ['生效日期', 'effectiveDate'], ['实施日期', 'effectiveDate'], ['施行日期', 'effectiveDate'],
  // (a law page's `执行日期:2008-4-25` beside `发布日期` and `生效日期`: the day it takes effect)
  ['执行日期', 'effectiveDate'],
  ['废止时间', 'validUntil'], ['废止日期', 'validUntil'], ['失效时间', 'validUntil'], ['失效日期', 'validUntil'],
  // (湖南's portals: the end of a 规范性文件's period, `信息时效期: 2023-04-30` beside `本令有效期…至2023年4月30日`)
  ['信息时效期', 'validUntil'],
  ['发布文号', 'docNumber'], ['公布日期', 'dateSigned'], ['制定机关', 'issuer'], ['发布机关', 'issuer'],
  ['发文机关', 'issuer'], ['发文机构', 'issuer'], ['颁布单位', 'issuer'], ['制发机关', 'issuer'], ['发文单位', 'issuer'],
  ['发布单位', 'issuer'], ['发布机构', 'issuer'], ['索引号', 'other'], ['主题分类', 'other'], ['组配分类', 'other'], ['信息分类', 'other'],
  ['公文时效', 'other'], ['有效性', 'other'], ['时效性', 'other'], ['发布日期', 'posted'], ['发布时间', 'posted'],
  ['公开日期', 'posted'], ['上载日期', 'posted'], ['生成日期', 'other'], ['信息来源', 'other'], ['来源', 'other'],
  ['文件登记号', 'other'], ['登记号', 'other'],
  ['关键词', 'other'], ['主题词', 'other'], ['内容概述', 'other'], ['浏览次数', 'other'], ['公开目录', 'other'],
  ['公文目录', 'other'], ['公开责任部门', 'other'], ['责任部门', 'other'], ['公开形式', 'other'], ['公开方式', 'other'], ['政策解读', 'other'],
  ['分类', 'other'], ['体裁分类', 'other'], ['归档时间', 'other'], ['所属机构', 'issuer'], ['颁发部门', 'issuer'], ['颁布部门', 'issuer'], ['发布部门', 'issuer'], ['制定部门', 'issuer'], ['效力级别', 'other'],
  ['题注', 'other'],
  // (`概述 某府发〔2025〕1号 各旗区人民政府,…: ...`: a summary repeating the document's first lines, salutation included)
  ['概述', 'other'],
];

/** Every label, longest first (a regex alternation: `发文字号` before `文号`). */
export const LABEL_SRC = [...LABELS].sort((a, b) => b[0].length - a[0].length).map(([l]) => l).join('|');
