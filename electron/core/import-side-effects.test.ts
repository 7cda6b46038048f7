/// <reference types="vite/client" />
import { describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';

// Any database opened while modules load would show here.
vi.mock('better-sqlite3', () => ({ default: vi.fn() }));

describe('importing a module builds nothing', () => {
  it('loads every module of electron/core without opening a database (services are built only by the composition root)', async () => {
    // Worker entry points run as threads, not as imports.
    const modules = import.meta.glob(['./**/*.ts', '!./**/*.test.ts', '!./**/*-worker.ts']);
    expect(Object.keys(modules).length).toBeGreaterThan(40);
    for (const load of Object.values(modules)) await load();
    expect(Database).not.toHaveBeenCalled();
  });
});
