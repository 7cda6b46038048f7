import type { Settings } from '../../../../shared/contract/system';
import { Settings as SettingsSchema } from '../../../../shared/contract/system';
import { SHANDONG_VALIDITY_RULE } from '../../../../shared/domain/validity';
import type { Db } from '../../db/open';

export const DEFAULT_SETTINGS: Settings = {
  expiryWindowMonths: 6,
  inForceFirst: true,
  registrationPattern: '[A-Z]{2,6}-\\d{4}-\\d{1,8}',
  masthead: { sponsor: '', editor: '', address: '', phone: '', postcode: '' },
  backupRetentionDays: 30,
  validityRules: [SHANDONG_VALIDITY_RULE],
};

/** Settings stored as one JSON value per key, defaults for what was never set. */
export function createSettingsService(db: Db) {
  const all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  let cache: Settings | null = null;

  function get(): Settings {
    if (cache) return cache;
    const stored: Record<string, unknown> = {};
    for (const row of all.all()) stored[row.key] = JSON.parse(row.value);
    const merged = { ...DEFAULT_SETTINGS, ...stored };
    const parsed = SettingsSchema.safeParse(merged);
    cache = parsed.success ? parsed.data : DEFAULT_SETTINGS;
    return cache;
  }

  return {
    /** Current settings with defaults filled in. */
    get,
    /** Stores the given keys; returns all settings. */
    update(patch: Partial<Settings>): Settings {
      const next = SettingsSchema.parse({ ...get(), ...patch });
      db.transaction(() => {
        for (const [key, value] of Object.entries(patch)) upsert.run(key, JSON.stringify(value));
      })();
      cache = next;
      return next;
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
