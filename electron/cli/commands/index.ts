import type { CliCommand } from '../command';
import { infoCommand } from './info';
import { searchCommand } from './search';
import { serveCommand } from './serve';

/** Every CLI command. Add a command file and one line here. */
export const commands: CliCommand[] = [infoCommand, serveCommand, searchCommand];
