import type { DocumentSource } from '../../../../shared/contract/import';
import type { AppContext } from '../../kernel/context';

interface Row {
  name: string;
  imported_at: string;
  origin_url: string | null;
  origin_published: string | null;
}

/** The file a stored document was imported from, with where that file came from when it said (a saved web page). */
export function createSourceLookup(ctx: AppContext): (documentId: string) => DocumentSource | null {
  const byDocument = ctx.db.prepare<[string], Row>(
    `SELECT f.name, f.imported_at, f.origin_url, f.origin_published
       FROM documents d JOIN source_files f ON f.id = d.source_file_id
      WHERE d.id = ?`,
  );
  return (documentId) => {
    const r = byDocument.get(documentId);
    if (!r) return null;
    const origin = r.origin_url || r.origin_published ? { url: r.origin_url, published: r.origin_published } : null;
    return { name: r.name, importedAt: r.imported_at, origin };
  };
}
