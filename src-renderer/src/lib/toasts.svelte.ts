export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'success' | 'error';
  action?: { label: string; run: () => void | Promise<void> };
}

// Short-lived notices at the bottom of the window ("Deleted … Undo"). Announced to screen readers.
class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;

  show(message: string, options: { tone?: Toast['tone']; action?: Toast['action']; ms?: number } = {}): void {
    const toast: Toast = { id: this.#next++, message, tone: options.tone ?? 'info', ...(options.action ? { action: options.action } : {}) };
    this.items = [...this.items, toast];
    setTimeout(() => this.dismiss(toast.id), options.ms ?? (options.action ? 8000 : 4000));
  }

  dismiss(id: number): void {
    this.items = this.items.filter((toast) => toast.id !== id);
  }
}

export const toasts = new Toasts();
