import { addYearsMinusOneDay, cnSmallNumber, findCnDates, PRINTED_DATE } from '../domain/cn-date';

/**
 * 施行 and validity wording the clause reader in domain/validity does not take, as printed on 政府令 and 决定
 * pages and in law-database notes: `…已经…通过，现予公布，自2011年2月1日起施行`, `现予发布施行`,
 * `（…通过 1994年2月1日起施行）`, `自…起施行，2025年12月31日废止`, `试行期二年`, `此通告自发布之日起执行`,
 * `本通告自…发布，…起施行`. Used only for what the clause reader
 * left empty. Pure; linear.
 */

export interface EffectiveExtra {
  effectiveClause: string | null;
  effectiveDate: string | null;
  validityClause: string | null;
  validUntil: string | null;
}

const SIGNED_DAY = /(?:印发|公布|发布|颁布)之日/;
/** `现予公布，自…起施行`: the promulgation formula of a 令, or a notice's `印发给你们，自印发之日起施行`. */
const AFTER_FORMULA = /(现予(?:以)?(?:公布|发布|印发)|印发给你们|现印发)[，,、]?自([^，,。；;]{1,30}?)起(?:施行|实施|执行|生效)/;
const PUBLISHED_IN_FORCE = /现(?:予(?:以)?)?(?:公布|发布)施行/;
const DATE_IN_FORCE = new RegExp(`(?<!自)(${PRINTED_DATE})起(?:施行|实施|生效)`);
const UNTIL_ABOLISHED = /起(?:施行|实施|执行)[，,]([^，,。；;]{6,20}?[日号])(?:起)?(?:自行)?(?:废止|失效)/;
/** A document naming itself at a sentence's start (`此通告`, `该公告`, `本通告`): its own kind, after any numbering. */
const SELF = '^(?:[一二三四五六七八九十\\d]{1,3}[、.．])?(?:此|该|本)(?:通告|公告|通知|命令|令|决定|办法|规定|细则|意见|方案|通报|规则|布告|公示)';
/** `此通告自发布之日起执行`, `本通告自发布之日起实行`: 执行/实行/生效 said like 施行 (the clause reader takes 本/该 with 施行 only). */
const SELF_IN_FORCE = new RegExp(`${SELF}自([^，,。；;]{1,30}?)起(?:施行|实施|执行|实行|生效)`);
/** `本通告自2022年6月1日发布，2022年6月15日起施行`: the day it was published, then the day it takes effect. */
const PUBLISHED_THEN_IN_FORCE = new RegExp(`${SELF}(?:自|于)?[^，,。；;]{4,20}?(?:发布|公布|印发)[，,]([^，,。；;]{6,20}?)起(?:施行|实施|执行|实行|生效)`);
/** `试行期二年`, `试行期限为2年`, also `试行二年`. */
const TRIAL_YEARS = /试行(?:期(?:限)?)?(?:为)?([0-9一二两三四五六七八九十]{1,2})年/;

function dateOf(text: string, dateSigned: string | null): string | null {
  const d = findCnDates(text)[0];
  if (d) return d.iso;
  return SIGNED_DAY.test(text) ? dateSigned : null;
}

/** Effective date and end of validity from the wordings above; nulls where the text has none. */
export function extraValidity(flat: string, dateSigned: string | null, effective: string | null = null): EffectiveExtra {
  const out: EffectiveExtra = { effectiveClause: null, effectiveDate: null, validityClause: null, validUntil: null };
  for (const s of flat.split(/[。；;\n]/)) {
    // every wording below says 起 (PUBLISHED_IN_FORCE: 施行): most sentences of a body say neither, and each pattern
    // would otherwise be tried at every character of them (every imported document passes through here)
    if (!s.includes('起') && !s.includes('施行')) continue;
    if (out.effectiveDate === null) {
      const f = AFTER_FORMULA.exec(s);
      const p = f ? null : PUBLISHED_IN_FORCE.exec(s);
      // `（…会议通过 1994年2月1日起施行）`: a bare date only in a note that says what passed it
      const d0 = f || p ? null : DATE_IN_FORCE.exec(s);
      const d = d0 && /通过/.test(s.slice(0, d0.index)) ? d0 : null;
      const later = f || p || d ? null : PUBLISHED_THEN_IN_FORCE.exec(s);
      const self = f || p || d || later ? null : SELF_IN_FORCE.exec(s);
      if (f) out.effectiveDate = dateOf(f[2], dateSigned);
      else if (p) out.effectiveDate = dateSigned;
      else if (d) out.effectiveDate = findCnDates(d[1])[0]?.iso ?? null;
      else if (later) out.effectiveDate = findCnDates(later[1])[0]?.iso ?? null;
      else if (self) out.effectiveDate = dateOf(self[1], dateSigned);
      const clause = f ? f[0].slice(f[1].length).replace(/^[，,、]/, '') : (p ?? d ?? later ?? self)?.[0].replace(/^[一二三四五六七八九十\d]{1,3}[、.．]/, '');
      if (out.effectiveDate && clause) out.effectiveClause = clause;
    }
    if (out.validUntil === null) {
      const u = UNTIL_ABOLISHED.exec(s);
      const end = u ? findCnDates(u[1])[0]?.iso : null;
      if (u && end) {
        out.validUntil = end;
        out.validityClause = u[0].slice(u[0].search(/[，,]/) + 1);
      }
    }
  }
  if (out.validUntil === null) {
    const t = TRIAL_YEARS.exec(flat);
    const n = t ? cnSmallNumber(t[1]) : null;
    if (t && n) out.validityClause = t[0];
    const start = effective ?? out.effectiveDate ?? dateSigned;
    if (t && n && start) out.validUntil = addYearsMinusOneDay(start, n);
  }
  return out;
}
