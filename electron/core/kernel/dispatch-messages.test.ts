import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, localCaller, type Handlers } from '../../../shared/contract';
import { FIELD_LABELS } from '../../../shared/contract/issues';
import { createDispatch } from './dispatch';

// Handlers that must never run: every request below is malformed.
const handlers = new Proxy({}, { get: () => async () => { throw new Error('handler reached'); } }) as Handlers;
const dispatch = createDispatch(handlers, { info: () => {}, error: () => {} });
const caller = localCaller('测试', 'cli');

/** English a person must never see: schema words from zod's default messages and type names. */
const ENGLISH = /\b(invalid|expected|received|input|string|number|boolean|object|array|undefined|null|required|option|keys?|nan)\b/i;
const CJK = /[\u3400-\u9fff]/;

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; in?: z.ZodType; options?: z.ZodType[] };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional/nullable/default/pipe wrappers. */
function unwrap(s: z.ZodType): z.ZodType {
  const d = defOf(s);
  if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type)) return unwrap(d.innerType!);
  if (d.type === 'pipe') return unwrap(d.in!);
  return s;
}

/** A value of the wrong type for a schema, or undefined when it accepts anything. */
function wrongValue(s: z.ZodType): unknown {
  switch (defOf(unwrap(s)).type) {
    case 'string':
    case 'enum':
    case 'literal':
      return 12345;
    case 'number':
    case 'int':
      return '十二';
    case 'boolean':
      return '是';
    case 'array':
      return '甲';
    case 'object':
    case 'record':
      return 7;
    case 'union':
      return { 未知: true };
    default:
      return undefined;
  }
}

interface Case {
  channel: string;
  /** the path of the field made wrong */
  path: string[];
  body: unknown;
}

/** One case per field of every request (nested objects and array items included): that field has the wrong type. */
function fieldCases(channel: string, schema: z.ZodType, path: string[] = [], wrap: (v: unknown) => unknown = (v) => v, depth = 0): Case[] {
  const d = defOf(unwrap(schema));
  if (depth > 3) return [];
  if (d.type === 'array') return fieldCases(channel, d.element!, path, (v) => wrap([v]), depth + 1);
  if (d.type !== 'object') return [];
  return Object.entries(d.shape!).flatMap(([key, field]) => {
    const wrong = wrongValue(field);
    const here: Case[] = wrong === undefined ? [] : [{ channel, path: [...path, key], body: wrap({ [key]: wrong }) }];
    return [...here, ...fieldCases(channel, field, [...path, key], (v) => wrap({ [key]: v }), depth + 1)];
  });
}

const channels = Object.keys(contract) as (keyof typeof contract)[];
const cases = channels.flatMap((c) => fieldCases(c, contract[c].req));

function expectChinese(message: string) {
  expect(message).toMatch(CJK);
  expect(message).not.toMatch(ENGLISH);
}

describe('INVALID_INPUT messages over the whole contract', () => {
  it('every field of every request has a Chinese label', () => {
    const missing = [...new Set(cases.map((c) => c.path[c.path.length - 1]))].filter((k) => !FIELD_LABELS[k]);
    expect(missing).toEqual([]);
    expect(cases.length).toBeGreaterThan(200);
  });

  it.each(channels)('%s: a body that is not an object, and an empty one, are refused in Chinese', async (channel) => {
    const notObject = await dispatch(channel, '一段文字', caller);
    expect(notObject.ok).toBe(false);
    if (!notObject.ok) {
      expect(notObject.error.code).toBe('INVALID_INPUT');
      expectChinese(notObject.error.message);
    }
    const empty = await dispatch(channel, {}, caller);
    // Requests whose every field is optional are valid when empty; the handler stub then fails as INTERNAL.
    if (!empty.ok && empty.error.code === 'INVALID_INPUT') expectChinese(empty.error.message);
  });

  it.each(cases.map((c) => [`${c.channel} ${c.path.join('.')}`, c] as const))('%s: the wrong type is named by its Chinese label', async (_name, c) => {
    const res = await dispatch(c.channel, c.body, caller);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INVALID_INPUT');
    expectChinese(res.error.message);
    expect(res.error.message).toContain(`${FIELD_LABELS[c.path[c.path.length - 1]]}`);
  });

  it('names a nested field by its label and position, and keeps a schema’s own message', async () => {
    const bad = await dispatch('documents:update', { id: 'd1', patch: { title: '', dateSigned: '2022年2月7日' } }, caller);
    expect(bad).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请求参数有误：标题：不能为空；成文日期：日期格式应为 YYYY-MM-DD' } });
    const missing = await dispatch('relations:add', { sourceId: 'd1' }, caller);
    expect(!missing.ok && missing.error.message).toBe('请求参数有误：类型：缺少此项');
    const enumValue = await dispatch('relations:add', { sourceId: 'd1', type: 'destroys', targetId: 'd2' }, caller);
    expect(!enumValue.ok && enumValue.error.message).toBe('请求参数有误：类型：取值不在可选范围内');
  });

  it('an unknown key named like an Object property (constructor, toString) is quoted, never a JavaScript value', async () => {
    const res = await dispatch('app:info', JSON.parse('{"constructor":1,"toString":2,"__proto__":{"x":1}}'), caller);
    expect(!res.ok && res.error.message).toBe('请求参数有误：不认识的项：“constructor”、“toString”、“__proto__”');
  });

  it('a date that is not a calendar day is refused by every channel, not stored (issue:create, cleanup:create)', async () => {
    const issue = await dispatch('issue:create', { gazetteId: 'g1', publishDate: '2022-13-01' }, caller);
    expect(!issue.ok && issue.error.message).toBe('请求参数有误：出版日期：不是有效的日期');
    const cutoff = await dispatch('cleanup:create', { name: '清理', basisDocNumber: '招政发〔2020〕1号', cutoff: '2022-02-30', issuers: [] }, caller);
    expect(!cutoff.ok && cutoff.error.message).toContain('不是有效的日期');
  });
});
