/** What each audited action is called in the office's words (the document page's history and the audit view). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'document.create': '收录文件',
  'document.update': '修改文件信息',
  'document.delete': '删除文件',
  'document.trash': '移入回收站',
  'document.restore': '从回收站恢复',
  'document.purge': '从回收站永久删除',
  'document.dates-derived': '依公报出版日期确定施行日期',
  'document.dates-reverted': '撤销依公报出版日期确定的施行日期',
  'document.declared-invalid': '清理结果宣布失效',
  'document.declared-invalid-reverted': '撤回清理结果的宣布失效',
  'document.receive': '从数据包收录或更新',
  'relation.create': '记录文件关系',
  'relation.delete': '删除文件关系',
  'relation.resolve': '引用的文件已收录，自动关联',
  'relation.unresolve': '关联的文件被删除，改为未收录',
  'relation.apply': '清理结果建立文件关系',
  'relation.withdraw': '撤回清理结果建立的文件关系',
  'relation.trash': '关联的文件移入回收站，关系随之移出',
  'relation.restore': '关联的文件从回收站恢复，关系随之恢复',
  'gazette.create': '收录公报',
  'gazette.define': '新建公报刊物',
  'gazette.settings': '修改公报刊物设置',
  'gazette.update': '修改公报期次',
  'gazette.add': '公报期次收入文件',
  'gazette.remove': '公报期次移出文件',
  'gazette.move': '调整文件在公报中的位置',
  'gazette.reorder': '调整公报中的文件顺序',
  'gazette.publish': '公报期次定稿发布',
  'gazette.reopen': '公报期次重新打开',
  'gazette.trash': '公报期次移入回收站',
  'gazette.restore': '公报期次从回收站恢复',
  'gazette.purge': '公报期次永久删除',
  'gazette.receive': '从数据包收录公报期次',
  'campaign.create': '新建清理项目',
  'campaign.decide': '作出清理决定',
  'campaign.opinion': '提出审核意见',
  'campaign.amendment': '关联修改文件',
  'campaign.publish': '公布清理结果',
  'campaign.revert': '撤回清理结果',
  'campaign.import': '导入清理结果',
  'campaign.reasons': '修改清理理由选项',
  'campaign.scope.add': '清理范围加入文件',
  'campaign.scope.remove': '清理范围移出文件',
  'campaign.receive': '从数据包收录清理项目',
  'office.update': '修改本机关信息与备案规则',
  'office.key': '生成本机关签名密钥',
  'package.export': '导出数据包',
  'package.import': '导入数据包',
  'filing.material': '添加备案材料',
  'filing.material-remove': '移除备案材料',
  'filing.send': '报送备案',
  'filing.answer': '收到备案审查答复',
  'filing.receive': '收到报备文件',
  'filing.register': '予以备案登记',
  'filing.correction': '要求限期补正',
  'filing.refuse': '不予备案',
  'filing.notes': '填写审查记录',
  'filing.decide': '作出审查结论',
  'filing.reply': '发出备案审查答复',
  'user.create': '创建用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.reset-password': '重设密码',
  'user.change-password': '修改本人密码',
  'session.login': '登录',
  'session.logout': '退出登录',
  'session.login-failed': '登录失败',
  'session.unlock': '解除登录锁定',
};

/** An audited action's Chinese name; one this version does not know (a newer app's) is 其他操作, never its code. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? '其他操作';
}

/**
 * Why a workflow (not a person's own edit) changed a document's 施行日期, 有效期至, status or relations: the
 * gazette issue, cleanup campaign, notice or deleted document that caused it. Kept in the audit row's `after`
 * (or `before` for a removal) as `cause`, so the history names it.
 */
export interface AuditCause {
  kind: 'gazette' | 'campaign' | 'notice' | 'trash';
  id: string;
  /** what a clerk recognises: 《招远市人民政府公报》2026年第1期, 清理项目“2026年规范性文件清理”, … */
  label: string;
  /** a re-opening's reason, say */
  reason?: string;
}

const CAUSE_KINDS: Record<AuditCause['kind'], string> = { gazette: '公报', campaign: '清理项目', notice: '通知', trash: '回收站' };

/** The cause of a logged change as one line (原因：公报 …), or null when the row names none. */
export function auditCauseLine(row: { before?: unknown; after?: unknown }): string | null {
  const pick = (v: unknown) => (v && typeof v === 'object' && 'cause' in v ? (v as { cause?: AuditCause }).cause : undefined);
  const c = pick(row.after) ?? pick(row.before);
  if (!c || typeof c !== 'object' || !c.label) return null;
  return `原因：${CAUSE_KINDS[c.kind] ?? ''}${c.label}${c.reason ? `（${c.reason}）` : ''}`;
}
