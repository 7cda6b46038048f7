import { beforeAll, describe, expect, it } from 'vitest';
import { checkKeys, loadFixtures } from '../../scripts/check-real-keys';
import { FIELDS, formatMismatches, formatTable, type ScoreResult, scoreAll, THRESHOLD } from '../../scripts/score-parse';

/**
 * The real development set (test/fixtures/real): texts from public government pages with hand-written answer
 * keys. The key check must always pass; the score thresholds are the parser's target (`npm run score:parse --
 * --verbose` lists what is still wrong).
 */

describe('real development set: answer keys', () => {
  it('has at least 45 texts, every one with a key', () => {
    expect(loadFixtures().length).toBeGreaterThanOrEqual(45);
  });

  it('every key string occurs in its text', () => {
    const problems = checkKeys().map((p) => `${p.file} ${p.where} ${p.value}: ${p.problem}`);
    expect(problems).toEqual([]);
  });
});

describe('real development set: parser score', () => {
  let result: ScoreResult;
  beforeAll(() => {
    result = scoreAll();
  });

  it('parseText never throws', () => {
    expect(result.errors).toEqual([]);
  });

  it('no document lists its own 文号 among its citations', () => {
    expect(result.selfCites).toEqual([]);
  });

  it.each(FIELDS)(`%s: precision and recall ≥ ${THRESHOLD}`, (field) => {
    const s = result.fields[field];
    const detail = `${formatTable(result)}\n${formatMismatches({ ...result, mismatches: result.mismatches.filter((m) => m.field === field) })}`;
    expect(s.precision, `${field} precision\n${detail}`).toBeGreaterThanOrEqual(THRESHOLD);
    expect(s.recall, `${field} recall\n${detail}`).toBeGreaterThanOrEqual(THRESHOLD);
  });
});
