// One question at a time that needs a yes before going ahead (a fourth shortlisted, a new focus). The
// core refuses with 'needs-confirmation' and a sentence; the view asks here and repeats the call.
interface Pending {
  title: string;
  message: string;
  confirmLabel: string;
  resolve: (yes: boolean) => void;
}

class Confirmation {
  pending = $state<Pending | null>(null);

  ask(title: string, message: string, confirmLabel = 'Continue'): Promise<boolean> {
    this.pending?.resolve(false);
    return new Promise((resolve) => (this.pending = { title, message, confirmLabel, resolve }));
  }

  answer(yes: boolean): void {
    const pending = this.pending;
    this.pending = null;
    pending?.resolve(yes);
  }
}

export const confirmation = new Confirmation();
