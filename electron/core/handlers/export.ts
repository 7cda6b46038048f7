import type { Handlers } from '../../../shared/contract';
import type { exportChannels } from '../../../shared/contract/export';
import type { AppContext } from '../context';

type ExportHandlers = Pick<Handlers, keyof typeof exportChannels>;

export function createExportHandlers(_ctx: AppContext): ExportHandlers {
  return {};
}
