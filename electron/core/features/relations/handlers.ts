import type { Handlers } from '../../../../shared/contract';
import type { AppContext } from '../../kernel/context';
import type { RelationService } from './relation-service';

type RelationHandlers = Pick<Handlers, 'relations:add' | 'relations:remove'>;

/** Relations added or removed by hand. */
export function createRelationHandlers(ctx: AppContext, relations: RelationService): RelationHandlers {
  // An abolish/amend/replace changes its target's status, so listeners (review flags) refresh both ends.
  const changed = (r: { sourceId: string; targetId: string | null }) =>
    ctx.events.emit('documents:changed', { ids: [r.sourceId, ...(r.targetId ? [r.targetId] : [])], deleted: [] });
  return {
    'relations:add': async (req, { caller }) => {
      const relation = relations.add(caller, req);
      changed(relation);
      return relation;
    },
    'relations:remove': async ({ id }, { caller }) => {
      const before = relations.get(id);
      const result = relations.remove(caller, id);
      changed(before);
      return result;
    },
  };
}
