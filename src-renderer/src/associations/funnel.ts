import type { AssociationDetail, AssociationStatus } from '../../../src-main/contract/contract';
import { api, ApiFailure, errorMessage } from '../lib/api';
import { confirmation } from '../lib/confirmation.svelte';
import { journal } from '../lib/journal.svelte';
import { toasts } from '../lib/toasts.svelte';
import { statusLabels } from './words';

/**
 * Runs a funnel write; if the core answers that it needs a yes (a fourth shortlisted, a second focus),
 * asks, and repeats it confirmed. Null when the user said no.
 */
export async function withConfirmation<T>(run: (confirmed: boolean) => Promise<T>, title: string, confirmLabel: string): Promise<T | null> {
  try {
    return await run(false);
  } catch (failure) {
    if (!(failure instanceof ApiFailure) || failure.code !== 'needs-confirmation') throw failure;
    if (!(await confirmation.ask(title, failure.message, confirmLabel))) return null;
    return run(true);
  }
}

/** Moves an association in the funnel from a view, with the toasts and refresh that go with it. */
export async function moveTo(id: number, name: string, status: AssociationStatus): Promise<AssociationDetail | null> {
  try {
    const title = status === 'focus' ? 'Change your focus?' : 'Shortlist more than three?';
    const moved = await withConfirmation((confirmed) => api('associations.setStatus', { id, status, confirmed }), title, status === 'focus' ? 'Make it the focus' : 'Shortlist anyway');
    if (moved) {
      journal.changed('associations');
      toasts.show(`${name}: ${statusLabels[status].toLowerCase()}`, { tone: 'success' });
    }
    return moved;
  } catch (failure) {
    toasts.show(errorMessage(failure), { tone: 'error' });
    return null;
  }
}
