/** "查进度": a worker's own cases (never anyone else's), with status, owner and next step. */
import { tr } from '../core/i18n.js';
import type { CaseRecord } from '../cases/model.js';
import type { DialogContext } from './services.js';
import { CATEGORY_LABEL, M, NEXT_STEP, STATUS_LABEL } from './messages.js';

/** Describe one case for its owner. */
async function describe(ctx: DialogContext, c: CaseRecord): Promise<string> {
  const owner = c.owner ? await ctx.services.handoff.ownerName(c.owner) : undefined;
  return tr(ctx.locale, M.progressLine, {
    id: c.id,
    category: tr(ctx.locale, CATEGORY_LABEL[c.category] ?? CATEGORY_LABEL.other),
    status: tr(ctx.locale, STATUS_LABEL[c.status] ?? STATUS_LABEL.open),
    owner: owner ? tr(ctx.locale, M.ownerStaff, { name: owner }) : tr(ctx.locale, M.ownerBot),
    next: c.nextStep ?? tr(ctx.locale, NEXT_STEP[c.status] ?? NEXT_STEP.open),
    note: c.publicNote ? tr(ctx.locale, M.progressNote, { note: c.publicNote }) : '',
  });
}

/** Reply with the worker's cases, or the one named if it is theirs. */
export async function showProgress(ctx: DialogContext, caseId?: string): Promise<void> {
  const keys = await ctx.services.identities.linkedUserKeys(ctx.message.userKey);
  const mine = await ctx.services.cases.listCasesByUser(keys);
  if (caseId) {
    const c = mine.find((x) => x.id === caseId);
    if (!c) return void ctx.reply({ text: tr(ctx.locale, M.caseNotFound, { id: caseId }), meta: { intent: 'progress' } });
    return void ctx.reply({ text: await describe(ctx, c), meta: { intent: 'progress', caseId: c.id } });
  }
  if (!mine.length) return void ctx.reply({ text: tr(ctx.locale, M.noCases), meta: { intent: 'progress' } });
  const shown = mine.slice(0, 5);
  const parts = await Promise.all(shown.map((c) => describe(ctx, c)));
  ctx.reply({
    text: `${tr(ctx.locale, M.progressHeader)}\n\n${parts.join('\n\n')}`,
    meta: { intent: 'progress', caseId: shown[0].id },
  });
}
