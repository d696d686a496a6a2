import { api, errorMessage } from '../lib/api';
import { journal } from '../lib/journal.svelte';
import { toasts } from '../lib/toasts.svelte';
import { spotlight } from '../timeline/spotlight.svelte';

const UNDO_MS = 8000;
let cancelPrevious: (() => void) | null = null;

/**
 * After a delete: a toast "Deleted “title”" with Undo, and Ctrl/Cmd+Z doing the same while it shows.
 * The core keeps one deleted interaction, so a newer delete withdraws the older offer.
 */
export function offerUndo(deleted: { title: string }): void {
  cancelPrevious?.();
  let spent = false;

  const run = async (): Promise<void> => {
    if (spent) return;
    spent = true;
    stop();
    try {
      const restored = await api('interactions.undoDelete');
      if (!restored) {
        toasts.show('There was nothing left to undo.');
        return;
      }
      spotlight.show(restored);
      journal.changed();
      toasts.show(`Restored “${restored.title}”`, { tone: 'success' });
    } catch (error) {
      toasts.show(errorMessage(error), { tone: 'error' });
    }
  };

  const toastFor = () => toasts.items.find((toast) => toast.action?.run === run);

  const onKeydown = (event: KeyboardEvent): void => {
    const undoKey = (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z';
    // In a text field Ctrl+Z belongs to the field.
    if (!undoKey || isEditable(event.target)) return;
    const toast = toastFor();
    if (!toast) return;
    event.preventDefault();
    toasts.dismiss(toast.id);
    void run();
  };

  const timer = setTimeout(stop, UNDO_MS);
  function stop(): void {
    clearTimeout(timer);
    window.removeEventListener('keydown', onKeydown);
    if (cancelPrevious === withdraw) cancelPrevious = null;
  }
  function withdraw(): void {
    spent = true;
    const toast = toastFor();
    if (toast) toasts.dismiss(toast.id);
    stop();
  }

  cancelPrevious = withdraw;
  window.addEventListener('keydown', onKeydown);
  toasts.show(`Deleted “${deleted.title}”`, { action: { label: 'Undo', run }, ms: UNDO_MS });
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}
