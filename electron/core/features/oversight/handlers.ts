import type { Handlers } from '../../../../shared/contract';
import type { AppContext } from '../../kernel/context';
import type { OversightService } from './oversight-service';

type OversightHandlers = Pick<Handlers, 'oversight:dashboard' | 'oversight:checks' | 'oversight:export'>;

/** The oversight channels: read-only calls into the oversight service. */
export function createOversightHandlers(_ctx: AppContext, oversight: OversightService): OversightHandlers {
  return {
    'oversight:dashboard': async ({ asOf }) => oversight.dashboard(asOf),
    'oversight:checks': async ({ asOf }) => oversight.checks(asOf),
    'oversight:export': async ({ asOf, format }) => oversight.exportFindings(format, asOf),
  };
}
