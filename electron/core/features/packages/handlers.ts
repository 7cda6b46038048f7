import type { Handlers } from '../../../../shared/contract';
import type { AppContext } from '../../kernel/context';
import type { OfficeService } from './office';
import type { PackageService } from './package-service';

type PackageHandlers = Pick<Handlers, 'office:get' | 'office:update' | 'packages:export' | 'packages:preview' | 'packages:import'>;

const bytesOf = (base64: string) => Buffer.from(base64, 'base64');

/** The office and package channels: thin calls that pass the caller to everything that writes. */
export function createPackageHandlers(_ctx: AppContext, packages: PackageService, office: OfficeService): PackageHandlers {
  return {
    'office:get': async () => office.settings(),
    'office:update': async (patch, { caller }) => {
      const next = office.update(caller, patch);
      // the key is made when the office gets its name, so 设置 can show the fingerprint to give to the receiver
      if (next.name) office.fingerprint(caller);
      return office.settings();
    },
    'packages:export': async ({ selection }, { caller }) => {
      const p = packages.export(caller, selection);
      return { fileName: p.fileName, dataBase64: p.bytes.toString('base64'), info: p.info };
    },
    'packages:preview': async ({ dataBase64 }) => packages.preview(bytesOf(dataBase64)),
    'packages:import': async ({ fileName, dataBase64, choices, resolve }, { caller }) =>
      packages.import(caller, bytesOf(dataBase64), fileName, choices, resolve),
  };
}
