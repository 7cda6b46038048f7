import { z } from 'zod';
import { DOCUMENT_FIELD_LABELS } from '../domain/document';

/**
 * Chinese names of the fields requests carry, for refusals a person reads ("成文日期：日期格式应为 YYYY-MM-DD").
 * Every key of every contract request has one (a test walks the contract).
 */
export const FIELD_LABELS: Record<string, string> = {
  ...DOCUMENT_FIELD_LABELS,
  abolishes: '废止的文件',
  amends: '修改的文件',
  replaces: '替代的文件',
  cites: '引用的文件',
  action: '操作',
  address: '地址',
  addressee: '主送机关',
  amendingId: '修改文件',
  asOf: '状态日期',
  at: '拆分位置（行）',
  line: '行号',
  corrected: '改正后的文字',
  ocr: 'OCR 识别',
  backupRetentionDays: '备份保留天数',
  basisDocNumber: '依据文号',
  basisTitle: '依据文件标题',
  campaignId: '清理项目',
  coverColor: '封面颜色',
  cutoff: '清理截止日期',
  dataBase64: '文件内容',
  date: '日期',
  datePublished: '公布日期',
  decision: '清理决定',
  dir: '排序方向',
  disabled: '停用',
  displayName: '姓名',
  documentId: '文件',
  documentIds: '文件',
  documents: '文件',
  editor: '编辑出版',
  expectedUpdatedAt: '载入时的版本',
  expiryWindowMonths: '即将到期提醒（月）',
  file: '文件',
  files: '文件',
  filters: '筛选条件',
  format: '格式',
  gazette: '公报',
  gazetteId: '公报',
  hasValidity: '是否规定有效期',
  id: '编号',
  inForceFirst: '现行有效优先',
  index: '序号',
  input: '清理结果清单',
  issueNumber: '期号',
  issueUnit: '出版单位',
  issuer: '发文机关',
  items: '条目',
  kind: '文种',
  letterhead: '红头',
  limit: '条数上限',
  masthead: '刊头',
  name: '名称',
  newPassword: '新密码',
  normative: '规范性',
  normativeOnly: '仅规范性文件',
  note: '备注',
  numberingStyle: '编号方式',
  offset: '起始位置',
  oldPassword: '原密码',
  opinion: '意见',
  order: '顺序',
  organizer: '组织清理的机关',
  overwrite: '覆盖',
  page: '页码',
  password: '密码',
  patch: '修改内容',
  phone: '电话',
  position: '位置',
  postcode: '邮编',
  registrationPattern: '登记号格式',
  publishDate: '出版日期',
  q: '筛选词',
  reason: '理由',
  reasons: '理由',
  role: '角色',
  scope: '清理范围',
  section: '栏目',
  sections: '栏目',
  since: '起始日期',
  sort: '排序',
  sourceId: '文件',
  sponsor: '主办',
  stagedId: '暂存文件',
  status: '状态',
  statuses: '状态',
  targetDocNumber: '目标文号',
  targetId: '目标文件',
  targetTitle: '目标文件标题',
  text: '检索词',
  to: '目标位置或截止日期',
  toc: '目录',
  totalNumber: '总期号',
  type: '类型',
  until: '截止日期',
  user: '用户',
  validityRules: '有效期规则',
  province: '省份',
  basis: '依据',
  places: '所属地名',
  minYears: '有效期最短年限',
  maxYears: '有效期最长年限',
  minYearsTemporary: '暂行、试行最短年限',
  maxYearsTemporary: '暂行、试行最长年限',
  validFrom: '有效期起',
  validTo: '有效期止',
  withBody: '含正文',
  year: '年份',
  filingRule: '备案期限规则',
  facets: '分类统计',
  reviewDays: '审查期限（天）',
  filingReceiver: '备案机关',
  selection: '导出范围',
  fileName: '文件名',
  choices: '各文件的冲突处理',
  resolve: '冲突处理方式',
  show: '显示范围',
  from: '起始日期',
  state: '状态',
  due: '补正期限',
  problems: '问题',
  suggestions: '建议',
  sender: '报送机关',
  quarter: '季度',
  issueId: '公报期次',
};

/** Keys that only wrap other fields: "标题" reads better than "修改内容的标题". */
const WRAPPERS = new Set(['patch', 'filters']);

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否',
  array: '列表',
  object: '一组字段',
  date: '日期',
  null: '空值',
};

const CJK = /[\u3400-\u9fff]/;

/** A key's Chinese label, or the key quoted: own labels only, so `constructor` or `__proto__` never print a JavaScript value. */
const labelOf = (key: string): string => (Object.hasOwn(FIELD_LABELS, key) ? FIELD_LABELS[key] : `“${key}”`);
const MISSING = '缺少此项';

/** Where in a request an issue is: "文件（第2项）的标题"; empty for the request as a whole. */
export function fieldName(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (parts.length) parts[parts.length - 1] += `（第${seg + 1}项）`;
      else parts.push(`第${seg + 1}项`);
    } else if (!WRAPPERS.has(String(seg)) || seg === path[path.length - 1]) {
      parts.push(labelOf(String(seg)));
    }
  }
  return parts.join('的');
}

type RawIssue = z.core.$ZodRawIssue;

function sizeMessage(issue: RawIssue & { origin?: string }, big: boolean): string {
  const limit = Number(big ? (issue as { maximum?: unknown }).maximum : (issue as { minimum?: unknown }).minimum);
  const inclusive = (issue as { inclusive?: boolean }).inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (!big && limit <= 1) return '不能为空';
      return big ? `不能超过 ${limit} 个字` : `至少 ${limit} 个字`;
    case 'array':
    case 'set':
      if (!big && limit <= 1) return '至少要有一项';
      return big ? `不能超过 ${limit} 项` : `至少要有 ${limit} 项`;
    default:
      if (big) return inclusive ? `不能大于 ${limit}` : `应小于 ${limit}`;
      return inclusive ? `不能小于 ${limit}` : `应大于 ${limit}`;
  }
}

/**
 * The Chinese message of one validation issue, without the field (the field is named by `describeIssues`). Used as
 * zod's global error map: a message a schema gives itself (e.g. "日期格式应为 YYYY-MM-DD") still takes precedence.
 */
export function issueMessage(issue: RawIssue): string {
  if (issue.input === undefined && ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code ?? '')) return MISSING;
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_NAMES[issue.expected] ?? '其他类型'}`;
    case 'too_small':
      return sizeMessage(issue, false);
    case 'too_big':
      return sizeMessage(issue, true);
    case 'invalid_format':
      return '格式不正确';
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    case 'unrecognized_keys':
      return `不认识的项：${issue.keys.map(labelOf).join('、')}`;
    case 'invalid_value': {
      const values = issue.values.map(String);
      return values.every((v) => CJK.test(v)) ? `应为以下之一：${values.join('、')}` : '取值不在可选范围内';
    }
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return '取值无效';
    default:
      return '取值无效';
  }
}

/**
 * Turns zod issues into one Chinese line naming each offending field: "标题：不能为空；成文日期：格式不正确". Values
 * that were given but are wrong come before fields left out: they are what the person just did.
 */
export function describeIssues(error: z.ZodError): string {
  const given = error.issues.filter((i) => i.message !== MISSING);
  return [...given, ...error.issues.filter((i) => i.message === MISSING)]
    .slice(0, 5)
    .map((i) => {
      const message = CJK.test(i.message) ? i.message : '取值无效';
      const field = fieldName(i.path);
      return field ? `${field}：${message}` : message;
    })
    .join('；');
}

// Every schema in the contract is checked with these messages, wherever it is parsed (service, CLI, renderer).
z.config({ customError: issueMessage });
