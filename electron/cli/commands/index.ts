import type { CliCommand } from '../command';
import { auditCommand } from './audit';
import { backupCommand } from './backup';
import { checkCommand } from './check';
import { cleanupCommand } from './cleanup';
import { exportCommand } from './export';
import { filingCommand } from './filing';
import { gazetteCommand } from './gazette';
import { gazettesCommand } from './gazettes';
import { importCommand } from './import';
import { infoCommand } from './info';
import { issueCommand } from './issue';
import { listCommand } from './list';
import { packageCommand } from './package';
import { parseCommand } from './parse';
import { restoreCommand } from './restore';
import { searchCommand } from './search';
import { serveCommand } from './serve';
import { trashCommand } from './trash';
import { userCommand } from './user';

/** Every CLI command. Add a command file and one line here. */
export const commands: CliCommand[] = [infoCommand, serveCommand, importCommand, listCommand, gazettesCommand, gazetteCommand, issueCommand, searchCommand, parseCommand, exportCommand, backupCommand, restoreCommand, userCommand, auditCommand, checkCommand, cleanupCommand, trashCommand, packageCommand, filingCommand];
