import type { Handlers } from '../../../../shared/contract';
import type { AppContext } from '../../kernel/context';
import type { SettingsService } from './settings-service';

type SettingsHandlers = Pick<Handlers, 'settings:get' | 'settings:update'>;

/** Reading and changing the settings. */
export function createSettingsHandlers(_ctx: AppContext, settings: SettingsService): SettingsHandlers {
  return {
    'settings:get': async () => settings.get(),
    'settings:update': async (patch) => settings.update(patch),
  };
}
